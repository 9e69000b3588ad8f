package cli

import (
	"math"
	"runtime/debug"
	"testing"
)

// TestTuneGC checks that a scan's garbage collector settings apply unless
// the environment sets GOGC or GOMEMLIMIT, and that restore undoes them.
func TestTuneGC(t *testing.T) {
	tests := []struct {
		name              string
		env               map[string]string
		wantPercent       int
		wantLimitFromScan bool
	}{
		{"defaults", nil, scanGCPercent, true},
		{"gogc_set", map[string]string{"GOGC": "50"}, 100, true},
		{"gomemlimit_set", map[string]string{"GOMEMLIMIT": "1GiB"}, scanGCPercent, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer debug.SetGCPercent(debug.SetGCPercent(100))
			defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
			restore := tuneGC(func(k string) string { return tt.env[k] })
			percent := debug.SetGCPercent(-1)
			debug.SetGCPercent(percent)
			limit := debug.SetMemoryLimit(-1)
			if percent != tt.wantPercent {
				t.Errorf("GC percent = %d, want %d", percent, tt.wantPercent)
			}
			if got := limit == scanMemoryLimit; got != tt.wantLimitFromScan {
				t.Errorf("memory limit = %d, scan's = %v, want %v", limit, got, tt.wantLimitFromScan)
			}
			restore()
			if p := debug.SetGCPercent(-1); p != 100 {
				t.Errorf("after restore, GC percent = %d, want 100", p)
			}
			if l := debug.SetMemoryLimit(-1); l != math.MaxInt64 {
				t.Errorf("after restore, memory limit = %d, want none", l)
			}
		})
	}
}
