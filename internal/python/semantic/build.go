package semantic

import (
	"strings"

	"github.com/kraitsec/krait/internal/python/ast"
)

// maxDepth bounds the recursion of the walk. CPython's own parser refuses
// far shallower nesting, so only pathological trees reach it.
const maxDepth = 3000

// builder walks a module once, creating scopes, bindings and uses; names are
// resolved afterwards, since Python decides locality per whole block.
type builder struct {
	m     *Model
	cur   *Scope
	depth int
	inTry int     // enclosing try bodies that have handlers
	guard *ast.If // innermost If body whose test may be TYPE_CHECKING

	scopeArena   []Scope
	bindingArena []Binding
	symbolArena  []Symbol
}

// Build builds the semantic model of mod. It never fails: a tree nested
// deeper than the recursion limit is modelled partially (see Truncated).
func Build(mod *ast.Module, opts Options) *Model {
	m := &Model{
		opts: opts,
	}
	b := &builder{m: m}
	var top ast.Node = mod
	if mod == nil {
		top = nil
	}
	if mod != nil {
		// The stdlib averages 0.85 loaded names, 0.36 bindings and 0.09
		// scopes per line; sizing from the line count saves most regrowth.
		if n := len(mod.Body); n > 0 && mod.Body[n-1] != nil {
			lines := min(max(mod.Body[n-1].Span().EndLineno, 0), 1<<20)
			m.uses = make([]Use, 0, lines)
			m.bindings = make([]*Binding, 0, lines*2/5)
			b.bindingArena = make([]Binding, 0, min(lines*2/5+8, 4096))
			b.scopeArena = make([]Scope, 0, min(lines/11+4, 1024))
		}
	}
	prefix := opts.Module
	if prefix == "" {
		prefix = "__main__"
	}
	s := b.push(ScopeModule, top, "")
	s.prefix = prefix + "."
	if mod != nil {
		b.stmts(mod.Body)
	}
	b.resolve()
	m.markTypeChecking()
	return m
}

// push opens a new scope as a child of the current one.
func (b *builder) push(kind ScopeKind, node ast.Node, name string) *Scope {
	if len(b.scopeArena) == cap(b.scopeArena) {
		// A quarter of what the file has so far: doubling would leave half
		// of the last chunk unused.
		b.scopeArena = make([]Scope, 0, min(max(len(b.m.scopes)/4, 8), 1024))
	}
	b.scopeArena = append(b.scopeArena, Scope{Kind: kind, Node: node, Parent: b.cur, Name: name})
	s := &b.scopeArena[len(b.scopeArena)-1]
	b.m.scopes = append(b.m.scopes, s)
	b.cur = s
	return s
}

func (b *builder) pop() { b.cur = b.cur.Parent }

// bind records a binding of name in the current scope; the symbol it binds is
// decided in resolve.
func (b *builder) bind(name string, kind BindingKind, node ast.Node, value ast.Expr, eff int64) *Binding {
	return b.bindIn(b.cur, name, kind, node, value, eff)
}

func (b *builder) bindIn(s *Scope, name string, kind BindingKind, node ast.Node, value ast.Expr, eff int64) *Binding {
	if len(b.bindingArena) == cap(b.bindingArena) {
		b.bindingArena = make([]Binding, 0, min(max(len(b.m.bindings)/4, 32), 4096))
	}
	b.bindingArena = append(b.bindingArena, Binding{Name: name, Kind: kind, Node: node, Value: value, Scope: s, eff: eff})
	bd := &b.bindingArena[len(b.bindingArena)-1]
	b.m.bindings = append(b.m.bindings, bd)
	return bd
}

// use records a name in Load context, resolved later.
func (b *builder) use(n *ast.Name) {
	b.m.uses = append(b.m.uses, Use{Name: n, Scope: b.cur})
}

// enter guards the recursion depth.
func (b *builder) enter() bool {
	if b.depth >= maxDepth {
		b.m.truncated = true
		return false
	}
	b.depth++
	return true
}

