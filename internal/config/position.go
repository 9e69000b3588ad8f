package config

import (
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
)

// maxKeyDepth is the deepest key whose position is looked up:
// tool.krait.per-file-ignores."pattern".
const maxKeyDepth = 4

// keyOffsets maps each key path of at most maxKeyDepth parts to the byte offset where
// it first appears: a table header, a dotted key's part, or a key in an inline table.
// The decoded document has values but no positions, so errors find their line here.
// A table that exists only implicitly, as tool does in [tool.krait], is placed where
// its first mention is.
func keyOffsets(data []byte) map[string]int {
	offsets := make(map[string]int)
	record := func(path []string, off int) {
		if k := pathKey(path); len(path) <= maxKeyDepth {
			if _, seen := offsets[k]; !seen {
				offsets[k] = off
			}
		}
	}
	var table []string
	var visit func(n *unstable.Node, base []string)
	visit = func(n *unstable.Node, base []string) {
		path := clonePath(base)
		for it := n.Key(); it.Next() && len(path) < maxKeyDepth; {
			k := it.Node()
			path = append(path, string(k.Data))
			record(path, int(k.Raw.Offset))
		}
		if n.Kind != unstable.KeyValue {
			table = path
			return
		}
		if v := n.Value(); v.Kind == unstable.InlineTable && len(path) < maxKeyDepth {
			for it := v.Children(); it.Next(); {
				visit(it.Node(), path)
			}
		}
	}
	var p unstable.Parser
	p.Reset(data)
	for p.NextExpression() {
		switch e := p.Expression(); e.Kind {
		case unstable.Table, unstable.ArrayTable:
			visit(e, nil)
		case unstable.KeyValue:
			visit(e, table)
		}
	}
	// A parse error cannot happen here, since the document decoded; were it to,
	// the keys after it would merely have no line.
	return offsets
}

// clonePath copies a key path so that appending to it leaves the original alone.
func clonePath(p []string) []string { return append(make([]string, 0, len(p)+2), p...) }

// pathKey joins key parts with a byte that TOML keys cannot hold unescaped, so that
// "a.b" as one quoted key and a.b as two stay apart.
func pathKey(parts []string) string { return strings.Join(parts, "\x00") }
