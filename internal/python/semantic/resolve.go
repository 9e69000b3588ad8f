package semantic

import (
	"slices"
	"sort"
)

// resolve runs after the walk: it gives every binding its symbol, following
// global and nonlocal declarations, groups each symbol's bindings in source
// order, then resolves every use.
func (b *builder) resolve() {
	m := b.m
	m.useIdx.build(m.uses)
	// Every symbol is made for a binding, so this arena never grows.
	b.symbolArena = make([]Symbol, 0, len(m.bindings))
	var declared []*Binding
	for _, bd := range m.bindings {
		if bd.Scope.Declaration(bd.Name) != DeclNone {
			declared = append(declared, bd)
			continue
		}
		bd.Symbol = b.symbol(bd.Scope, bd.Name)
	}
	// Nonlocal targets are found among the locals made above.
	for _, bd := range declared {
		bd.Symbol = b.symbol(m.declaredTarget(bd.Scope, bd.Name), bd.Name)
	}
	b.groupBindings()
	for i := range m.uses {
		m.resolveUse(&m.uses[i])
	}
}

// symbol returns scope s's symbol for name, creating it.
func (b *builder) symbol(s *Scope, name string) *Symbol {
	if sym := s.Lookup(name); sym != nil {
		return sym
	}
	if len(b.symbolArena) == cap(b.symbolArena) {
		b.symbolArena = make([]Symbol, 0, min(2*cap(b.symbolArena)+16, 1024))
	}
	b.symbolArena = append(b.symbolArena, Symbol{Name: name, Scope: s})
	sym := &b.symbolArena[len(b.symbolArena)-1]
	s.symbols = append(s.symbols, sym)
	switch {
	case s.index != nil:
		s.index[name] = sym
	case len(s.symbols) > indexAt:
		s.index = make(map[string]*Symbol, 2*len(s.symbols))
		for _, x := range s.symbols {
			s.index[x.Name] = x
		}
	}
	return sym
}

// declaredTarget returns the scope that a global or nonlocal declaration of
// name in s refers to. An invalid nonlocal (CPython's SyntaxError "no binding
// for nonlocal") falls back to the module.
func (m *Model) declaredTarget(s *Scope, name string) *Scope {
	if s.Declaration(name) == DeclNonlocal {
		for p := s.Parent; p != nil; p = p.Parent {
			if p.Kind == ScopeClass && name == "__class__" {
				return p // the implicit cell a class gives its methods
			}
			if p.Kind == ScopeClass || p.Kind == ScopeModule {
				continue
			}
			switch p.Declaration(name) {
			case DeclGlobal:
				return m.scopes[0]
			case DeclNonlocal:
				continue
			}
			if p.Lookup(name) != nil {
				return p
			}
		}
	}
	return m.scopes[0]
}

// groupBindings fills Symbol.Bindings from one shared backing array, sorted
// by the position where each binding takes effect.
func (b *builder) groupBindings() {
	m := b.m
	for _, bd := range m.bindings {
		bd.Symbol.nreal++ // counts all bindings until the loop below
	}
	backing := make([]*Binding, len(m.bindings))
	off := int32(0)
	for _, s := range m.scopes {
		for _, sym := range s.symbols {
			n := sym.nreal
			sym.Bindings = backing[off : off : off+n]
			sym.nreal = 0
			off += n
		}
	}
	for _, bd := range m.bindings {
		sym := bd.Symbol
		sym.Bindings = append(sym.Bindings, bd)
		if bd.Kind != BindDeclare {
			sym.nreal++
		}
		for s := bd.Scope; s != sym.Scope && s != nil; s = s.Parent {
			if s.Kind.runsLater() {
				bd.later = true
				break
			}
		}
	}
	for _, s := range m.scopes {
		for _, sym := range s.symbols {
			if !slices.IsSortedFunc(sym.Bindings, cmpEff) {
				slices.SortStableFunc(sym.Bindings, cmpEff)
			}
		}
	}
}

func cmpEff(a, b *Binding) int {
	switch {
	case a.eff < b.eff:
		return -1
	case a.eff > b.eff:
		return 1
	}
	return 0
}

