package injection

import (
	"strings"

	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
)

// origin says where the value of a string expression comes from, as far as
// the file shows. Rules rank a finding by it: a command or query built from
// data is the classic injection, an opaque value may or may not carry data,
// and a constant is at most an audit hint.
type origin uint8

const (
	// originConst is a value the source fixes.
	originConst origin = iota
	// originSafe is built at run time, but only from constants and parts
	// that cannot change the statement's structure: quoted, numeric, or
	// lists of SQL placeholders.
	originSafe
	// originOpaque is a value the file does not show being built: a
	// parameter, an attribute, a subscript or the result of a call.
	originOpaque
	// originBuilt is built at run time from non-constant parts by an
	// f-string, % formatting, str.format, concatenation or str.join.
	originBuilt
	// originRequest is read straight from a web request (request.args,
	// request.GET, request.json, ...): data an attacker sends. It ranks
	// above originBuilt: a query that is nothing but request data is worse
	// than one with data spliced in.
	originRequest
)

// source is the verdict on one string expression.
type source struct {
	origin origin
	// how completes a message such as "os.system runs a command ..." for
	// originBuilt and originOpaque: "built from an f-string".
	how string
}

// dynamic reports whether the value may carry data the program did not fix.
func (s source) dynamic() bool { return s.origin >= originOpaque }

// The phrases that name how a string was built.
const (
	howFString  = "built from an f-string"
	howPercent  = "built with % formatting"
	howFormat   = "built with str.format()"
	howConcat   = "built by string concatenation"
	howJoin     = "built with str.join()"
	howOpaque   = "taken from a non-constant value"
	howRequest  = "taken from request data"
	howVariable = "taken from a variable"
)

// mode selects which run-time values count as safe to splice in.
type mode uint8

const (
	// modeShell accepts shlex.quote and friends.
	modeShell mode = iota
	// modeSQL accepts lists of placeholders and driver escaping functions.
	modeSQL
	// modeCode accepts only numeric conversions: no quoting makes text safe
	// to evaluate as Python.
	modeCode
	// modeLDAP accepts the LDAP libraries' filter and DN escaping.
	modeLDAP
)

// maxDepth bounds how many names and nested expressions a classification
// follows; it also stops cycles such as `a = b; b = a`.
const maxDepth = 16

// classify returns where the string value of e comes from.
func classify(m *semantic.Model, e ast.Expr, md mode) source {
	c := classifier{m: m, mode: md}
	return c.expr(e, 0)
}

type classifier struct {
	m    *semantic.Model
	mode mode
}

// The verdicts that carry no detail. They are constants in spirit; Go has
// no struct constants, hence functions.
func srcConst() source  { return source{origin: originConst} }
func srcSafe() source   { return source{origin: originSafe} }
func srcOpaque() source { return source{origin: originOpaque, how: howOpaque} }

// worse returns the verdict that matters more of a and b.
func worse(a, b source) source {
	if b.origin > a.origin {
		return b
	}
	return a
}

// splice turns the verdict on a part spliced into a string into the verdict
// on the whole: any non-constant, unsanitised part makes it built by how.
func splice(part source, how string) source {
	if part.dynamic() {
		return source{origin: originBuilt, how: how}
	}
	return part
}

func (c *classifier) expr(e ast.Expr, depth int) source {
	if e == nil || depth > maxDepth {
		return srcOpaque()
	}
	if _, ok := c.m.ConstValue(e); ok {
		return srcConst()
	}
	switch x := e.(type) {
	case *ast.JoinedStr:
		return c.fstring(x, depth)
	case *ast.BinOp:
		switch x.Op {
		case ast.Mod:
			if c.stringish(x.Left, depth) {
				return c.percent(x, depth)
			}
		case ast.Add:
			return c.concat(x, depth)
		}
	case *ast.Call:
		return c.call(x, depth)
	case *ast.Name:
		return c.name(x, depth)
	case *ast.IfExp:
		return worse(c.expr(x.Body, depth+1), c.expr(x.Orelse, depth+1))
	case *ast.BoolOp:
		s := srcConst()
		for _, v := range x.Values {
			s = worse(s, c.expr(v, depth+1))
		}
		return s
	case *ast.Subscript, *ast.Attribute, *ast.Await:
		if requestData(c.m, e) {
			return source{origin: originRequest, how: howRequest}
		}
	}
	return srcOpaque()
}

