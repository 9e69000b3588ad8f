package lockfile

import (
	"bytes"
	"sort"
)

// Lines turns byte offsets of one document into 1-based line numbers.
type Lines struct {
	starts []int // offset of the first byte of each line
}

// NewLines indexes the line starts of data.
func NewLines(data []byte) *Lines {
	starts := make([]int, 1, bytes.Count(data, []byte("\n"))+1)
	for i, c := range data {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &Lines{starts: starts}
}

// Line returns the 1-based line holding the byte at offset; an offset past the
// end is on the last line.
func (l *Lines) Line(offset int) int {
	return sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > offset })
}
