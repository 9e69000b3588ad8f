package web

import (
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// setting is one configuration value set by name.
type setting struct {
	name  string
	value ast.Expr
	// at is where a finding goes: the statement, keyword or dict value.
	at ast.Node
	// form says how the value is set.
	form settingForm
	// class is the enclosing class of a class attribute (Flask config
	// classes), "" otherwise.
	class string
}

type settingForm uint8

const (
	formModule    settingForm = iota // NAME = value at module level
	formClass                        // NAME = value in a class body
	formLocal                        // name = value in a function
	formAttribute                    // obj.name = value
	formSubscript                    // obj["NAME"] = value
	formKeyword                      // f(NAME=value)
	formDictKey                      // {"NAME": value}
)

// settingKinds are the node kinds forEachSetting understands.
func settingKinds() []ast.Kind {
	return []ast.Kind{ast.KindAssign, ast.KindAnnAssign, ast.KindCall, ast.KindDict}
}

// forEachSetting calls f for every value that n sets under a name that want
// accepts: assignments to names, attributes and constant subscripts
// (`app.config["X"] = v`), keyword arguments (`app.config.update(X=v)`) and
// constant dict keys. want is the cheap test that runs on every name.
func forEachSetting(p *analysis.Pass, n ast.Node, want func(string) bool, f func(setting)) {
	switch x := n.(type) {
	case *ast.Assign:
		for _, t := range x.Targets {
			targetSetting(p, x, t, x.Value, want, f)
		}
	case *ast.AnnAssign:
		if x.Value != nil {
			targetSetting(p, x, x.Target, x.Value, want, f)
		}
	case *ast.Call:
		for _, k := range x.Keywords {
			if k.Arg != "" && want(k.Arg) {
				f(setting{name: k.Arg, value: k.Value, at: k, form: formKeyword})
			}
		}
	case *ast.Dict:
		for i, k := range x.Keys {
			if c, ok := k.(*ast.Constant); ok && c.Value.Kind == ast.ConstStr && want(c.Value.S) {
				f(setting{name: c.Value.S, value: x.Values[i], at: x.Values[i], form: formDictKey})
			}
		}
	}
}

func targetSetting(p *analysis.Pass, stmt ast.Stmt, t, value ast.Expr, want func(string) bool, f func(setting)) {
	switch x := t.(type) {
	case *ast.Name:
		if !want(x.ID) {
			return
		}
		s := setting{name: x.ID, value: value, at: stmt, form: formLocal}
		if b := p.Model.BindingOf(x); b != nil && b.Scope != nil {
			switch b.Scope.Kind {
			case semantic.ScopeModule:
				s.form = formModule
			case semantic.ScopeClass:
				s.form, s.class = formClass, b.Scope.Name
			}
		}
		f(s)
	case *ast.Attribute:
		if want(x.Attr) {
			f(setting{name: x.Attr, value: value, at: stmt, form: formAttribute})
		}
	case *ast.Subscript:
		if c, ok := x.Slice.(*ast.Constant); ok && c.Value.Kind == ast.ConstStr && want(c.Value.S) {
			f(setting{name: c.Value.S, value: value, at: stmt, form: formSubscript})
		}
	}
}

// devContext reports whether a setting is made for development or tests:
// in such a file, or in a config class named like DevelopmentConfig or
// TestingConfig.
func devContext(p *analysis.Pass, s setting) bool {
	if ruleutil.InDevSettingsFile(p) {
		return true
	}
	if s.class == "" {
		return false
	}
	var buf [12]string
	for _, w := range ruleutil.SplitName(s.class, buf[:0]) {
		switch w {
		case "dev", "develop", "development", "local", "test", "tests", "testing", "debug":
			return true
		}
	}
	return false
}

// isFalseLiteral reports an explicit False or 0, the way a setting is
// switched off on purpose (None and "" usually mean "use the default").
func isFalseLiteral(p *analysis.Pass, e ast.Expr) bool {
	v, ok := p.Model.ConstValue(e)
	return ok && (v.Kind == ast.ConstFalse || v.Kind == ast.ConstInt && v.S == "0")
}

// isWildcardOrigin reports "*" or a regular expression that matches any
// origin, alone or in a list, tuple or set.
func isWildcardOrigin(p *analysis.Pass, e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.List:
		return anyWildcard(p, x.Elts)
	case *ast.Tuple:
		return anyWildcard(p, x.Elts)
	case *ast.Set:
		return anyWildcard(p, x.Elts)
	}
	s, ok := p.Model.ConstString(e)
	if !ok {
		return false
	}
	switch strings.TrimSpace(s) {
	case "*", ".*", "^.*$", ".+", "^.+$", "^.*", "(.*)", "https?://.*", "^https?://.*$":
		return true
	}
	return false
}

func anyWildcard(p *analysis.Pass, elts []ast.Expr) bool {
	for _, e := range elts {
		if isWildcardOrigin(p, e) {
			return true
		}
	}
	return false
}
