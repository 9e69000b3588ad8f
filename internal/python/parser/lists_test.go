package parser

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestLists checks the list builder: nested lists come out whole and in
// order, empty lists are nil, and a taken list has no spare capacity, so
// that appending to it cannot overwrite the list carved after it.
func TestLists(t *testing.T) {
	tests := []struct {
		name         string
		outer, inner int // elements pushed before and inside a nested list
	}{
		{"empty", 0, 0},
		{"flat", 3, 0},
		{"nested", 2, 3},
		{"inner_only", 0, 5},
		{"long", 1000, 300},
		{"chunk_edge", maxChunk / 4, maxChunk/4 + 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var l lists[int]
			var wantOuter, wantInner []int
			outer := l.mark()
			for i := range tt.outer {
				l.push(i)
				wantOuter = append(wantOuter, i)
			}
			inner := l.mark()
			for i := range tt.inner {
				l.push(-i)
				wantInner = append(wantInner, -i)
			}
			gotInner := l.take(inner)
			gotOuter := l.take(outer)
			if diff := cmp.Diff(wantInner, gotInner); diff != "" {
				t.Errorf("inner list (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(wantOuter, gotOuter); diff != "" {
				t.Errorf("outer list (-want +got):\n%s", diff)
			}
			for _, s := range [][]int{gotInner, gotOuter} {
				if cap(s) != len(s) {
					t.Errorf("cap %d for len %d", cap(s), len(s))
				}
			}
			_ = append(gotInner, 99)
			if diff := cmp.Diff(wantOuter, gotOuter); diff != "" {
				t.Errorf("append to the inner list changed the outer (-want +got):\n%s", diff)
			}
			if l.count(outer) != 0 {
				t.Errorf("%d elements left on the stack", l.count(outer))
			}
		})
	}
}

// TestListsDrop checks that a dropped list leaves the enclosing one intact
// and clears what it held.
func TestListsDrop(t *testing.T) {
	var l lists[*int]
	one := 1
	outer := l.mark()
	l.push(&one)
	inner := l.mark()
	l.push(&one)
	l.push(&one)
	l.drop(inner)
	if got := l.take(outer); len(got) != 1 || got[0] != &one {
		t.Errorf("outer list = %v, want one element", got)
	}
	if s := l.stack[:cap(l.stack)]; s[1] != nil || s[2] != nil {
		t.Error("dropped elements still referenced from the stack")
	}
}