// start and end pack a node's start or end position into one ordered number.
func start(p ast.Pos) int64 { return int64(p.Lineno)<<32 | int64(uint32(p.ColOffset)) }
func end(p ast.Pos) int64   { return int64(p.EndLineno)<<32 | int64(uint32(p.EndColOffset)) }

func (b *builder) stmts(list []ast.Stmt) {
	for _, s := range list {
		b.stmt(s)
	}
}

func (b *builder) stmt(s ast.Stmt) {
	if s == nil || !b.enter() {
		return
	}
	switch s := s.(type) {
	case *ast.FunctionDef:
		b.function(s, s.Pos, s.Name, s.Args, s.Body, s.DecoratorList, s.Returns, s.TypeParams)
	case *ast.AsyncFunctionDef:
		b.function(s, s.Pos, s.Name, s.Args, s.Body, s.DecoratorList, s.Returns, s.TypeParams)
	case *ast.ClassDef:
		b.class(s)
	case *ast.Return:
		b.expr(s.Value)
	case *ast.Delete:
		for _, t := range s.Targets {
			b.target(t, BindDelete, nil, end(s.Pos))
		}
	case *ast.Assign:
		b.expr(s.Value)
		for _, t := range s.Targets {
			b.target(t, BindAssign, s.Value, end(s.Pos))
		}
	case *ast.TypeAlias:
		b.typeAlias(s)
	case *ast.AugAssign:
		b.expr(s.Value)
		if n, ok := s.Target.(*ast.Name); ok {
			b.bind(n.ID, BindAugAssign, n, nil, end(s.Pos))
		} else {
			b.expr(s.Target)
		}
	case *ast.AnnAssign:
		b.annAssign(s)
	case *ast.For:
		b.forStmt(s.Target, s.Iter, s.Body, s.Orelse)
	case *ast.AsyncFor:
		b.forStmt(s.Target, s.Iter, s.Body, s.Orelse)
	case *ast.While:
		b.expr(s.Test)
		b.stmts(s.Body)
		b.stmts(s.Orelse)
	case *ast.If:
		b.expr(s.Test)
		outer := b.guard
		if mayBeTypeChecking(s.Test) {
			b.guard = s
		}
		b.stmts(s.Body)
		b.guard = outer
		b.stmts(s.Orelse)
	case *ast.With:
		b.with(s.Items, s.Body)
	case *ast.AsyncWith:
		b.with(s.Items, s.Body)
	case *ast.Match:
		b.match(s)
	case *ast.Raise:
		b.expr(s.Exc)
		b.expr(s.Cause)
	case *ast.Try:
		b.try(s.Body, s.Handlers, s.Orelse, s.Finalbody)
	case *ast.TryStar:
		b.try(s.Body, s.Handlers, s.Orelse, s.Finalbody)
	case *ast.Assert:
		b.expr(s.Test)
		b.expr(s.Msg)
	case *ast.Import:
		b.importStmt(s)
	case *ast.ImportFrom:
		b.importFrom(s)
	case *ast.Global:
		b.declare(s.Names, DeclGlobal)
	case *ast.Nonlocal:
		b.declare(s.Names, DeclNonlocal)
	case *ast.ExprStmt:
		b.expr(s.Value)
	}
	b.depth--
}

func (b *builder) declare(names []string, kind Decl) {
	for _, n := range names {
		if b.cur.Declaration(n) == DeclNone {
			b.cur.decls = append(b.cur.decls, decl{n, kind})
		}
	}
}

func (b *builder) function(s ast.Stmt, pos ast.Pos, name string, args *ast.Arguments, body []ast.Stmt,
	decorators []ast.Expr, returns ast.Expr, tparams []ast.TypeParam) {
	for _, d := range decorators {
		b.expr(d)
	}
	// Defaults are evaluated where the def runs, outside any type-param scope.
	b.defaults(args)
	outer := b.cur
	if len(tparams) > 0 {
		b.push(ScopeTypeParams, s, name)
		b.typeParams(tparams)
	}
	if returns != nil || hasAnnotations(args) {
		b.push(ScopeAnnotation, s, name)
		b.annotations(args)
		b.expr(returns)
		b.pop()
	}
	b.push(ScopeFunction, s, name)
	b.params(args)
	b.stmts(body)
	b.cur = outer
	bd := b.bind(name, BindFunction, s, nil, end(pos))
	bd.Qualified = outer.defPrefix() + name
}

