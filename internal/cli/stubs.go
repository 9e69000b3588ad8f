package cli

import (
	"fmt"

	"github.com/spf13/cobra"
)

// notYet is the body of the commands whose machinery has not landed: they exist so
// that their flags and help are part of the interface already, and fail plainly.
func notYet(a *app) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, _ []string) error {
		fmt.Fprintf(a.stderr, "%s: not yet available\n", cmd.CommandPath())
		return errReported
	}
}

func newDepsCmd(a *app) *cobra.Command {
	var format, output, db string
	var offline bool
	var wf walkFlags
	cmd := &cobra.Command{
		Use:   "deps [PATH ...]",
		Short: "Dependency inventory with vulnerabilities (not yet available)",
		RunE:  notYet(a),
	}
	fs := cmd.Flags()
	fs.StringVarP(&format, "format", "f", "table", "output `FORMAT`: table|json|cyclonedx")
	fs.StringVarP(&output, "output", "o", "", "write to `FILE` instead of stdout")
	fs.BoolVar(&offline, "offline", false, "never use the network")
	fs.StringVar(&db, "db", "", "vulnerability database `DIR` (default $KRAIT_DB, else the user cache dir)")
	wf.register(fs)
	return cmd
}

func newDBCmd(a *app) *cobra.Command {
	var db string
	cmd := &cobra.Command{
		Use:   "db",
		Short: "Manage the local vulnerability database (not yet available)",
		Args:  wrapArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			cmd.SetOut(a.stderr)
			_ = cmd.Usage()
			return usagef(cmd, "no subcommand given")
		},
	}
	cmd.PersistentFlags().StringVar(&db, "db", "", "vulnerability database `DIR` (default $KRAIT_DB, else the user cache dir)")
	var url string
	update := &cobra.Command{
		Use:   "update",
		Short: "Download the PyPI advisories from OSV and swap them in atomically",
		Args:  wrapArgs(cobra.NoArgs),
		RunE:  notYet(a),
	}
	update.Flags().StringVar(&url, "url", "", "download from this mirror `URL` instead of OSV")
	cmd.AddCommand(
		update,
		&cobra.Command{
			Use:   "import FILE",
			Short: "Import the advisories from a local OSV zip",
			Args:  wrapArgs(cobra.ExactArgs(1)),
			RunE:  notYet(a),
		},
		&cobra.Command{
			Use:   "status",
			Short: "Show the database's source, entry count and age",
			Args:  wrapArgs(cobra.NoArgs),
			RunE:  notYet(a),
		},
	)
	return cmd
}
