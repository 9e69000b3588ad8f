package cli

import (
	"bytes"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/kraitsec/krait/internal/config"
)

func newBaselineCmd(a *app) *cobra.Command {
	var output string
	var noProgress bool
	var wf walkFlags
	cmd := &cobra.Command{
		Use:   "baseline [PATH ...] -o FILE",
		Short: "Write a baseline of today's findings",
		Long: "Baseline scans like 'krait scan' (with the project's configuration, but no\n" +
			"--baseline) and writes every reported finding's fingerprint to FILE, or to stdout\n" +
			"without -o. A later 'krait scan --baseline FILE' reports only new findings;\n" +
			"fingerprints survive moved lines, so unrelated edits keep old findings hidden.",
		Example: "  krait baseline -o krait-baseline.json .\n  krait scan --baseline krait-baseline.json .",
		RunE: func(cmd *cobra.Command, args []string) error {
			walkOpts, jobs, err := wf.options(cmd)
			if err != nil {
				return err
			}
			cfg := &scanConfig{paths: args, walk: walkOpts, jobs: jobs, output: output, noProgress: noProgress,
				overrides: config.Overrides{Exclude: wf.exclude}}
			if len(cfg.paths) == 0 {
				cfg.paths = []string{"."}
			}
			cfg.root = projectRoot(cfg.paths)
			s, err := loadSettings(cmd, a, cfg)
			if err != nil {
				return err
			}
			res, err := scan(cmd.Context(), a, cfg, s)
			if err != nil {
				return err
			}
			var buf bytes.Buffer
			if err := config.WriteBaseline(&buf, res.findings); err != nil {
				return err
			}
			if err := emit(a.stdout, output, buf.Bytes()); err != nil {
				return err
			}
			if output != "" {
				fmt.Fprintf(a.stderr, "krait: wrote %s to %s\n", plural(len(res.findings), "finding"), output)
			}
			if len(res.errors) > 0 {
				fmt.Fprintf(a.stderr, "krait: %s could not be analysed; their findings are not in the baseline\n", plural(len(res.errors), "file"))
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&output, "output", "o", "", "write the baseline to `FILE` instead of stdout")
	cmd.Flags().BoolVar(&noProgress, "no-progress", false, "do not show a progress bar")
	wf.register(cmd.Flags())
	return cmd
}
