package crypto

import (
	"strings"
	"unicode"

	"github.com/kraitsec/krait/internal/python/ast"
)

// words splits an identifier or a dictionary key into lowercase words at
// underscores, dashes, dots, digits and camel-case humps: "resetToken" and
// "RESET_TOKEN" both give reset, token; "APIKey" gives api, key.
func words(s string) []string {
	var out []string
	rs := []rune(s)
	start := -1
	flush := func(i int) {
		if start >= 0 && i > start {
			out = append(out, strings.ToLower(string(rs[start:i])))
		}
		start = -1
	}
	for i, r := range rs {
		if !unicode.IsLetter(r) {
			flush(i)
			continue
		}
		if start < 0 {
			start = i
			continue
		}
		prev := rs[i-1]
		switch {
		case unicode.IsUpper(r) && unicode.IsLower(prev):
			flush(i)
			start = i
		case unicode.IsLower(r) && unicode.IsUpper(prev) && i-1 > start:
			// "APIKey": the K starts a new word.
			flush(i - 1)
			start = i - 1
		}
	}
	flush(len(rs))
	return out
}

// hasWord reports whether any word of s is one of set.
func hasWord(s string, set ...string) bool {
	for _, w := range words(s) {
		for _, x := range set {
			if w == x {
				return true
			}
		}
	}
	return false
}

// isSecurityWord reports whether a word names a value that must be
// unpredictable: a token, password, key, nonce, salt, one-time code, session id.
func isSecurityWord(w string) bool {
	switch w {
	case "token", "tokens", "password", "passwords", "passwd", "pwd", "pw", "passphrase",
		"secret", "secrets", "key", "apikey", "nonce", "salt", "otp", "totp", "hotp",
		"csrf", "xsrf", "session", "sessionid", "sid", "auth", "iv", "pin", "cookie",
		"signature", "hmac", "credential", "credentials", "captcha", "jti",
		"reset", "verification", "activation", "confirmation", "invite", "invitation",
		"recovery", "mfa", "twofactor":
		return true
	}
	return false
}

// isBenignKeyWord reports whether a word makes a "key" a lookup key, not a secret.
func isBenignKeyWord(w string) bool {
	switch w {
	case "cache", "sort", "lookup", "dict", "map", "primary", "foreign", "partition",
		"shard", "row", "column", "color", "keyboard":
		return true
	}
	return false
}

// isSecurityName reports whether an identifier names a value that must be
// unpredictable, e.g. reset_token, apiKey, otp_code, generate_password.
func isSecurityName(s string) bool {
	hit := false
	for _, w := range words(s) {
		if isBenignKeyWord(w) {
			return false
		}
		hit = hit || isSecurityWord(w)
	}
	return hit
}

// isPasswordName reports whether an identifier names a password (and not a
// token about one, such as password_reset_token, which is random already).
func isPasswordName(s string) bool {
	return hasWord(s, "password", "passwd", "pwd", "passphrase", "pw", "passw", "pass") &&
		!hasWord(s, "token", "reset", "hash", "hashed", "digest", "salt", "length", "len", "policy", "field", "label", "url", "path", "file")
}

// mentionsPassword reports whether e reads a password: a name, an attribute
// or a constant subscript key that names one, anywhere inside e (so that
// `(salt + password).encode()` and `request.form["password"]` count).
func mentionsPassword(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch x := n.(type) {
		case *ast.Name:
			found = isPasswordName(x.ID)
		case *ast.Attribute:
			found = isPasswordName(x.Attr)
		case *ast.Subscript:
			if c, ok := x.Slice.(*ast.Constant); ok && c.Value.Kind == ast.ConstStr {
				found = isPasswordName(c.Value.S)
			}
		case *ast.Call:
			// `get_password()` and `form.get("password")` read one too.
			if a, ok := x.Func.(*ast.Attribute); ok && a.Attr == "get" && len(x.Args) > 0 {
				if c, ok := x.Args[0].(*ast.Constant); ok && c.Value.Kind == ast.ConstStr && isPasswordName(c.Value.S) {
					found = true
				}
			}
		case *ast.Lambda:
			return false
		}
		return !found
	})
	return found
}

