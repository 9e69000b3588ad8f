package cli

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/kraitsec/krait/internal/report"
)

// measure returns the figures of --stats: the report's measured figures, and the
// time spent in each phase, which goes to stderr since the formats do not carry it.
func measure(res *scanResult) *report.Measured {
	m := &report.Measured{Seconds: res.elapsed.Seconds(), PeakRSSBytes: peakRSS()}
	if m.Seconds > 0 {
		m.LinesPerSecond = float64(res.lines) / m.Seconds
	}
	return m
}

// skippedByReason counts the skipped paths per reason.
func skippedByReason(res *scanResult) map[string]int {
	m := make(map[string]int)
	for _, s := range res.skipped {
		m[string(s.Reason)]++
	}
	return m
}

// writeStats prints the --stats figures on stderr: always the findings and the time
// per phase, and for the text format (whose report has no room for them) the totals.
func writeStats(w io.Writer, res *scanResult, m *report.Measured, totals bool) {
	if totals {
		fmt.Fprintf(w, "krait: stats: %s, %s, %s in %.3fs (%.0f lines/s), %.3fs CPU, peak RSS %s\n",
			plural(res.files, "file"), plural(int(res.lines), "line"), plural(int(res.bytes), "byte"),
			m.Seconds, m.LinesPerSecond, res.cpu.Seconds(), mebibytes(m.PeakRSSBytes))
	}
	p := res.phases
	fmt.Fprintf(w, "krait: stats: %s; walk %.3fs, parse %.3fs, model %.3fs, rules %.3fs, file analyzers %.3fs (summed over workers), project analyzers %.3fs\n",
		plural(len(res.findings), "finding"), p.walk.Seconds(), p.parse.Seconds(), p.model.Seconds(), p.rules.Seconds(), p.analyzers.Seconds(), p.project.Seconds())
	if !totals {
		return
	}
	counts := skippedByReason(res)
	if len(counts) == 0 {
		return
	}
	reasons := make([]string, 0, len(counts))
	for r := range counts {
		reasons = append(reasons, r)
	}
	sort.Strings(reasons)
	parts := make([]string, len(reasons))
	for i, r := range reasons {
		parts[i] = fmt.Sprintf("%s %d", r, counts[r])
	}
	fmt.Fprintf(w, "krait: stats: skipped %d: %s\n", len(res.skipped), strings.Join(parts, ", "))
}

func mebibytes(n int64) string {
	if n <= 0 {
		return "unknown"
	}
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
