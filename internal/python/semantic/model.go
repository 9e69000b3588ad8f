package semantic

import (
	"strings"

	"github.com/kraitsec/krait/internal/python/ast"
)

// ScopeKind is the kind of block that owns a scope.
type ScopeKind uint8

// The scope kinds of Python 3.14.
const (
	// ScopeModule is the module's global scope.
	ScopeModule ScopeKind = iota
	// ScopeClass is a class body; nested functions and comprehensions do not see it.
	ScopeClass
	// ScopeFunction is a def or async def body with its parameters.
	ScopeFunction
	// ScopeLambda is a lambda with its parameters.
	ScopeLambda
	// ScopeComprehension is a list, set or dict comprehension or a generator
	// expression; its first iterable is evaluated in the enclosing scope.
	ScopeComprehension
	// ScopeTypeParams holds the PEP 695 type parameters of a generic def,
	// class or type alias.
	ScopeTypeParams
	// ScopeAnnotation is a lazily evaluated annotation scope: PEP 649
	// annotations, type-variable bounds and defaults, and type alias values.
	ScopeAnnotation
)

// String returns the kind's lowercase name.
func (k ScopeKind) String() string {
	switch k {
	case ScopeModule:
		return "module"
	case ScopeClass:
		return "class"
	case ScopeFunction:
		return "function"
	case ScopeLambda:
		return "lambda"
	case ScopeComprehension:
		return "comprehension"
	case ScopeTypeParams:
		return "type-params"
	case ScopeAnnotation:
		return "annotation"
	}
	return "invalid"
}

// runsLater reports whether a block of this kind runs after the code around
// it, so that a use inside it sees the last binding of an outer name.
func (k ScopeKind) runsLater() bool {
	return k == ScopeFunction || k == ScopeLambda || k == ScopeAnnotation
}

// annotationLike reports whether the kind is one of PEP 695's annotation
// scopes, which (unlike functions) can see the names of an enclosing class.
func (k ScopeKind) annotationLike() bool {
	return k == ScopeTypeParams || k == ScopeAnnotation
}

// Decl is a global or nonlocal declaration of a name in a scope.
type Decl uint8

// The declarations a scope can make about a name.
const (
	DeclNone Decl = iota
	DeclGlobal
	DeclNonlocal
)

type decl struct {
	name string
	kind Decl
}

// Scope is one Python scope.
type Scope struct {
	// Kind is the kind of block.
	Kind ScopeKind
	// Node is the node that creates the scope: *ast.Module, *ast.FunctionDef,
	// *ast.AsyncFunctionDef, *ast.ClassDef, *ast.Lambda, a comprehension
	// expression, the generic def/class/*ast.TypeAlias for ScopeTypeParams,
	// and for ScopeAnnotation the def, class, module, type parameter or type
	// alias whose annotations or value it evaluates.
	Node ast.Node
	// Parent is the enclosing scope, nil for the module.
	Parent *Scope
	// Name is the def or class name, "<lambda>", "<listcomp>", "<setcomp>",
	// "<dictcomp>", "<genexpr>", or "" for the module.
	Name string

	decls   []decl
	symbols []*Symbol
	index   map[string]*Symbol // by name, once a scope has many symbols
	ann     *Scope             // the module's or class's PEP 649 annotation scope
	prefix  string             // __qualname__ prefix of definitions made here, set by defPrefix
}

// indexAt is the number of symbols from which a scope indexes them by name;
// most scopes are smaller, and a linear scan beats hashing there.
const indexAt = 12

// Lookup returns the symbol the scope holds for name, or nil. Names declared
// global or nonlocal in a scope live in the scope they refer to.
func (s *Scope) Lookup(name string) *Symbol {
	if s.index != nil {
		return s.index[name]
	}
	for _, sym := range s.symbols {
		if sym.Name == name {
			return sym
		}
	}
	return nil
}

