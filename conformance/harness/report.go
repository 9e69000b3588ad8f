package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/kraitsec/krait/conformance"
)

// result is the verdict on one file. Dumps are not kept: only the diff is.
type result struct {
	path string
	conformance.Verdict
}

// judge compares krait's line for one file with CPython's. why explains a missing line.
func judge(path, want, got, why string) result {
	r := result{path: path, Verdict: conformance.Compare(want, got)}
	if r.Got != conformance.Missing || r.Want == conformance.Broken {
		return r
	}
	if why != "" {
		r.Detail = "krait printed no line: " + why
	} else {
		r.Detail = "krait printed an empty line"
	}
	return r
}

// summary holds the counts printed at the top of a run.
type summary struct {
	files, accepts, rejects, broken int
	identical, matched              int
	colDiffers                      int
	kraitMissing                    int
	kraitNote                       string
	elapsed                         time.Duration
}

func summarize(results []result) summary {
	var s summary
	s.files = len(results)
	for _, r := range results {
		switch r.Want {
		case conformance.Accepted:
			s.accepts++
			if r.OK {
				s.identical++
			}
		case conformance.Rejected:
			s.rejects++
			if r.OK {
				s.matched++
			}
		default:
			s.broken++
		}
		if r.Got == conformance.Missing {
			s.kraitMissing++
		}
		if r.ColDiffers {
			s.colDiffers++
		}
	}
	return s
}

// passed is the exit-0 condition: every dump identical and every rejection matched.
func (s summary) passed() bool {
	return s.broken == 0 && s.identical == s.accepts && s.matched == s.rejects
}

func percent(a, b int) float64 {
	if b == 0 {
		return 100
	}
	return 100 * float64(a) / float64(b)
}

func writeSummary(w io.Writer, s summary) {
	fmt.Fprintf(w, "corpus: %d files; CPython accepts %d, rejects %d", s.files, s.accepts, s.rejects)
	if s.broken > 0 {
		fmt.Fprintf(w, ", fails on %d (no reference; counted as failures)", s.broken)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "identical dumps: %d/%d (%.2f%%)\n", s.identical, s.accepts, percent(s.identical, s.accepts))
	fmt.Fprintf(w, "rejections matched: %d/%d", s.matched, s.rejects)
	if s.colDiffers > 0 {
		fmt.Fprintf(w, " (%d of them at another column on the right line)", s.colDiffers)
	}
	fmt.Fprintln(w)
	if s.kraitMissing > 0 {
		fmt.Fprintf(w, "krait printed no line for %d files", s.kraitMissing)
		if s.kraitNote != "" {
			fmt.Fprintf(w, ": %s", s.kraitNote)
		}
		fmt.Fprintln(w)
	}
}

// failures returns the results that fail the run, in corpus order.
func failures(results []result) []result {
	var out []result
	for _, r := range results {
		if !r.OK {
			out = append(out, r)
		}
	}
	return out
}

func writeEntry(w io.Writer, n int, r result) {
	fmt.Fprintf(w, "%d. %s\n  %s\n", n, r.path, indentTail(r.Detail))
}

// indentTail keeps multi-line details under their entry.
func indentTail(s string) string {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		out = append(out, s[i])
		if s[i] == '\n' && i+1 < len(s) {
			out = append(out, ' ', ' ')
		}
	}
	if len(out) > 0 && out[len(out)-1] == '\n' {
		out = out[:len(out)-1]
	}
	return string(out)
}

// writeReport writes the summary, every failure and every position difference.
func writeReport(name string, s summary, results []result) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	writeSummary(w, s)
	fails := failures(results)
	fmt.Fprintf(w, "\nmismatches: %d\n", len(fails))
	for i, r := range fails {
		writeEntry(w, i+1, r)
	}
	n := 0
	for _, r := range results {
		if r.OK && r.ColDiffers {
			if n == 0 {
				fmt.Fprintf(w, "\nrejections at another column (not failures):\n")
			}
			n++
			writeEntry(w, n, r)
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// printSummary prints the summary and the first show failures.
func printSummary(w io.Writer, s summary, results []result, show int, report string) {
	writeSummary(w, s)
	fails := failures(results)
	if len(fails) > 0 && show > 0 {
		fmt.Fprintf(w, "\nfirst %d of %d mismatches:\n", min(show, len(fails)), len(fails))
		for i, r := range fails[:min(show, len(fails))] {
			writeEntry(w, i+1, r)
		}
	}
	fmt.Fprintf(w, "\nfull report: %s (%s)\n", report, s.elapsed.Round(time.Second))
}
