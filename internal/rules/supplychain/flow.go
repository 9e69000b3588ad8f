package supplychain

import (
	"strings"

	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
)

// maxHops bounds how many variables a def-use chain follows.
const maxHops = 6

// bound returns the value a name was last assigned before its use (the
// binding in effect, simple intra-function def-use), or nil.
func bound(m *semantic.Model, e ast.Expr) ast.Expr {
	n, ok := e.(*ast.Name)
	if !ok {
		return nil
	}
	u := m.Use(n)
	if u == nil || u.Binding == nil {
		return nil
	}
	switch u.Binding.Kind {
	case semantic.BindAssign, semantic.BindAnnAssign, semantic.BindNamedExpr:
		return u.Binding.Value
	}
	return nil
}

// decoded returns the decoder call whose output e is, directly, through
// `.decode()`/`.encode()` on it, through compile(), through a slice or `+`,
// or through local variables; nil when e is not decoded data.
func decoded(m *semantic.Model, e ast.Expr) *ast.Call {
	return decodedAt(m, e, 0)
}

func decodedAt(m *semantic.Model, e ast.Expr, depth int) *ast.Call {
	if depth > maxHops*2 || e == nil {
		return nil
	}
	switch x := e.(type) {
	case *ast.Name:
		return decodedAt(m, bound(m, x), depth+1)
	case *ast.Subscript:
		return decodedAt(m, x.Value, depth+1)
	case *ast.BinOp:
		if d := decodedAt(m, x.Left, depth+1); d != nil {
			return d
		}
		return decodedAt(m, x.Right, depth+1)
	case *ast.Call:
		if isDecoder(m, x) {
			return x
		}
		if l, ok := bound(m, x.Func).(*ast.Lambda); ok {
			return decodedAt(m, l.Body, depth+1) // _ = lambda b: zlib.decompress(b)
		}
		if a, ok := x.Func.(*ast.Attribute); ok {
			switch a.Attr {
			case "decode":
				if codec := codecArg(m, x); codec != "" && codec != "utf-8" && codec != "utf8" && codec != "ascii" && codec != "latin-1" && codec != "latin1" {
					return x // Python 2's s.decode("base64"), s.decode("rot13")
				}
				return decodedAt(m, a.Value, depth+1)
			case "encode", "strip", "replace", "translate":
				return decodedAt(m, a.Value, depth+1)
			}
		}
		if m.QualifiedNameIs(x.Func, "builtins.compile") && len(x.Args) > 0 {
			return decodedAt(m, x.Args[0], depth+1)
		}
	}
	return nil
}

// isDecoder reports whether c decodes or decompresses its argument.
func isDecoder(m *semantic.Model, c *ast.Call) bool {
	qn := m.CalleeName(c)
	if qn == "codecs.decode" {
		codec := ""
		if len(c.Args) > 1 {
			codec, _ = m.ConstString(c.Args[1])
		}
		return codec == "" || codec != "utf-8" && codec != "utf8" && codec != "ascii"
	}
	return decoderCalls[qn]
}

// codecArg returns the constant codec name of a `.decode(codec)` call, lowercased.
func codecArg(m *semantic.Model, c *ast.Call) string {
	if len(c.Args) == 0 {
		return ""
	}
	s, _ := m.ConstString(c.Args[0])
	return strings.ToLower(s)
}

// isReversal reports whether e is `x[::-1]`.
func isReversal(e ast.Expr) bool {
	s, ok := e.(*ast.Subscript)
	if !ok {
		return false
	}
	sl, ok := s.Slice.(*ast.Slice)
	if !ok || sl.Lower != nil || sl.Upper != nil || sl.Step == nil {
		return false
	}
	u, ok := sl.Step.(*ast.UnaryOp)
	if !ok || u.Op != ast.USub {
		return false
	}
	c, ok := u.Operand.(*ast.Constant)
	return ok && c.Value.Kind == ast.ConstInt && c.Value.S == "1"
}

// obfuscation says how a name or a code string was hidden: "decoded with
// base64.b64decode", "built from chr()", "reversed", "concatenated from
// pieces", or "" when it is a plain literal or unknown data.
func obfuscation(m *semantic.Model, e ast.Expr) string {
	return obfuscationAt(m, e, 0)
}

func obfuscationAt(m *semantic.Model, e ast.Expr, depth int) string {
	if depth > maxHops*2 || e == nil {
		return ""
	}
	if d := decoded(m, e); d != nil {
		return "decoded with " + m.CalleeName(d)
	}
	switch x := e.(type) {
	case *ast.Name:
		return obfuscationAt(m, bound(m, x), depth+1)
	case *ast.Subscript:
		if isReversal(x) {
			return "reversed with [::-1]"
		}
	case *ast.BinOp:
		if x.Op == ast.Add {
			if chrCount(m, x) > 0 {
				return "built from chr()"
			}
			if _, ok := m.ConstString(x); ok && isStrLiteral(x.Left) && isStrLiteral(x.Right) {
				return "concatenated from pieces"
			}
			if s := obfuscationAt(m, x.Left, depth+1); s != "" {
				return s
			}
			return obfuscationAt(m, x.Right, depth+1)
		}
	case *ast.Call:
		if m.QualifiedNameIs(x.Func, "builtins.chr") {
			return "built from chr()"
		}
		if a, ok := x.Func.(*ast.Attribute); ok {
			switch a.Attr {
			case "join":
				if len(x.Args) == 1 && usesChr(m, x.Args[0]) {
					return "built from chr()"
				}
				if len(x.Args) == 1 && isReversedCall(m, x.Args[0]) {
					return "reversed with reversed()"
				}
				if len(x.Args) == 1 && allStrLiterals(x.Args[0]) {
					return "joined from pieces"
				}
			case "decode":
				if c, ok := a.Value.(*ast.Constant); ok && c.Value.Kind == ast.ConstBytes {
					return "decoded from a bytes literal"
				}
			}
		}
	}
	return ""
}

