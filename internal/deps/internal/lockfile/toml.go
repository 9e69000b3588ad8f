package lockfile

import (
	"errors"
	"fmt"
	"strings"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// MaxSize bounds the bytes of one lock file. The largest real lock files are a
// few megabytes; anything far beyond is not worth the memory.
const MaxSize = 64 << 20

// maxCost bounds the sum over all tables of the square of their key count.
// go-toml checks each new key against the keys already in its table, so a table
// of n keys costs n² (10000 keys in one table take about a second), while real
// lock files have many small tables: even poetry's [metadata.files], one key per
// package, stays far below 5000² for the largest projects.
const maxCost = 5000 * 5000

// DecodeTOML decodes the lock file at path into v, which is what toml.Unmarshal
// accepts, and returns the 1-based line on which each element of the top-level
// array of tables named key starts: [[key]] headers, the inline tables of
// key = [...], or a lone [key] table, which go-toml decodes as one element; as
// in go-toml, the key matches whatever its case. It refuses files too large or
// shaped to make the decoder slow, and its errors name the file and, where
// known, the line.
func DecodeTOML(path string, data []byte, key string, v any) ([]int, error) {
	if len(data) > MaxSize {
		return nil, fmt.Errorf("%s: file too large (%d bytes; the limit is %d)", path, len(data), MaxSize)
	}
	lines := NewLines(data)
	offsets, err := scan(data, key)
	if err != nil {
		var pe *unstable.ParserError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("%s:%d: invalid TOML: %s", path, lines.Line(errOffset(data, pe)), pe.Message)
		}
		var ce *costError
		if errors.As(err, &ce) {
			return nil, fmt.Errorf("%s:%d: %v", path, lines.Line(ce.offset), ce)
		}
		return nil, fmt.Errorf("%s: invalid TOML: %v", path, err)
	}
	if err := toml.Unmarshal(data, v); err != nil {
		var de *toml.DecodeError
		if errors.As(err, &de) {
			line, _ := de.Position()
			return nil, fmt.Errorf("%s:%d: invalid TOML: %s", path, line, strings.TrimPrefix(de.Error(), "toml: "))
		}
		return nil, fmt.Errorf("%s: invalid lock file: %s", path, strings.TrimPrefix(err.Error(), "toml: "))
	}
	out := make([]int, len(offsets))
	for i, off := range offsets {
		out[i] = lines.Line(off)
	}
	return out, nil
}

// errOffset is where a parser error points, as an offset into data.
func errOffset(data []byte, pe *unstable.ParserError) int {
	if len(pe.Highlight) == 0 {
		return 0
	}
	var p unstable.Parser
	p.Reset(data)
	return int(p.Range(pe.Highlight).Offset)
}

// costError reports a document that would make the decoder slow.
type costError struct{ offset int }

func (e *costError) Error() string {
	return "too many keys in one table for a lock file"
}

// scan walks the document once with go-toml's linear parser: it checks the
// shape against maxCost and finds where each element of the array key starts.
func scan(data []byte, key string) ([]int, error) {
	var (
		offsets []int
		cost    int
		keys    int             // keys under the current table header
		headers map[string]int  // sub-tables declared under each parent path
		seen    map[string]bool // header paths met so far
		root    = true          // no table header seen yet
	)
	headers, seen = make(map[string]int), make(map[string]bool)
	add := func(n *int, off int) error {
		// n² grows by 2n+1 when n grows by one.
		cost += 2**n + 1
		*n++
		if cost > maxCost {
			return &costError{offset: off}
		}
		return nil
	}
	var p unstable.Parser
	p.Reset(data)
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			parts, off := keyParts(e)
			root, keys = false, 0
			// go-toml decodes a lone [key] table as a one-element array.
			if len(parts) == 1 && strings.EqualFold(parts[0], key) {
				offsets = append(offsets, off)
			}
			// A repeated [[a]] or [a.b] under it adds an element to an array,
			// not a key to a table: only a path's first header costs.
			path := strings.Join(parts, "\x00")
			if len(parts) > 0 && !seen[path] {
				seen[path] = true
				parent := strings.Join(parts[:len(parts)-1], "\x00")
				n := headers[parent]
				if err := add(&n, off); err != nil {
					return nil, err
				}
				headers[parent] = n
			}
		case unstable.KeyValue:
			parts, off := keyParts(e)
			if err := add(&keys, off); err != nil {
				return nil, err
			}
			v := e.Value()
			if root && len(parts) == 1 && strings.EqualFold(parts[0], key) && v.Kind == unstable.Array {
				for it := v.Children(); it.Next(); {
					if c := it.Node(); c.Kind == unstable.InlineTable {
						offsets = append(offsets, int(c.Raw.Offset))
					}
				}
			}
			if err := inlineCost(v, add); err != nil {
				return nil, err
			}
		}
	}
	if err := p.Error(); err != nil {
		return nil, err
	}
	return offsets, nil
}

// inlineCost charges every inline table inside a value for its keys.
func inlineCost(v *unstable.Node, add func(*int, int) error) error {
	switch v.Kind {
	case unstable.InlineTable:
		n := 0
		for it := v.Children(); it.Next(); {
			kv := it.Node()
			if err := add(&n, int(v.Raw.Offset)); err != nil {
				return err
			}
			if err := inlineCost(kv.Value(), add); err != nil {
				return err
			}
		}
	case unstable.Array:
		for it := v.Children(); it.Next(); {
			if err := inlineCost(it.Node(), add); err != nil {
				return err
			}
		}
	}
	return nil
}

// keyParts returns the parts of an expression's key and the offset of its first part.
func keyParts(e *unstable.Node) ([]string, int) {
	var parts []string
	off := -1
	for it := e.Key(); it.Next(); {
		k := it.Node()
		if off < 0 {
			off = int(k.Raw.Offset)
		}
		parts = append(parts, string(k.Data))
	}
	return parts, max(off, 0)
}
