package semantic

import (
	"sync"

	"github.com/kraitsec/krait/internal/python/ast"
)

// useTable finds the Use of a Name. A Go map keyed by the node costs more to
// fill than everything else Build does with a name, and every rule asks it
// questions, so it is an open-addressing table of indices into Model.uses,
// hashed by the name's position. Positions are unique in a parsed tree; when
// they are not (hand-built trees), equal hashes only cost extra probes.
type useTable struct {
	slots []int32 // 1 + an index into Model.uses; 0 is an empty slot
	mask  uint32
}

// posHash mixes a start position into a table index.
func posHash(p ast.Pos) uint32 {
	h := (uint64(uint32(p.Lineno))<<32 | uint64(uint32(p.ColOffset))) * 0x9e3779b97f4a7c15
	return uint32(h >> 32)
}

// build indexes uses; a name recorded twice keeps its last use, as a map would.
func (t *useTable) build(uses []Use) {
	size := 8
	for size < 2*len(uses) {
		size <<= 1
	}
	t.slots, t.mask = make([]int32, size), uint32(size-1)
	for i := range uses {
		n := uses[i].Name
		for h := posHash(n.Pos) & t.mask; ; h = (h + 1) & t.mask {
			s := t.slots[h]
			if s == 0 || uses[s-1].Name == n {
				t.slots[h] = int32(i + 1)
				break
			}
		}
	}
}

// find returns the index in uses of n's use, or -1.
func (t *useTable) find(uses []Use, n *ast.Name) int {
	if len(t.slots) == 0 || n == nil {
		return -1
	}
	for h := posHash(n.Pos) & t.mask; ; h = (h + 1) & t.mask {
		s := t.slots[h]
		if s == 0 {
			return -1
		}
		if uses[s-1].Name == n {
			return int(s - 1)
		}
	}
}

// nodeIndex holds the node-keyed lookups that few callers make, built on the
// first call rather than in every Build.
type nodeIndex struct {
	once    sync.Once
	binding map[ast.Node]*Binding
	scope   map[ast.Node]*Scope
}

func (m *Model) nodeIndex() *nodeIndex {
	x := &m.index
	x.once.Do(func() {
		x.binding = make(map[ast.Node]*Binding, len(m.bindings))
		for _, bd := range m.bindings {
			if bd.Node != nil {
				x.binding[bd.Node] = bd
			}
		}
		x.scope = make(map[ast.Node]*Scope)
		for _, s := range m.scopes {
			switch s.Kind {
			case ScopeModule, ScopeFunction, ScopeClass, ScopeLambda, ScopeComprehension:
				if s.Node != nil {
					x.scope[s.Node] = s
				}
			}
		}
	})
	return x
}
