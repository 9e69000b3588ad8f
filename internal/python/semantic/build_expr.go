package semantic

import "github.com/kraitsec/krait/internal/python/ast"

func (b *builder) exprs(list []ast.Expr) {
	for _, e := range list {
		b.expr(e)
	}
}

func (b *builder) expr(e ast.Expr) {
	if e == nil || !b.enter() {
		return
	}
	switch e := e.(type) {
	case *ast.Name:
		switch e.Ctx {
		case ast.Load:
			b.use(e)
		case ast.Store:
			b.bind(e.ID, BindAssign, e, nil, end(e.Pos))
		case ast.Del:
			b.bind(e.ID, BindDelete, e, nil, end(e.Pos))
		}
	case *ast.Attribute:
		// Long attribute chains are walked in a loop, not by recursion.
		var x ast.Expr = e
		for {
			a, ok := x.(*ast.Attribute)
			if !ok {
				break
			}
			x = a.Value
		}
		b.expr(x)
	case *ast.BinOp:
		b.binOp(e)
	case *ast.BoolOp:
		b.exprs(e.Values)
	case *ast.NamedExpr:
		b.expr(e.Value)
		if n, ok := e.Target.(*ast.Name); ok {
			// A walrus in a comprehension binds in the enclosing block.
			s := b.cur
			for s.Kind == ScopeComprehension && s.Parent != nil {
				s = s.Parent
			}
			b.bindIn(s, n.ID, BindNamedExpr, n, e.Value, end(e.Pos))
		}
	case *ast.UnaryOp:
		b.expr(e.Operand)
	case *ast.Lambda:
		b.defaults(e.Args)
		b.push(ScopeLambda, e, "<lambda>")
		b.params(e.Args)
		b.expr(e.Body)
		b.pop()
	case *ast.IfExp:
		b.expr(e.Test)
		b.expr(e.Body)
		b.expr(e.Orelse)
	case *ast.Dict:
		b.exprs(e.Keys)
		b.exprs(e.Values)
	case *ast.Set:
		b.exprs(e.Elts)
	case *ast.ListComp:
		b.comprehension(e, "<listcomp>", e.Generators, e.Elt, nil)
	case *ast.SetComp:
		b.comprehension(e, "<setcomp>", e.Generators, e.Elt, nil)
	case *ast.DictComp:
		b.comprehension(e, "<dictcomp>", e.Generators, e.Key, e.Value)
	case *ast.GeneratorExp:
		b.comprehension(e, "<genexpr>", e.Generators, e.Elt, nil)
	case *ast.Await:
		b.expr(e.Value)
	case *ast.Yield:
		b.expr(e.Value)
	case *ast.YieldFrom:
		b.expr(e.Value)
	case *ast.Compare:
		b.expr(e.Left)
		b.exprs(e.Comparators)
	case *ast.Call:
		b.expr(e.Func)
		b.exprs(e.Args)
		for _, k := range e.Keywords {
			if k != nil {
				b.expr(k.Value)
			}
		}
	case *ast.FormattedValue:
		b.expr(e.Value)
		b.expr(e.FormatSpec)
	case *ast.Interpolation:
		b.expr(e.Value)
		b.expr(e.FormatSpec)
	case *ast.JoinedStr:
		b.exprs(e.Values)
	case *ast.TemplateStr:
		b.exprs(e.Values)
	case *ast.Subscript:
		b.expr(e.Value)
		b.expr(e.Slice)
	case *ast.Starred:
		b.expr(e.Value)
	case *ast.List:
		b.exprs(e.Elts)
	case *ast.Tuple:
		b.exprs(e.Elts)
	case *ast.Slice:
		b.expr(e.Lower)
		b.expr(e.Upper)
		b.expr(e.Step)
	}
	b.depth--
}