// defPrefix returns the module name and __qualname__ prefix that a def or
// class statement in s takes, computed on first need since most scopes
// define nothing.
func (s *Scope) defPrefix() string {
	if s.prefix != "" || s.Parent == nil {
		return s.prefix
	}
	p := s.Parent.defPrefix()
	switch s.Kind {
	case ScopeClass:
		s.prefix = p + s.Name + "."
	case ScopeFunction:
		s.prefix = p + s.Name + ".<locals>."
	default:
		// Type-parameter and annotation scopes do not show in __qualname__;
		// lambdas and comprehensions hold no defs.
		s.prefix = p
	}
	return s.prefix
}

// Symbols returns the scope's own symbols in order of first binding.
func (s *Scope) Symbols() []*Symbol { return s.symbols }

// Declaration reports whether the scope declares name global or nonlocal.
func (s *Scope) Declaration(name string) Decl {
	for _, d := range s.decls {
		if d.name == name {
			return d.kind
		}
	}
	return DeclNone
}

// Symbol is a name that is local to one scope, with every binding of it,
// including bindings made from nested scopes through global or nonlocal.
type Symbol struct {
	// Name is the identifier.
	Name string
	// Scope is the scope the name is local to.
	Scope *Scope
	// Bindings lists the bindings in source order of when they take effect.
	Bindings []*Binding

	nreal int32 // bindings other than BindDeclare
}

// BindingKind is the syntax that binds a name.
type BindingKind uint8

// The ways Python code binds a name.
const (
	// BindAssign is `name = value`, or a name inside an unpacking target.
	BindAssign BindingKind = iota
	// BindAnnAssign is `name: T = value`.
	BindAnnAssign
	// BindDeclare is `name: T` without a value: the name becomes local to
	// a function but nothing is bound. `(name): T` does not even do that.
	BindDeclare
	// BindAugAssign is `name += value` and the other augmented assignments.
	BindAugAssign
	// BindNamedExpr is `(name := value)`.
	BindNamedExpr
	// BindFor is a for-loop target.
	BindFor
	// BindWith is a with-statement `as` target.
	BindWith
	// BindComprehension is a comprehension's `for` target.
	BindComprehension
	// BindImport is `import a.b` (binds a) or `import a.b as c`.
	BindImport
	// BindImportFrom is `from m import a` or `from m import a as b`.
	BindImportFrom
	// BindFunction is a def or async def.
	BindFunction
	// BindClass is a class statement.
	BindClass
	// BindParam is a function or lambda parameter.
	BindParam
	// BindTypeParam is a PEP 695 type parameter.
	BindTypeParam
	// BindTypeAlias is `type Name = value`.
	BindTypeAlias
	// BindExcept is `except E as name`; the name is deleted when the handler ends.
	BindExcept
	// BindMatch is a capture in a match pattern.
	BindMatch
	// BindDelete is `del name`.
	BindDelete
)

// String returns the kind's lowercase name.
func (k BindingKind) String() string {
	const names = "assign annassign declare augassign namedexpr for with comprehension import importfrom " +
		"function class param typeparam typealias except match delete"
	return nthWord(names, int(k))
}

// Binding is one place where a name is bound.
type Binding struct {
	// Name is the bound identifier.
	Name string
	// Kind is the binding syntax.
	Kind BindingKind
	// later says the binding is made in a block that runs after the code of
	// Symbol.Scope; it shares Kind's word.
	later bool
	// Node is the node that names the binding: the *ast.Name target, the
	// *ast.Alias of an import, the def or class statement, the *ast.Arg,
	// the *ast.ExceptHandler, the *ast.MatchAs, *ast.MatchStar or
	// *ast.MatchMapping (its Rest), or the *ast.TypeVar, *ast.ParamSpec or
	// *ast.TypeVarTuple.
	Node ast.Node
	// Value is the expression assigned to exactly this name when the source
	// shows it: `name = v`, `name: T = v`, `(name := v)`, and the matching
	// element of `a, b = x, y`. It is nil otherwise.
	Value ast.Expr
	// Scope is the scope the binding occurs in. It differs from Symbol.Scope
	// under global or nonlocal, and for a walrus inside a comprehension.
	Scope *Scope
	// Symbol is the symbol the binding binds.
	Symbol *Symbol
	// Qualified is, for BindImport and BindImportFrom, the absolute dotted
	// name the binding refers to ("" for a relative import that cannot be
	// resolved); for BindFunction and BindClass it is the definition's own
	// qualified name: the module name and __qualname__, e.g.
	// "pkg.mod.C.method" or "pkg.mod.f.<locals>.g". It is "" otherwise.
	Qualified string

	eff int64 // position from which the binding is in effect
	end int64 // for BindExcept, the end of the handler that deletes it
}

