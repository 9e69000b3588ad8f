package errhandling

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
)

// broadHandler describes what an except clause catches when it catches
// everything, "" when it is narrower: "bare except", "except Exception" or
// "except BaseException" (also inside a tuple of types).
func broadHandler(p *analysis.Pass, h *ast.ExceptHandler) string {
	if h.Type == nil {
		return "bare except"
	}
	if t, ok := h.Type.(*ast.Tuple); ok {
		for _, e := range t.Elts {
			if s := broadType(p, e); s != "" {
				return s
			}
		}
		return ""
	}
	return broadType(p, h.Type)
}

func broadType(p *analysis.Pass, e ast.Expr) string {
	switch {
	case p.Model.QualifiedNameIs(e, "builtins.Exception"):
		return "except Exception"
	case p.Model.QualifiedNameIs(e, "builtins.BaseException"):
		return "except BaseException"
	}
	return ""
}

// handlerBody says what a handler's body does when it does nothing with
// the error: "pass" when it holds only pass and constant expressions (`...`,
// a comment string), "continue" when it adds one continue to those, and ""
// otherwise.
func handlerBody(h *ast.ExceptHandler) string {
	kind := "pass"
	for _, s := range h.Body {
		switch x := s.(type) {
		case *ast.Pass:
		case *ast.ExprStmt:
			if _, ok := x.Value.(*ast.Constant); !ok {
				return ""
			}
		case *ast.Continue:
			if kind == "continue" {
				return ""
			}
			kind = "continue"
		default:
			return ""
		}
	}
	return kind
}