// binOp walks a left-leaning chain such as a long string concatenation in a
// loop, so that its length costs no recursion depth.
func (b *builder) binOp(e *ast.BinOp) {
	var buf [8]ast.Expr
	rights := buf[:0]
	var x ast.Expr = e
	for {
		o, ok := x.(*ast.BinOp)
		if !ok {
			break
		}
		rights = append(rights, o.Right)
		x = o.Left
	}
	b.expr(x)
	for i := len(rights) - 1; i >= 0; i-- {
		b.expr(rights[i])
	}
}

// target binds the names of an assignment-like target. value is what the
// whole target receives, when known, and eff where the binding takes effect.
func (b *builder) target(t ast.Expr, kind BindingKind, value ast.Expr, eff int64) {
	if t == nil || !b.enter() {
		return
	}
	switch t := t.(type) {
	case *ast.Name:
		b.bind(t.ID, kind, t, value, eff)
	case *ast.Tuple:
		b.unpack(t.Elts, kind, value, eff)
	case *ast.List:
		b.unpack(t.Elts, kind, value, eff)
	case *ast.Starred:
		b.target(t.Value, kind, nil, eff)
	default:
		// Attribute and subscript targets bind no name; their parts are loads.
		b.expr(t)
	}
	b.depth--
}

// unpack binds the elements of a tuple or list target, pairing each with the
// matching element of a tuple or list value of the same shape.
func (b *builder) unpack(elts []ast.Expr, kind BindingKind, value ast.Expr, eff int64) {
	var vals []ast.Expr
	switch v := value.(type) {
	case *ast.Tuple:
		vals = v.Elts
	case *ast.List:
		vals = v.Elts
	}
	if len(vals) != len(elts) || hasStarred(vals) || hasStarred(elts) {
		vals = nil
	}
	for i, el := range elts {
		var v ast.Expr
		if vals != nil {
			v = vals[i]
		}
		b.target(el, kind, v, eff)
	}
}

func hasStarred(list []ast.Expr) bool {
	for _, e := range list {
		if _, ok := e.(*ast.Starred); ok {
			return true
		}
	}
	return false
}

// comprehension opens a comprehension scope. The first iterable belongs to the
// enclosing scope; the targets are bound in the new one before anything in
// it runs, so they take effect from its start.
func (b *builder) comprehension(node ast.Expr, name string, gens []*ast.Comprehension, elt, value ast.Expr) {
	if len(gens) > 0 && gens[0] != nil {
		b.expr(gens[0].Iter)
	}
	b.push(ScopeComprehension, node, name)
	for i, g := range gens {
		if g == nil {
			continue
		}
		if i > 0 {
			b.expr(g.Iter)
		}
		b.target(g.Target, BindComprehension, nil, 0)
		b.exprs(g.Ifs)
	}
	b.expr(elt)
	b.expr(value)
	b.pop()
}

// defaults visits parameter defaults, which run in the scope of the def.
func (b *builder) defaults(a *ast.Arguments) {
	if a == nil {
		return
	}
	b.exprs(a.Defaults)
	b.exprs(a.KwDefaults)
}

// params binds parameters; they are in effect from the start of the body.
func (b *builder) params(a *ast.Arguments) {
	if a == nil {
		return
	}
	for _, list := range [...][]*ast.Arg{a.Posonlyargs, a.Args, {a.Vararg}, a.Kwonlyargs, {a.Kwarg}} {
		for _, p := range list {
			if p != nil {
				b.bind(p.Arg, BindParam, p, nil, 0)
			}
		}
	}
}

func hasAnnotations(a *ast.Arguments) bool {
	found := false
	eachArg(a, func(p *ast.Arg) {
		if p.Annotation != nil {
			found = true
		}
	})
	return found
}

func (b *builder) annotations(a *ast.Arguments) {
	eachArg(a, func(p *ast.Arg) { b.expr(p.Annotation) })
}

func eachArg(a *ast.Arguments, f func(*ast.Arg)) {
	if a == nil {
		return
	}
	for _, list := range [...][]*ast.Arg{a.Posonlyargs, a.Args, {a.Vararg}, a.Kwonlyargs, {a.Kwarg}} {
		for _, p := range list {
			if p != nil {
				f(p)
			}
		}
	}
}