// name follows a variable to the value bound in effect where it is used.
func (c *classifier) name(n *ast.Name, depth int) source {
	v := boundValue(c.m, n)
	if v == nil {
		if start, adds, ok := augmented(c.m, n); ok {
			s := c.expr(start, depth+1)
			str := c.stringish(start, depth+1)
			for _, a := range adds {
				s = worse(s, c.expr(a, depth+1))
				str = str || c.stringish(a, depth+1)
			}
			if str {
				return splice(s, howConcat)
			}
		}
		return source{origin: originOpaque, how: howVariable}
	}
	s := c.expr(v, depth+1)
	if s.origin == originOpaque {
		s.how = howVariable
	}
	return s
}

// boundValue returns the expression assigned to the name by the binding in
// effect at this use (`q = f"..."` before `execute(q)`), or nil when that
// binding is not a plain assignment.
func boundValue(m *semantic.Model, n *ast.Name) ast.Expr {
	u := m.Use(n)
	if u == nil || u.Kind != semantic.UseSymbol || u.Binding == nil {
		return nil
	}
	switch u.Binding.Kind {
	case semantic.BindAssign, semantic.BindAnnAssign, semantic.BindNamedExpr:
		return u.Binding.Value
	}
	return nil
}

// valueOf follows names to the expression they were last assigned, as far
// as assignments show it.
func valueOf(m *semantic.Model, e ast.Expr) ast.Expr {
	for range maxDepth {
		n, ok := e.(*ast.Name)
		if !ok {
			return e
		}
		v := boundValue(m, n)
		if v == nil {
			return e
		}
		e = v
	}
	return e
}

func (c *classifier) fstring(j *ast.JoinedStr, depth int) source {
	s := srcConst()
	for _, v := range j.Values {
		fv, ok := v.(*ast.FormattedValue)
		if !ok {
			continue
		}
		if numericSpec(c.m, fv.FormatSpec) {
			s = worse(s, srcSafe())
			continue
		}
		s = worse(s, splice(c.expr(fv.Value, depth+1), howFString))
	}
	return s
}

// numericSpec reports whether an f-string format spec ends in a numeric
// presentation type (`{n:d}`, `{x:.2f}`), which rejects anything but numbers.
func numericSpec(m *semantic.Model, spec ast.Expr) bool {
	if spec == nil {
		return false
	}
	s, ok := m.ConstString(spec)
	return ok && s != "" && strings.IndexByte("bcdeEfFgGnoxX%", s[len(s)-1]) >= 0
}

func (c *classifier) percent(b *ast.BinOp, depth int) source {
	left := c.expr(b.Left, depth+1)
	if format, ok := c.m.ConstString(b.Left); ok && numericConversions(format) {
		return srcSafe()
	}
	var args source
	switch r := b.Right.(type) {
	case *ast.Tuple:
		args = c.all(r.Elts, depth)
	case *ast.Dict:
		args = c.all(r.Values, depth)
	default:
		args = c.expr(r, depth+1)
	}
	return worse(splice(left, howPercent), splice(args, howPercent))
}

// numericConversions reports whether every conversion of a %-format string
// is numeric (%d, %5.2f, %x, ...), so that no argument can add text that is
// not a number. A format without any conversion is not numeric.
func numericConversions(f string) bool {
	n := 0
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			continue
		}
		i++
		if i < len(f) && f[i] == '(' {
			for i < len(f) && f[i] != ')' {
				i++
			}
			i++
		}
		for i < len(f) && strings.IndexByte("#0- +*.0123456789hlL", f[i]) >= 0 {
			i++
		}
		if i >= len(f) {
			return false
		}
		switch f[i] {
		case '%':
			continue
		case 'd', 'i', 'o', 'u', 'x', 'X', 'e', 'E', 'f', 'F', 'g', 'G':
			n++
		default:
			return false
		}
	}
	return n > 0
}