// resolveUse applies Python's name lookup: the use's own scope, then the
// enclosing function-like scopes, skipping class bodies (which only their
// own body and the annotation scopes directly inside them can see), then the
// module, then builtins. A module or class binding that no code before the
// use has made yet does not count, as at run time the lookup falls through.
func (m *Model) resolveUse(u *Use) {
	name := u.Name.ID
	pos := start(u.Name.Pos)
	later := false  // some scope passed so far runs after the code around it
	onlyAnn := true // every scope passed so far is an annotation scope
	for s := u.Scope; s != nil; s = s.Parent {
		visible := s == u.Scope || s.Kind != ScopeClass || onlyAnn
		if visible {
			switch s.Declaration(name) {
			case DeclGlobal:
				m.resolveIn(u, m.scopes[0], pos, later || s.Kind.runsLater())
				return
			case DeclNonlocal:
				// The name lives in an enclosing function: keep looking.
			default:
				sym := s.Lookup(name)
				if sym != nil {
					if bd, ok := inEffect(sym, pos, later); ok {
						u.Kind, u.Symbol, u.Binding = UseSymbol, sym, bd
						m.preferOwn(u, pos)
						return
					}
				}
				if s.Kind == ScopeClass {
					if name == "__class__" || s == u.Scope && (name == "__module__" || name == "__qualname__") {
						u.Kind = UseImplicit
						return
					}
					if sym != nil {
						// A class-local name not bound yet is looked up
						// in the globals, skipping enclosing functions.
						m.resolveIn(u, m.scopes[0], pos, later)
						return
					}
				}
			}
		} else if name == "__class__" {
			// Methods see the class's implicit __class__ cell.
			u.Kind = UseImplicit
			return
		}
		if s.Kind.runsLater() {
			later = true
		}
		if !s.Kind.annotationLike() {
			onlyAnn = false
		}
	}
	m.fallback(u)
}

// resolveIn resolves u to scope s's symbol, or to what lies beyond the module.
func (m *Model) resolveIn(u *Use, s *Scope, pos int64, later bool) {
	if sym := s.Lookup(u.Name.ID); sym != nil {
		if bd, ok := inEffect(sym, pos, later); ok {
			u.Kind, u.Symbol, u.Binding = UseSymbol, sym, bd
			m.preferOwn(u, pos)
			return
		}
	}
	m.fallback(u)
}

// preferOwn handles a use in a block that declares its name global or
// nonlocal: a binding that the same block made earlier, in straight-line
// order, is the one in effect, whatever other blocks do later.
func (m *Model) preferOwn(u *Use, pos int64) {
	if u.Scope == u.Symbol.Scope || u.Scope.Declaration(u.Name.ID) == DeclNone {
		return
	}
	bs := u.Symbol.Bindings
	i := sort.Search(len(bs), func(i int) bool { return bs[i].eff > pos })
	for j := i - 1; j >= 0; j-- {
		if bd := bs[j]; bd.Scope == u.Scope && bd.Kind != BindDeclare {
			u.Binding = bd
			return
		}
	}
}

// fallback resolves a name that no scope binds.
func (m *Model) fallback(u *Use) {
	name := u.Name.ID
	switch {
	case isModuleImplicit(name, m.opts.IsPackage):
		u.Kind = UseImplicit
	case isBuiltin(name):
		u.Kind = UseBuiltin
	case len(m.stars) > 0:
		u.Kind = UseStar
	default:
		u.Kind = UseUnresolved
	}
}

// inEffect picks the binding of sym in effect at pos (see the package doc).
// It reports false when sym is a module or class name that nothing has bound
// yet at pos, so that the lookup goes on outward.
func inEffect(sym *Symbol, pos int64, later bool) (*Binding, bool) {
	bs := sym.Bindings
	outerFallsThrough := sym.Scope.Kind == ScopeModule || sym.Scope.Kind == ScopeClass
	if later {
		for i := len(bs) - 1; i >= 0; i-- {
			if bs[i].Kind != BindDeclare {
				return bs[i], true
			}
		}
		return nil, !outerFallsThrough
	}
	i := sort.Search(len(bs), func(i int) bool { return bs[i].eff > pos })
	for j := i - 1; j >= 0; j-- {
		bd := bs[j]
		if bd.later || bd.Kind == BindDeclare {
			continue
		}
		if bd.Kind == BindExcept && pos > bd.end {
			// The handler deleted the name on the way out.
			return nil, true
		}
		return bd, true
	}
	return nil, !outerFallsThrough
}

func isModuleImplicit(name string, pkg bool) bool {
	switch name {
	case "__name__", "__file__", "__doc__", "__spec__", "__loader__", "__package__", "__builtins__", "__cached__":
		return true
	case "__path__":
		return pkg
	}
	return false
}
