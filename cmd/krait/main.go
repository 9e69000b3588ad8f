// Command krait is a static security scanner for Python projects.
package main

import (
	"os"

	"github.com/kraitsec/krait/internal/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
}