func (c *classifier) all(list []ast.Expr, depth int) source {
	s := srcConst()
	for _, e := range list {
		s = worse(s, c.expr(e, depth+1))
	}
	return s
}

// concat judges a chain of +. Adding two opaque values may be arithmetic,
// so the chain is a string only when some operand is known to be one.
func (c *classifier) concat(b *ast.BinOp, depth int) source {
	var parts [16]ast.Expr
	list := parts[:0]
	var x ast.Expr = b
	for {
		o, ok := x.(*ast.BinOp)
		if !ok || o.Op != ast.Add || len(list) == cap(parts)-1 {
			break
		}
		list = append(list, o.Right)
		x = o.Left
	}
	list = append(list, x)
	s, str := srcConst(), false
	for _, p := range list {
		ps := c.expr(p, depth+1)
		if ps.origin == originBuilt || c.stringish(p, depth) {
			str = true
		}
		s = worse(s, ps)
	}
	if !str {
		return srcOpaque()
	}
	return splice(s, howConcat)
}

// stringish reports whether e is known to produce a str.
func (c *classifier) stringish(e ast.Expr, depth int) bool {
	if depth > maxDepth {
		return false
	}
	switch x := e.(type) {
	case *ast.JoinedStr:
		return true
	case *ast.Constant:
		return x.Value.Kind == ast.ConstStr
	case *ast.BinOp:
		return (x.Op == ast.Add || x.Op == ast.Mod) && c.stringish(x.Left, depth+1)
	case *ast.Call:
		if a, ok := x.Func.(*ast.Attribute); ok && (a.Attr == "format" || a.Attr == "join") {
			return c.stringish(a.Value, depth+1)
		}
		return false
	case *ast.Name:
		if v := boundValue(c.m, x); v != nil {
			return c.stringish(v, depth+1)
		}
	}
	v, ok := c.m.ConstValue(e)
	return ok && v.Kind == ast.ConstStr
}

func (c *classifier) call(x *ast.Call, depth int) source {
	if c.sanitizer(x) {
		return srcSafe()
	}
	if requestData(c.m, x) {
		return source{origin: originRequest, how: howRequest}
	}
	a, ok := x.Func.(*ast.Attribute)
	if !ok {
		if c.m.QualifiedNameIs(x.Func, "builtins.str") && len(x.Args) == 1 {
			return c.expr(x.Args[0], depth+1)
		}
		return srcOpaque()
	}
	switch a.Attr {
	case "format":
		if !c.stringish(a.Value, depth) {
			return srcOpaque()
		}
		s := c.expr(a.Value, depth+1)
		for _, arg := range x.Args {
			s = worse(s, c.expr(arg, depth+1))
		}
		for _, k := range x.Keywords {
			if k.Arg == "" {
				s = worse(s, srcOpaque()) // **mapping: unknown values
				continue
			}
			s = worse(s, c.expr(k.Value, depth+1))
		}
		return splice(s, howFormat)
	case "join":
		if !c.stringish(a.Value, depth) || len(x.Args) != 1 {
			return srcOpaque()
		}
		return worse(c.expr(a.Value, depth+1), splice(c.items(x.Args[0], depth), howJoin))
	case "strip", "lstrip", "rstrip", "lower", "upper", "title", "capitalize", "casefold", "expandtabs":
		if c.stringish(a.Value, depth) {
			return c.expr(a.Value, depth+1)
		}
	}
	return srcOpaque()
}

// items judges the elements of the iterable a str.join joins.
func (c *classifier) items(e ast.Expr, depth int) source {
	e = valueOf(c.m, e)
	switch x := e.(type) {
	case *ast.List:
		return c.all(x.Elts, depth)
	case *ast.Tuple:
		return c.all(x.Elts, depth)
	case *ast.Set:
		return c.all(x.Elts, depth)
	case *ast.ListComp:
		return c.comprehended(x.Elt, depth)
	case *ast.GeneratorExp:
		return c.comprehended(x.Elt, depth)
	case *ast.SetComp:
		return c.comprehended(x.Elt, depth)
	case *ast.BinOp:
		// ["?"] * len(ids) and "?" * n repeat a constant.
		if x.Op == ast.Mult {
			if s := c.items(x.Left, depth+1); s.origin <= originSafe {
				return s
			}
			if s := c.items(x.Right, depth+1); s.origin <= originSafe {
				return s
			}
		}
	case *ast.Constant:
		return srcConst()
	}
	return srcOpaque()
}

