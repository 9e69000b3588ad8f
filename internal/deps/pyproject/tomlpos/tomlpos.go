// Package tomlpos finds the line of each key and array element in a TOML
// document. TOML decoders give values without positions, and a dependency
// must keep its line, so the manifest and lock extractors decode a document
// once for its values and look lines up here.
package tomlpos

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
)

// maxEntries bounds how many positions one document records, so that a
// hostile file cannot make the index huge; entries past it have no line.
const maxEntries = 200000

// Index maps key paths to lines.
type Index struct {
	offsets    map[string]int
	lineStarts []int
}

// Elem names the i-th element of an array (or of an array of tables) in a
// key path given to Line.
func Elem(i int) string { return "[" + strconv.Itoa(i) + "]" }

// Build indexes a TOML document. It fails only where the document itself is
// not valid TOML.
func Build(data []byte) (*Index, error) {
	x := &Index{offsets: make(map[string]int)}
	x.lineStarts = append(x.lineStarts, 0)
	for i, c := range data {
		if c == '\n' {
			x.lineStarts = append(x.lineStarts, i+1)
		}
	}
	b := builder{x: x, arrays: make(map[string]int)}
	var p unstable.Parser
	p.Reset(data)
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table:
			b.table = b.header(e, false)
		case unstable.ArrayTable:
			b.table = b.header(e, true)
		case unstable.KeyValue:
			b.keyValue(e, b.table)
		}
	}
	if err := p.Error(); err != nil {
		var perr *unstable.ParserError
		if errors.As(err, &perr) && len(perr.Highlight) > 0 {
			return nil, fmt.Errorf("line %d: %s", p.Shape(p.Range(perr.Highlight)).Start.Line, perr.Message)
		}
		return nil, err
	}
	return x, nil
}

// Line returns the 1-based line where the key path was first written: a
// table header, a key, or an array element (named with Elem). It returns 0
// for a path it does not know.
func (x *Index) Line(path ...string) int {
	off, ok := x.offsets[strings.Join(path, "\x00")]
	if !ok {
		return 0
	}
	return x.lineOf(off)
}

func (x *Index) lineOf(off int) int {
	return sort.Search(len(x.lineStarts), func(i int) bool { return x.lineStarts[i] > off })
}

type builder struct {
	x      *Index
	table  []string
	arrays map[string]int // array-of-tables path -> index of its last element
}

func (b *builder) record(path []string, off int) {
	if len(b.x.offsets) >= maxEntries {
		return
	}
	k := strings.Join(path, "\x00")
	if _, seen := b.x.offsets[k]; !seen {
		b.x.offsets[k] = off
	}
}

// header returns the path a [table] or [[array]] header opens, with the
// element index of every enclosing array of tables inserted.
func (b *builder) header(n *unstable.Node, isArray bool) []string {
	var path []string
	for it := n.Key(); it.Next(); {
		k := it.Node()
		path = append(path, string(k.Data))
		// An enclosing array of tables means its last element; the final
		// part of an [[array]] header starts a new element instead.
		if i, ok := b.arrays[strings.Join(path, "\x00")]; ok && (!it.IsLast() || !isArray) {
			path = append(path, Elem(i))
		}
		b.record(path, int(k.Raw.Offset))
	}
	if isArray {
		k := strings.Join(path, "\x00")
		i, ok := b.arrays[k]
		if ok {
			i++
		}
		b.arrays[k] = i
		path = append(path, Elem(i))
		if first := n.Key(); first.Next() {
			b.record(path, int(first.Node().Raw.Offset))
		}
	}
	return path
}

func (b *builder) keyValue(n *unstable.Node, base []string) {
	path := append(append([]string(nil), base...), "")[:len(base)]
	for it := n.Key(); it.Next(); {
		k := it.Node()
		path = append(path, string(k.Data))
		b.record(path, int(k.Raw.Offset))
	}
	b.value(n.Value(), path)
}

func (b *builder) value(v *unstable.Node, path []string) {
	switch v.Kind {
	case unstable.InlineTable:
		for it := v.Children(); it.Next(); {
			b.keyValue(it.Node(), path)
		}
	case unstable.Array:
		i := 0
		for it := v.Children(); it.Next(); {
			c := it.Node()
			if c.Kind == unstable.Comment {
				continue
			}
			elem := append(append([]string(nil), path...), Elem(i))
			if off, ok := offset(c); ok {
				b.record(elem, off)
			}
			b.value(c, elem)
			i++
		}
	}
}

// offset finds where a value starts: its own bytes, or its first child's.
func offset(n *unstable.Node) (int, bool) {
	if n.Raw.Length > 0 {
		return int(n.Raw.Offset), true
	}
	for it := n.Children(); it.Next(); {
		if off, ok := offset(it.Node()); ok {
			return off, true
		}
	}
	return 0, false
}
