package cli

import (
	"fmt"

	"github.com/spf13/cobra"
)

func newDepsCmd(a *app) *cobra.Command {
	var format, output, db string
	var offline bool
	var wf walkFlags
	cmd := &cobra.Command{
		Use:   "deps [PATH ...]",
		Short: "Dependency inventory with vulnerabilities (not yet available)",
		RunE: func(cmd *cobra.Command, _ []string) error {
			fmt.Fprintf(a.stderr, "%s: not yet available\n", cmd.CommandPath())
			return errReported
		},
	}
	fs := cmd.Flags()
	fs.StringVarP(&format, "format", "f", "table", "output `FORMAT`: table|json|cyclonedx")
	fs.StringVarP(&output, "output", "o", "", "write to `FILE` instead of stdout")
	fs.BoolVar(&offline, "offline", false, "never use the network")
	fs.StringVar(&db, "db", "", "vulnerability database `DIR` (default $KRAIT_DB, else the user cache dir)")
	wf.register(fs)
	return cmd
}