// comprehended judges the element expression of a comprehension: a
// constant element ("?" for each id) is safe whatever the loop runs over.
func (c *classifier) comprehended(elt ast.Expr, depth int) source {
	if _, ok := elt.(*ast.Constant); ok {
		return srcSafe()
	}
	s := c.expr(elt, depth+1)
	if s.origin == originConst {
		return srcSafe()
	}
	return s
}

// sanitizer reports calls whose result may be spliced into a command or a
// query without changing its structure.
func (c *classifier) sanitizer(x *ast.Call) bool {
	switch tailName(c.m, x) {
	case "int", "float", "len", "bool", "abs", "round", "hex", "oct", "ord":
		qn := c.m.CalleeName(x)
		return strings.HasPrefix(qn, "builtins.")
	case "quote", "join":
		if c.mode != modeShell {
			return false
		}
		switch c.m.CalleeName(x) {
		case "shlex.quote", "pipes.quote", "shlex.join":
			return true
		}
	case "escape_string", "quote_ident", "escape_identifier", "escape_literal", "mogrify":
		return c.mode == modeSQL
	case "escape_filter_chars", "escape_dn_chars", "filter_format", "escape_rdn":
		return c.mode == modeLDAP
	case "Identifier", "Literal":
		if c.mode != modeSQL {
			return false
		}
		qn := c.m.CalleeName(x)
		return strings.HasPrefix(qn, "psycopg2.sql.") || strings.HasPrefix(qn, "psycopg.sql.")
	}
	return false
}

// hole stands for a run-time part in a skeleton.
const hole = "\x00"

// skeleton returns the text of a string expression with each run-time part
// replaced by hole, following variables: `f"tar cf {name}.tar *"` gives
// "tar cf \x00.tar *". Rules read the fixed text (a program name, SQL
// keywords) around the data.
func skeleton(m *semantic.Model, e ast.Expr) string {
	var sb strings.Builder
	skeletonTo(&sb, m, e, 0)
	return sb.String()
}

func skeletonTo(sb *strings.Builder, m *semantic.Model, e ast.Expr, depth int) {
	if depth > maxDepth || sb.Len() > 1<<16 {
		sb.WriteString(hole)
		return
	}
	if s, ok := m.ConstString(e); ok {
		sb.WriteString(s)
		return
	}
	switch x := e.(type) {
	case *ast.JoinedStr:
		for _, v := range x.Values {
			if k, ok := v.(*ast.Constant); ok && k.Value.Kind == ast.ConstStr {
				sb.WriteString(k.Value.S)
				continue
			}
			fv, ok := v.(*ast.FormattedValue)
			if !ok {
				sb.WriteString(hole)
				continue
			}
			if s, ok := m.ConstString(fv.Value); ok && fv.FormatSpec == nil {
				sb.WriteString(s)
				continue
			}
			sb.WriteString(hole)
		}
		return
	case *ast.BinOp:
		switch x.Op {
		case ast.Add:
			skeletonTo(sb, m, x.Left, depth+1)
			skeletonTo(sb, m, x.Right, depth+1)
			return
		case ast.Mod:
			skeletonTo(sb, m, x.Left, depth+1)
			return
		}
	case *ast.Call:
		if a, ok := x.Func.(*ast.Attribute); ok && a.Attr == "format" {
			skeletonTo(sb, m, a.Value, depth+1)
			return
		}
	case *ast.Name:
		if v := boundValue(m, x); v != nil {
			skeletonTo(sb, m, v, depth+1)
			return
		}
		if start, adds, ok := augmented(m, x); ok {
			skeletonTo(sb, m, start, depth+1)
			for _, a := range adds {
				skeletonTo(sb, m, a, depth+1)
			}
			return
		}
	}
	sb.WriteString(hole)
}