func isStrLiteral(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.Constant:
		return x.Value.Kind == ast.ConstStr
	case *ast.BinOp:
		return x.Op == ast.Add && isStrLiteral(x.Left) && isStrLiteral(x.Right)
	}
	return false
}

// allStrLiterals reports whether e is a list or tuple of string literals.
func allStrLiterals(e ast.Expr) bool {
	var elts []ast.Expr
	switch x := e.(type) {
	case *ast.List:
		elts = x.Elts
	case *ast.Tuple:
		elts = x.Elts
	default:
		return false
	}
	for _, el := range elts {
		if !isStrLiteral(el) {
			return false
		}
	}
	return len(elts) > 1
}

func isReversedCall(m *semantic.Model, e ast.Expr) bool {
	c, ok := e.(*ast.Call)
	return ok && m.QualifiedNameIs(c.Func, "builtins.reversed")
}

// usesChr reports whether a join's argument maps chr over something:
// `chr(c) for c in ...`, `[chr(c) ...]` or `map(chr, ...)`.
func usesChr(m *semantic.Model, e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.GeneratorExp:
		return containsChr(m, x.Elt)
	case *ast.ListComp:
		return containsChr(m, x.Elt)
	case *ast.Call:
		return m.QualifiedNameIs(x.Func, "builtins.map") && len(x.Args) > 0 && m.QualifiedNameIs(x.Args[0], "builtins.chr")
	}
	return false
}

func containsChr(m *semantic.Model, e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if c, ok := n.(*ast.Call); ok && m.QualifiedNameIs(c.Func, "builtins.chr") {
			found = true
		}
		return !found
	})
	return found
}

// chrCount counts the chr() calls of a `chr(a) + chr(b) + ...` chain.
func chrCount(m *semantic.Model, e ast.Expr) int {
	switch x := e.(type) {
	case *ast.BinOp:
		if x.Op != ast.Add {
			return 0
		}
		return chrCount(m, x.Left) + chrCount(m, x.Right)
	case *ast.Call:
		if m.QualifiedNameIs(x.Func, "builtins.chr") {
			return 1
		}
	}
	return 0
}

// textOf gathers the constant parts of a path, URL or command expression,
// lowercased, with backslashes turned to slashes and parts joined by "/":
// `os.path.join(os.path.expanduser("~"), ".ssh", "id_rsa")` gives
// "~/.ssh/id_rsa". It looks through variables, f-strings, `+`, `/`, `%`,
// format(), calls that build paths, and method calls on a path.
func textOf(m *semantic.Model, e ast.Expr) string {
	var b strings.Builder
	gatherText(m, e, &b, 0)
	return strings.ToLower(strings.ReplaceAll(b.String(), `\`, "/"))
}

func gatherText(m *semantic.Model, e ast.Expr, b *strings.Builder, depth int) {
	if depth > maxHops*3 || e == nil || b.Len() > 4096 {
		return
	}
	part := func(s string) {
		if b.Len() > 0 {
			b.WriteByte('/')
		}
		b.WriteString(s)
	}
	switch x := e.(type) {
	case *ast.Constant:
		if x.Value.Kind == ast.ConstStr || x.Value.Kind == ast.ConstBytes {
			part(x.Value.S)
		}
	case *ast.JoinedStr:
		for _, v := range x.Values {
			if fv, ok := v.(*ast.FormattedValue); ok {
				gatherText(m, fv.Value, b, depth+1)
			} else {
				gatherText(m, v, b, depth+1)
			}
		}
	case *ast.Name:
		if v := bound(m, x); v != nil {
			gatherText(m, v, b, depth+1)
		} else if it := loopIter(m, x); it != nil {
			gatherText(m, it, b, depth+1) // `for name in ("id_rsa", "id_dsa")`
		}
	case *ast.BinOp:
		gatherText(m, x.Left, b, depth+1)
		gatherText(m, x.Right, b, depth+1)
	case *ast.List:
		for _, el := range x.Elts {
			gatherText(m, el, b, depth+1)
		}
	case *ast.Tuple:
		for _, el := range x.Elts {
			gatherText(m, el, b, depth+1)
		}
	case *ast.Attribute:
		gatherText(m, x.Value, b, depth+1)
	case *ast.Call:
		if a, ok := x.Func.(*ast.Attribute); ok {
			gatherText(m, a.Value, b, depth+1)
		}
		for _, a := range x.Args {
			gatherText(m, a, b, depth+1)
		}
	}
}

// hasAny reports whether s contains one of subs.
func hasAny(s string, subs []string) (string, bool) {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return sub, true
		}
	}
	return "", false
}

// loopIter returns the constant list or tuple a for-loop variable runs over,
// or nil.
func loopIter(m *semantic.Model, n *ast.Name) ast.Expr {
	u := m.Use(n)
	if u == nil || u.Binding == nil || u.Binding.Kind != semantic.BindFor || u.Binding.Scope == nil {
		return nil
	}
	target := u.Binding.Node
	var iter ast.Expr
	ast.Inspect(u.Binding.Scope.Node, func(x ast.Node) bool {
		if f, ok := x.(*ast.For); ok && ast.Node(f.Target) == target {
			iter = f.Iter
		}
		return iter == nil
	})
	switch iter.(type) {
	case *ast.List, *ast.Tuple:
		return iter
	}
	return nil
}