// UseKind says what a loaded name refers to.
type UseKind uint8

// The kinds of name resolution.
const (
	// UseUnresolved is a name bound nowhere that is not a builtin.
	UseUnresolved UseKind = iota
	// UseSymbol is a name bound in the module: Use.Symbol is set.
	UseSymbol
	// UseBuiltin is one of Python 3.14's builtins, not shadowed.
	UseBuiltin
	// UseImplicit is an implicit name of the module (__name__, __file__, ...),
	// of a class body (__module__, __qualname__) or __class__ in a method.
	UseImplicit
	// UseStar is a name that no binding or builtin explains in a module with
	// `from m import *`.
	UseStar
)

// String returns the kind's lowercase name.
func (k UseKind) String() string { return nthWord("unresolved symbol builtin implicit star", int(k)) }

// nthWord returns the n-th space-separated word of s, or "invalid".
func nthWord(s string, n int) string {
	for i := 0; i < n; i++ {
		j := strings.IndexByte(s, ' ')
		if j < 0 {
			return "invalid"
		}
		s = s[j+1:]
	}
	if j := strings.IndexByte(s, ' '); j >= 0 {
		s = s[:j]
	}
	return s
}

// Use is the resolution of one *ast.Name in Load context.
type Use struct {
	// Name is the loaded name.
	Name *ast.Name
	// Scope is the scope the name occurs in.
	Scope *Scope
	// Kind says what the name refers to.
	Kind UseKind
	// Symbol is, for UseSymbol, the symbol the name refers to: its Bindings
	// are every binding the use can see.
	Symbol *Symbol
	// Binding is, for UseSymbol, the binding in effect at the use (see the
	// package doc), or nil when no binding of the symbol precedes it.
	Binding *Binding
}

// Model is the semantic model of one module. It is read-only once built.
type Model struct {
	opts      Options
	scopes    []*Scope
	bindings  []*Binding
	uses      []Use
	useIdx    useTable
	index     nodeIndex
	imports   []Import
	stars     []int // indices into imports of `from m import *` at module level
	truncated bool
}

// Options returns the options the model was built with.
func (m *Model) Options() Options { return m.opts }

// ModuleScope returns the module's global scope.
func (m *Model) ModuleScope() *Scope { return m.scopes[0] }

// Scopes returns every scope, parents before children, in source order.
func (m *Model) Scopes() []*Scope { return m.scopes }

// ScopeOf returns the scope whose body a module, def, class, lambda or
// comprehension node creates, or nil.
func (m *Model) ScopeOf(n ast.Node) *Scope { return m.nodeIndex().scope[n] }

// Use returns the resolution of a name in Load context, or nil for a name
// the model did not see in that context.
func (m *Model) Use(n *ast.Name) *Use {
	if i := m.useIdx.find(m.uses, n); i >= 0 {
		return &m.uses[i]
	}
	return nil
}

// BindingOf returns the binding a node creates (see Binding.Node), or nil.
func (m *Model) BindingOf(n ast.Node) *Binding { return m.nodeIndex().binding[n] }

// Truncated reports whether Build skipped part of a tree nested deeper than
// its recursion limit; the model is then incomplete.
func (m *Model) Truncated() bool { return m.truncated }
