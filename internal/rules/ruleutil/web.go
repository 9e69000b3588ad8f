package ruleutil

import (
	"path"
	"strings"

	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
)

// DottedText spells a Name or a chain of Attributes on a Name as source
// text ("self.client.login"), or returns "" for anything else. Messages use
// it when the qualified name is unknown.
func DottedText(e ast.Expr) string {
	switch x := e.(type) {
	case *ast.Name:
		return x.ID
	case *ast.Attribute:
		if base := DottedText(x.Value); base != "" {
			return base + "." + x.Attr
		}
		return x.Attr
	}
	return ""
}

// CallLabel names the function a call calls for a message: its qualified
// name when known, else its dotted source text, else "call".
func CallLabel(m *semantic.Model, c *ast.Call) string {
	if qn := m.CalleeName(c); qn != "" {
		return qn
	}
	if s := DottedText(c.Func); s != "" {
		return s
	}
	return "call"
}

// IsTestPath reports whether a slash- or backslash-separated path is test
// code: under a tests/testing directory, or a test_*.py, *_test.py,
// tests.py or conftest.py file. Findings there usually describe fixtures.
func IsTestPath(p string) bool {
	p = strings.ToLower(strings.ReplaceAll(p, `\`, "/"))
	base := path.Base(p)
	stem := strings.TrimSuffix(base, path.Ext(base))
	switch {
	case strings.HasPrefix(stem, "test_"), strings.HasSuffix(stem, "_test"),
		stem == "tests", stem == "conftest", stem == "test":
		return true
	}
	for _, dir := range strings.Split(path.Dir(p), "/") {
		switch dir {
		case "test", "tests", "testing", "__tests__", "unittests", "testcases":
			return true
		}
	}
	return false
}

// IsDevSettingsPath reports whether a path is a development or test
// configuration module (settings/dev.py, settings_local.py,
// config/testing.py, test_settings.py), where debug switches are expected.
func IsDevSettingsPath(p string) bool {
	if IsTestPath(p) {
		return true
	}
	p = strings.ToLower(strings.ReplaceAll(p, `\`, "/"))
	base := path.Base(p)
	stem := strings.TrimSuffix(base, path.Ext(base))
	var buf [maxNameWords]string
	for _, w := range splitName(stem, buf[:0]) {
		switch w {
		case "dev", "develop", "development", "local", "test", "tests", "testing", "ci":
			return true
		}
	}
	return false
}

// IsSettingsPath reports whether a path names a settings or configuration
// module by its name: settings.py, settings/*.py, settings_prod.py,
// config.py, conf.py.
func IsSettingsPath(p string) bool {
	p = strings.ToLower(strings.ReplaceAll(p, `\`, "/"))
	base := path.Base(p)
	stem := strings.TrimSuffix(base, path.Ext(base))
	if path.Base(path.Dir(p)) == "settings" {
		return true
	}
	var buf [maxNameWords]string
	for _, w := range splitName(stem, buf[:0]) {
		switch w {
		case "settings", "config", "conf", "configuration":
			return true
		}
	}
	return false
}

// DefinesDjangoSettings reports whether a module assigns one of the names
// only Django settings modules define (INSTALLED_APPS, MIDDLEWARE,
// ROOT_URLCONF, ...) at its top level.
func DefinesDjangoSettings(m *semantic.Model) bool {
	s := m.ModuleScope()
	for _, n := range [...]string{"INSTALLED_APPS", "MIDDLEWARE", "MIDDLEWARE_CLASSES", "ROOT_URLCONF", "WSGI_APPLICATION", "ALLOWED_HOSTS"} {
		if sym := s.Lookup(n); sym != nil && len(sym.Bindings) > 0 {
			return true
		}
	}
	return false
}

// ModuleLevelName returns the name a statement's target binds at module
// level, or "" when the target is not a plain name or the statement is in
// a function or class.
func ModuleLevelName(m *semantic.Model, target ast.Expr) string {
	n, ok := target.(*ast.Name)
	if !ok {
		return ""
	}
	b := m.BindingOf(n)
	if b == nil || b.Scope == nil || b.Scope.Kind != semantic.ScopeModule {
		return ""
	}
	return n.ID
}

// ImportsModule reports whether the file imports the top-level package top
// or any module inside it (`import flask`, `from flask.views import View`).
func ImportsModule(m *semantic.Model, top string) bool {
	for _, im := range m.ImportedModules() {
		if im.Module == top || len(im.Module) > len(top) && im.Module[len(top)] == '.' && im.Module[:len(top)] == top {
			return true
		}
	}
	return false
}

// FlaskApp reports whether e is a Flask (or Quart) application object, and
// whether that is certain: certain when e was built by flask.Flask or
// quart.Quart, likely when a file that imports flask or quart calls it
// app or application (an app from a factory or another module).
func FlaskApp(m *semantic.Model, e ast.Expr) (isApp, certain bool) {
	switch ConstructedBy(m, e) {
	case "flask.Flask", "flask.app.Flask", "quart.Quart", "quart.app.Quart":
		return true, true
	}
	switch ExprTail(e) {
	case "app", "application", "flask_app", "_app":
		return ImportsModule(m, "flask") || ImportsModule(m, "quart"), false
	}
	return false, false
}