func (b *builder) class(s *ast.ClassDef) {
	for _, d := range s.DecoratorList {
		b.expr(d)
	}
	outer := b.cur
	if len(s.TypeParams) > 0 {
		b.push(ScopeTypeParams, s, s.Name)
		b.typeParams(s.TypeParams)
	}
	for _, e := range s.Bases {
		b.expr(e)
	}
	for _, k := range s.Keywords {
		if k != nil {
			b.expr(k.Value)
		}
	}
	b.push(ScopeClass, s, s.Name)
	b.stmts(s.Body)
	b.cur = outer
	bd := b.bind(s.Name, BindClass, s, nil, end(s.Pos))
	bd.Qualified = outer.defPrefix() + s.Name
}

func (b *builder) typeAlias(s *ast.TypeAlias) {
	name := ""
	if n, ok := s.Name.(*ast.Name); ok {
		name = n.ID
		b.bind(n.ID, BindTypeAlias, n, nil, end(s.Pos))
	}
	outer := b.cur
	if len(s.TypeParams) > 0 {
		b.push(ScopeTypeParams, s, name)
		b.typeParams(s.TypeParams)
	}
	b.push(ScopeAnnotation, s, name)
	b.expr(s.Value)
	b.cur = outer
}

// typeParams binds PEP 695 type parameters in the current type-param scope;
// each bound and default is a lazily evaluated annotation scope inside it.
func (b *builder) typeParams(tps []ast.TypeParam) {
	for _, tp := range tps {
		var bound, def ast.Expr
		switch tp := tp.(type) {
		case *ast.TypeVar:
			b.bind(tp.Name, BindTypeParam, tp, nil, 0)
			bound, def = tp.Bound, tp.DefaultValue
		case *ast.ParamSpec:
			b.bind(tp.Name, BindTypeParam, tp, nil, 0)
			def = tp.DefaultValue
		case *ast.TypeVarTuple:
			b.bind(tp.Name, BindTypeParam, tp, nil, 0)
			def = tp.DefaultValue
		}
		if bound != nil || def != nil {
			b.push(ScopeAnnotation, tp, "")
			b.expr(bound)
			b.expr(def)
			b.pop()
		}
	}
}

func (b *builder) annAssign(s *ast.AnnAssign) {
	b.expr(s.Value)
	// In 3.14 module and class annotations are evaluated lazily in one
	// annotation scope per block (PEP 649); a function's are never evaluated,
	// so their names are recorded where they stand.
	if k := b.cur.Kind; k == ScopeModule || k == ScopeClass {
		outer := b.cur
		if outer.ann == nil {
			outer.ann = b.push(ScopeAnnotation, outer.Node, outer.Name)
		} else {
			b.cur = outer.ann
		}
		b.expr(s.Annotation)
		b.cur = outer
	} else {
		b.expr(s.Annotation)
	}
	n, ok := s.Target.(*ast.Name)
	switch {
	case !ok:
		b.expr(s.Target)
	case s.Value != nil:
		b.bind(n.ID, BindAnnAssign, n, s.Value, end(s.Pos))
	case s.Simple != 0:
		b.bind(n.ID, BindDeclare, n, nil, end(s.Pos))
		// A parenthesized `(name): T` without a value binds nothing and,
		// unlike the simple form, does not make name local.
	}
}

func (b *builder) forStmt(target, iter ast.Expr, body, orelse []ast.Stmt) {
	b.expr(iter)
	eff := int64(0)
	if iter != nil {
		eff = end(iter.Span())
	}
	b.target(target, BindFor, nil, eff)
	b.stmts(body)
	b.stmts(orelse)
}

