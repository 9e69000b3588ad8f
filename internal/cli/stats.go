package cli

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// runStats are the measured, machine-dependent figures shown only with --stats.
type runStats struct {
	Seconds        float64 `json:"seconds"`
	LinesPerSecond float64 `json:"lines_per_second"`
	// PeakRSSBytes is the process's peak resident set size; 0 where the OS does not say.
	PeakRSSBytes int64 `json:"peak_rss_bytes"`
}

func measure(res *scanResult) *runStats {
	st := &runStats{Seconds: res.elapsed.Seconds(), PeakRSSBytes: peakRSS()}
	if st.Seconds > 0 {
		st.LinesPerSecond = float64(res.lines) / st.Seconds
	}
	return st
}

// skippedByReason counts the skipped paths per reason.
func skippedByReason(res *scanResult) map[string]int {
	m := make(map[string]int)
	for _, s := range res.skipped {
		m[string(s.Reason)]++
	}
	return m
}

func writeTextStats(w io.Writer, res *scanResult, st *runStats) {
	fmt.Fprintf(w, "krait: stats: %s, %s, %s in %.3fs (%.0f lines/s), peak RSS %s\n",
		plural(res.files, "file"), plural(int(res.lines), "line"), plural(int(res.bytes), "byte"),
		st.Seconds, st.LinesPerSecond, mebibytes(st.PeakRSSBytes))
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
