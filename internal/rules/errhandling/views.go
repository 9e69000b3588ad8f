package errhandling

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// viewName returns the name of the view function that n is used in, or ""
// when n is not inside a function that answers HTTP requests: one with a
// route decorator (@app.route, @bp.get, @router.post, @api_view,
// @login_required, ...), one whose first parameter is the request in a
// file that imports a web framework, or a method of a class-based view.
func viewName(p *analysis.Pass, n *ast.Name) string {
	if n == nil {
		return ""
	}
	u := p.Model.Use(n)
	if u == nil {
		return ""
	}
	s := u.Scope
	for s != nil && s.Kind != semantic.ScopeFunction {
		if s.Kind == semantic.ScopeClass || s.Kind == semantic.ScopeModule {
			return ""
		}
		s = s.Parent
	}
	if s == nil {
		return ""
	}
	var name string
	var decorators []ast.Expr
	var args *ast.Arguments
	switch f := s.Node.(type) {
	case *ast.FunctionDef:
		name, decorators, args = f.Name, f.DecoratorList, f.Args
	case *ast.AsyncFunctionDef:
		name, decorators, args = f.Name, f.DecoratorList, f.Args
	default:
		return ""
	}
	for _, d := range decorators {
		if c, ok := d.(*ast.Call); ok {
			d = c.Func
		}
		switch ruleutil.ExprTail(d) {
		case "route", "get", "post", "put", "patch", "delete", "api_route", "websocket", "view_config",
			"api_view", "action", "login_required", "permission_required", "require_http_methods",
			"require_POST", "require_GET", "require_safe", "csrf_exempt":
			return name
		}
	}
	// A module-level function taking the request; methods need a view class.
	if s.Parent != nil && s.Parent.Kind == semantic.ScopeModule && firstParam(args, s) == "request" && importsWebFramework(p.Model) {
		return name
	}
	if s.Parent != nil && s.Parent.Kind == semantic.ScopeClass {
		if cls, ok := s.Parent.Node.(*ast.ClassDef); ok && isViewClass(cls) {
			return name
		}
	}
	return ""
}

// firstParam returns the first parameter of a function, after self or cls
// for a method.
func firstParam(args *ast.Arguments, s *semantic.Scope) string {
	if args == nil {
		return ""
	}
	params := append(append([]*ast.Arg(nil), args.Posonlyargs...), args.Args...)
	if len(params) > 0 && s.Parent != nil && s.Parent.Kind == semantic.ScopeClass {
		params = params[1:]
	}
	if len(params) == 0 {
		return ""
	}
	return params[0].Arg
}

// isViewClass reports a class-based view: its bases include one of the
// view classes of Flask, Django, Django REST framework, Flask-RESTful,
// Starlette or Tornado.
func isViewClass(cls *ast.ClassDef) bool {
	for _, b := range cls.Bases {
		switch ruleutil.ExprTail(b) {
		case "MethodView", "View", "TemplateView", "FormView", "APIView", "GenericAPIView", "ViewSet",
			"GenericViewSet", "ModelViewSet", "ReadOnlyModelViewSet", "Resource", "HTTPEndpoint",
			"RequestHandler":
			return true
		}
	}
	return false
}

// importsWebFramework reports whether the file imports a web framework
// whose views take the request as their first parameter.
func importsWebFramework(m *semantic.Model) bool {
	for _, top := range [...]string{"django", "rest_framework", "starlette", "fastapi", "aiohttp", "pyramid", "sanic", "flask", "quart"} {
		if ruleutil.ImportsModule(m, top) {
			return true
		}
	}
	return false
}
