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
	// The time spent in each phase; parse, model and rules are summed over the
	// workers, so with several jobs they can add up to more than Seconds.
	WalkSeconds  float64 `json:"walk_seconds"`
	ParseSeconds float64 `json:"parse_seconds"`
	ModelSeconds float64 `json:"model_seconds"`
	RulesSeconds float64 `json:"rules_seconds"`
}

func measure(res *scanResult) *runStats {
	st := &runStats{
		Seconds: res.elapsed.Seconds(), PeakRSSBytes: peakRSS(),
		WalkSeconds: res.phases.walk.Seconds(), ParseSeconds: res.phases.parse.Seconds(),
		ModelSeconds: res.phases.model.Seconds(), RulesSeconds: res.phases.rules.Seconds(),
	}
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
	fmt.Fprintf(w, "krait: stats: %s; walk %.3fs, parse %.3fs, model %.3fs, rules %.3fs (summed over workers)\n",
		plural(len(res.findings), "finding"), st.WalkSeconds, st.ParseSeconds, st.ModelSeconds, st.RulesSeconds)
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
