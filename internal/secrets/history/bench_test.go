package history

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// BenchmarkScan scans a history of 100 commits that each change a line of a
// 300-line Python module, with the hard-coded credential rules as the check.
func BenchmarkScan(b *testing.B) {
	r := newRepo(b)
	lines := make([]string, 300)
	for i := range lines {
		lines[i] = fmt.Sprintf("VALUE_%d = compute(%d)", i, i)
	}
	for c := 0; c < 100; c++ {
		lines[(c*7)%300] = fmt.Sprintf("API_TOKEN_%d = \"tok_%08dQ4x9Lm2Zp\"", c, c)
		r.commit("Dev", map[string]string{"app/module.py": strings.Join(lines, "\n") + "\n"})
	}
	check := engineCheck(b)
	b.ResetTimer()
	for b.Loop() {
		fs, err := Scan(context.Background(), r.dir, Options{}, check)
		if err != nil || len(fs) == 0 {
			b.Fatalf("%d findings, %v", len(fs), err)
		}
	}
}