func (b *builder) with(items []*ast.Withitem, body []ast.Stmt) {
	for _, it := range items {
		if it == nil {
			continue
		}
		b.expr(it.ContextExpr)
		if it.OptionalVars != nil {
			b.target(it.OptionalVars, BindWith, nil, end(it.OptionalVars.Span()))
		}
	}
	b.stmts(body)
}

func (b *builder) try(body []ast.Stmt, handlers []*ast.ExceptHandler, orelse, final []ast.Stmt) {
	if len(handlers) > 0 {
		b.inTry++
		b.stmts(body)
		b.inTry--
	} else {
		b.stmts(body)
	}
	for _, h := range handlers {
		if h == nil {
			continue
		}
		b.expr(h.Type)
		if h.Name != "" {
			bd := b.bind(h.Name, BindExcept, h, nil, start(h.Pos))
			bd.end = end(h.Pos)
		}
		b.stmts(h.Body)
	}
	b.stmts(orelse)
	b.stmts(final)
}

func (b *builder) match(s *ast.Match) {
	b.expr(s.Subject)
	for _, c := range s.Cases {
		if c == nil {
			continue
		}
		b.pattern(c.Pattern)
		b.expr(c.Guard)
		b.stmts(c.Body)
	}
}

func (b *builder) pattern(p ast.Pattern) {
	if p == nil || !b.enter() {
		return
	}
	switch p := p.(type) {
	case *ast.MatchValue:
		b.expr(p.Value)
	case *ast.MatchSequence:
		for _, q := range p.Patterns {
			b.pattern(q)
		}
	case *ast.MatchMapping:
		for _, k := range p.Keys {
			b.expr(k)
		}
		for _, q := range p.Patterns {
			b.pattern(q)
		}
		if p.Rest != "" {
			b.bind(p.Rest, BindMatch, p, nil, end(p.Pos))
		}
	case *ast.MatchClass:
		b.expr(p.Cls)
		for _, q := range p.Patterns {
			b.pattern(q)
		}
		for _, q := range p.KwdPatterns {
			b.pattern(q)
		}
	case *ast.MatchStar:
		if p.Name != "" {
			b.bind(p.Name, BindMatch, p, nil, end(p.Pos))
		}
	case *ast.MatchAs:
		b.pattern(p.Pattern)
		if p.Name != "" {
			b.bind(p.Name, BindMatch, p, nil, end(p.Pos))
		}
	case *ast.MatchOr:
		for _, q := range p.Patterns {
			b.pattern(q)
		}
	}
	b.depth--
}

func (b *builder) importStmt(s *ast.Import) {
	for _, a := range s.Names {
		if a == nil {
			continue
		}
		local, qual := a.Asname, a.Name
		if local == "" {
			// `import a.b.c` binds a, the top-level package.
			local, _, _ = strings.Cut(a.Name, ".")
			qual = local
		}
		bd := b.bind(local, BindImport, a, nil, end(s.Pos))
		bd.Qualified = qual
		b.addImport(Import{Module: a.Name, Stmt: s, Alias: a, Pos: a.Pos})
	}
}

func (b *builder) importFrom(s *ast.ImportFrom) {
	base, ok := resolveFrom(b.m.opts, s.Level, s.Module)
	mod := base
	if !ok {
		mod = ""
	}
	star := false
	for _, a := range s.Names {
		if a == nil {
			continue
		}
		if a.Name == "*" {
			star = true
			continue
		}
		local := a.Asname
		if local == "" {
			local = a.Name
		}
		bd := b.bind(local, BindImportFrom, a, nil, end(s.Pos))
		if ok {
			bd.Qualified = base + "." + a.Name
		}
	}
	if star && b.cur.Kind == ScopeModule {
		b.m.stars = append(b.m.stars, len(b.m.imports))
	}
	b.addImport(Import{Module: mod, Level: s.Level, Stmt: s, Pos: s.Pos, Star: star})
}

func (b *builder) addImport(im Import) {
	im.Scope = b.cur
	im.InTry = b.inTry > 0
	im.guard = b.guard
	b.m.imports = append(b.m.imports, im)
}