// path returns the chain of nodes from root down to target: path[0] is root
// and the last element is target's parent; nil when target is not found.
// It descends only into nodes whose span contains target's, so the cost is
// the depth of target times the fan-out along the way. It is meant for the
// rare node a rule has already decided to report.
func path(root ast.Node, target ast.Node) []ast.Node {
	want := target.Span()
	var stack []ast.Node
	found := false
	var visit func(n ast.Node)
	visit = func(n ast.Node) {
		if found {
			return
		}
		if n == target {
			found = true
			return
		}
		if sp := n.Span(); sp != (ast.Pos{}) && !contains(sp, want) {
			return
		}
		stack = append(stack, n)
		ast.Children(n, func(c ast.Node) bool {
			visit(c)
			return !found
		})
		if !found {
			stack = stack[:len(stack)-1]
		}
	}
	visit(root)
	if !found {
		return nil
	}
	return stack
}

// contains reports whether span a contains span b.
func contains(a, b ast.Pos) bool {
	if b.Lineno < a.Lineno || (b.Lineno == a.Lineno && b.ColOffset < a.ColOffset) {
		return false
	}
	return b.EndLineno < a.EndLineno || (b.EndLineno == a.EndLineno && b.EndColOffset <= a.EndColOffset)
}

// targetName returns the identifier an assignment target names: the name,
// the attribute, or a constant string subscript key.
func targetName(e ast.Expr) string {
	switch x := e.(type) {
	case *ast.Name:
		return x.ID
	case *ast.Attribute:
		return x.Attr
	case *ast.Subscript:
		if c, ok := x.Slice.(*ast.Constant); ok && c.Value.Kind == ast.ConstStr {
			return c.Value.S
		}
	case *ast.Starred:
		return targetName(x.Value)
	}
	return ""
}

// destination returns the name that the value of node (the last step of
// chain) flows into, when it names something that must be secret: the
// assigned variable, attribute or key, a keyword argument, a dictionary key,
// a function it is passed to (set_password), or the function that returns or
// computes it (generate_token). It returns "" when no such name is found.
func destination(chain []ast.Node, node ast.Node) string {
	child := node
	for i := len(chain) - 1; i >= 0; i-- {
		var names []string
		switch x := chain[i].(type) {
		case *ast.Keyword:
			if x.Arg == "key" && i > 0 && isSortCall(chain[i-1]) {
				break // sorted(xs, key=lambda _: random.random()) shuffles
			}
			names = append(names, x.Arg)
		case *ast.Dict:
			for j, v := range x.Values {
				if ast.Node(v) == child && j < len(x.Keys) && x.Keys[j] != nil {
					if c, ok := x.Keys[j].(*ast.Constant); ok && c.Value.Kind == ast.ConstStr {
						names = append(names, c.Value.S)
					}
				}
			}
		case *ast.Assign:
			for _, t := range x.Targets {
				names = append(names, targetName(t))
			}
		case *ast.AnnAssign:
			names = append(names, targetName(x.Target))
		case *ast.AugAssign:
			names = append(names, targetName(x.Target))
		case *ast.NamedExpr:
			names = append(names, targetName(x.Target))
		case *ast.Call:
			if f, ok := x.Func.(*ast.Attribute); ok {
				names = append(names, f.Attr)
			} else if f, ok := x.Func.(*ast.Name); ok {
				names = append(names, f.ID)
			}
		case *ast.FunctionDef:
			names = append(names, x.Name)
		case *ast.AsyncFunctionDef:
			names = append(names, x.Name)
		}
		for _, n := range names {
			if n != "" && isSecurityName(n) {
				return n
			}
		}
		child = chain[i]
	}
	return ""
}

// isSortCall reports whether n is a call whose key= argument is a sort key.
func isSortCall(n ast.Node) bool {
	c, ok := n.(*ast.Call)
	if !ok {
		return false
	}
	var tail string
	switch f := c.Func.(type) {
	case *ast.Attribute:
		tail = f.Attr
	case *ast.Name:
		tail = f.ID
	}
	switch tail {
	case "sorted", "sort", "min", "max", "nsmallest", "nlargest", "groupby", "bisect", "insort":
		return true
	}
	return false
}
