// Package cli implements krait's command line: subcommands, flags, exit codes and
// progress. Everything runs through Run so that tests drive the real command in-process.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/rules"
)

// Exit codes, part of the command-line contract.
const (
	// ExitOK means no finding at or above --fail-on.
	ExitOK = 0
	// ExitFindings means at least one finding at or above --fail-on.
	ExitFindings = 1
	// ExitError means a usage error or a tool error.
	ExitError = 2
)

// Run executes krait with args (without the program name) and returns the exit code.
// Ctrl-C and SIGTERM cancel the running command.
func Run(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// After the first Ctrl-C the default handler comes back, so a second one kills a
	// scan that is slow to wind down.
	context.AfterFunc(ctx, stop)
	return run(ctx, args, &app{
		stdout:    stdout,
		stderr:    stderr,
		getenv:    os.Getenv,
		registry:  rules.Categories,
		analyzers: defaultAnalyzers,
	})
}

// app carries what every command needs; tests build it with fakes.
type app struct {
	stdout, stderr io.Writer
	getenv         func(string) string
	// registry returns the rules by category; tests replace it.
	registry func() []rules.Category
	// analyzers builds the analyzers that run beside the rule engine for a scan;
	// tests replace it.
	analyzers func(cfg *scanConfig) ([]analysis.FileAnalyzer, []analysis.ProjectAnalyzer, error)
	// code is the exit code a command chose when it did not fail.
	code int
	// now is the clock of the commands that report ages and dates; nil means time.Now.
	now func() time.Time
}

// usageError is a mistake in how krait was called, as opposed to a failure while
// doing the work; it is reported with a pointer to --help.
type usageError struct {
	cmd string
	err error
}

func (e *usageError) Error() string { return e.err.Error() }

func usagef(cmd *cobra.Command, format string, args ...any) error {
	return &usageError{cmd: cmd.CommandPath(), err: fmt.Errorf(format, args...)}
}

// errReported means the command already told the user what went wrong.
var errReported = errors.New("reported")

func run(ctx context.Context, args []string, a *app) int {
	root := newRootCmd(a)
	root.SetArgs(args)
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	err := root.ExecuteContext(ctx)
	var ue *usageError
	switch {
	case err == nil:
		return a.code
	case errors.Is(err, errReported):
	case errors.As(err, &ue):
		fmt.Fprintf(a.stderr, "krait: %v\nRun '%s --help' for usage.\n", ue.err, ue.cmd)
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(a.stderr, "krait: interrupted")
	default:
		fmt.Fprintf(a.stderr, "krait: %v\n", err)
	}
	return ExitError
}

func newRootCmd(a *app) *cobra.Command {
	root := &cobra.Command{
		Use:   "krait",
		Short: "Security scanner for Python projects",
		Long: "krait audits a Python project's code, secrets, dependencies, supply chain and\n" +
			"configuration statically: it never imports or runs the code it scans.",
		SilenceErrors:     true,
		SilenceUsage:      true,
		CompletionOptions: cobra.CompletionOptions{DisableDefaultCmd: true},
		Args:              wrapArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			cmd.SetOut(a.stderr)
			_ = cmd.Usage()
			return &usageError{cmd: "krait", err: errors.New("no command given")}
		},
	}
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return &usageError{cmd: cmd.CommandPath(), err: err}
	})
	root.AddCommand(
		newScanCmd(a),
		newBaselineCmd(a),
		newDepsCmd(a),
		newDBCmd(a),
		newRulesCmd(a),
		newDevCmd(a),
		newVersionCmd(a),
	)
	return root
}

// wrapArgs turns cobra's positional-argument errors into usage errors.
func wrapArgs(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return &usageError{cmd: cmd.CommandPath(), err: err}
		}
		return nil
	}
}
