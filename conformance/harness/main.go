// Command harness compares `krait dev ast` with CPython 3.14 over a corpus of Python
// files. conformance/run collects the corpus, installs pyodide and builds krait, then
// calls this command; see conformance/README.md.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"github.com/kraitsec/krait/conformance"
)

// options are the command-line settings of one harness run.
type options struct {
	corpus       string
	fixtures     string
	krait        string
	kraitNote    string
	node         string
	dump         string
	pyodide      string
	cache        string
	report       string
	show         int
	batch        int
	jobs         int
	timeout      time.Duration
	updateGolden bool
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("harness", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	fs.StringVar(&o.corpus, "corpus", "", "file listing the corpus, one path a line (required)")
	fs.StringVar(&o.fixtures, "fixtures", "conformance/fixtures", "fixture directory (for -update-golden)")
	fs.StringVar(&o.krait, "krait", "", "krait binary; empty means krait is unavailable")
	fs.StringVar(&o.kraitNote, "krait-note", "", "why krait is unavailable, for the summary")
	fs.StringVar(&o.node, "node", "node", "node binary")
	fs.StringVar(&o.dump, "dump", "conformance/cpython/dump.mjs", "CPython dumper script")
	fs.StringVar(&o.pyodide, "pyodide", "", "node_modules directory holding pyodide")
	fs.StringVar(&o.cache, "cache", ".cache/conformance", "cache directory")
	fs.StringVar(&o.report, "report", "", "full report file (default CACHE/report.txt)")
	fs.IntVar(&o.show, "n", 10, "mismatches to show on stdout")
	fs.IntVar(&o.batch, "batch", 64, "files per krait invocation")
	fs.IntVar(&o.jobs, "jobs", 2, "krait invocations run at once")
	fs.DurationVar(&o.timeout, "timeout", 2*time.Minute, "time limit for one krait invocation")
	fs.BoolVar(&o.updateGolden, "update-golden", false, "write CPython's line to FILE.expected for every fixture in the corpus, then stop")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if o.corpus == "" || fs.NArg() != 0 {
		fmt.Fprintln(stderr, "harness: -corpus FILE is required and no other arguments are taken")
		return 2
	}
	if o.report == "" {
		o.report = filepath.Join(o.cache, "report.txt")
	}
	o.batch = max(1, o.batch)
	o.jobs = max(1, o.jobs)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	code, err := harness(ctx, o, stdout, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "harness: %v\n", err)
		return 2
	}
	return code
}

func harness(ctx context.Context, o options, stdout, stderr io.Writer) (int, error) {
	files, err := readList(o.corpus)
	if err != nil {
		return 2, err
	}
	if len(files) == 0 {
		return 2, fmt.Errorf("corpus %s is empty", o.corpus)
	}
	cp := cpython{node: o.node, dump: o.dump, pyodide: o.pyodide, cache: filepath.Join(o.cache, "cpython")}
	start := time.Now()
	ref, stats, err := cp.lines(ctx, files, stderr)
	if err != nil {
		return 2, err
	}
	fmt.Fprintf(stderr, "cpython: %d files, %d from cache, %d run in %s\n",
		len(files), stats.cached, stats.ran, stats.elapsed.Round(time.Millisecond))
	if o.updateGolden {
		n, err := writeGolden(files, ref, o.fixtures)
		if err != nil {
			return 2, err
		}
		fmt.Fprintf(stdout, "wrote %d golden files under %s\n", n, o.fixtures)
		return 0, nil
	}

	k := krait{bin: o.krait, note: o.kraitNote, batch: o.batch, jobs: o.jobs, timeout: o.timeout}
	results := k.compare(ctx, files, ref, stderr)
	if err := ctx.Err(); err != nil {
		return 2, err
	}
	sum := summarize(results)
	sum.kraitNote = o.kraitNote
	sum.elapsed = time.Since(start)
	if err := writeReport(o.report, sum, results); err != nil {
		return 2, err
	}
	printSummary(stdout, sum, results, o.show, o.report)
	if sum.passed() {
		return 0, nil
	}
	return 1, nil
}

// readList reads one path a line, skipping blank lines.
func readList(name string) ([]string, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimRight(l, "\r"); l != "" {
			files = append(files, l)
		}
	}
	return files, nil
}

// writeGolden stores CPython's line for each corpus file under the fixture directory.
func writeGolden(files []string, ref []string, fixtures string) (int, error) {
	dir := filepath.Clean(fixtures) + string(filepath.Separator)
	n := 0
	for i, f := range files {
		if !strings.HasPrefix(filepath.Clean(f), dir) {
			continue
		}
		kind := conformance.Classify(ref[i])
		if kind == conformance.Broken {
			return n, fmt.Errorf("%s: CPython gave no usable line: %s", f, conformance.Clip(ref[i], 200))
		}
		// The name promises the verdict, so a fixture that stopped failing (or started)
		// is caught here rather than silently changing what it tests.
		if wantErr := strings.HasPrefix(filepath.Base(f), "error_"); wantErr != (kind == conformance.Rejected) {
			return n, fmt.Errorf("%s: CPython's verdict is %s, but only error_*.py files may be rejected: %s", f, kind, conformance.Clip(ref[i], 200))
		}
		if err := os.WriteFile(f+".expected", []byte(ref[i]+"\n"), 0o644); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}
