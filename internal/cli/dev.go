package cli

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/parser"
)

func newDevCmd(a *app) *cobra.Command {
	dev := &cobra.Command{
		Use:   "dev",
		Short: "Tools for krait's own development",
		Args:  wrapArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			cmd.SetOut(a.stderr)
			_ = cmd.Usage()
			return usagef(cmd, "no subcommand given")
		},
	}
	dev.AddCommand(&cobra.Command{
		Use:   "ast FILE ...",
		Short: "Print the CPython-compatible AST dump of each file, one line per file",
		Long: "For each FILE, print one line: what CPython 3.14 prints for\n" +
			"ast.dump(ast.parse(source), include_attributes=True, show_empty=True), or\n" +
			"\"SyntaxError: LINE:COL: MESSAGE\" when the file is rejected. A rejected file is\n" +
			"expected output and leaves the exit status 0; an unreadable file makes it 2.",
		Args: wrapArgs(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			failed := false
			for _, p := range args {
				if err := cmd.Context().Err(); err != nil {
					return err
				}
				line, err := dumpFile(p)
				if err != nil {
					fmt.Fprintf(a.stderr, "krait dev ast: %v\n", err)
					failed = true
					continue
				}
				fmt.Fprintln(a.stdout, line)
			}
			if failed {
				return errReported
			}
			return nil
		},
	})
	return dev
}

// dumpFile returns the one-line dump of a file, or its SyntaxError line. Errors are
// only for files that cannot be read or that the parser fails on without a verdict.
func dumpFile(path string) (string, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	mod, err := parser.ParseFile(path, src)
	if err != nil {
		var se *parser.SyntaxError
		if errors.As(err, &se) {
			return "SyntaxError: " + oneLine(se.Error()), nil
		}
		return "", fmt.Errorf("%s: %w", path, err)
	}
	return ast.Dump(mod), nil
}
