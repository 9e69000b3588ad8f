package misc

import (
	"strconv"
	"strings"

	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// Permission bits, as the stat module names them.
const (
	modeSetUID      = 0o4000
	modeSetGID      = 0o2000
	modeGroupWrite  = 0o020
	modeOthersWrite = 0o002
)

// maxModeDepth bounds the operators and names a mode expression is followed through.
const maxModeDepth = 16

// modeBits is what the source fixes about a permission mode: the bits that are
// certainly set, and whether that is the whole value. `st.st_mode | stat.S_IWOTH`
// is not exact, but the others-write bit is certainly set.
type modeBits struct {
	set   int64
	exact bool
}

// statModeConst returns the value of a stat module permission constant.
func statModeConst(name string) (int64, bool) {
	switch name {
	case "S_ISUID":
		return 0o4000, true
	case "S_ISGID", "S_ENFMT":
		return 0o2000, true
	case "S_ISVTX":
		return 0o1000, true
	case "S_IRWXU":
		return 0o700, true
	case "S_IRUSR", "S_IREAD":
		return 0o400, true
	case "S_IWUSR", "S_IWRITE":
		return 0o200, true
	case "S_IXUSR", "S_IEXEC":
		return 0o100, true
	case "S_IRWXG":
		return 0o070, true
	case "S_IRGRP":
		return 0o040, true
	case "S_IWGRP":
		return 0o020, true
	case "S_IXGRP":
		return 0o010, true
	case "S_IRWXO":
		return 0o007, true
	case "S_IROTH":
		return 0o004, true
	case "S_IWOTH":
		return 0o002, true
	case "S_IXOTH":
		return 0o001, true
	}
	return 0, false
}

// evalMode works out the permission bits an expression certainly sets: int
// literals, stat.S_* constants, names bound once to either, and |, &, ^, +, ~
// over them.
func evalMode(m *semantic.Model, e ast.Expr, depth int) modeBits {
	if e == nil || depth > maxModeDepth {
		return modeBits{}
	}
	switch x := e.(type) {
	case *ast.Constant:
		if x.Value.Kind != ast.ConstInt {
			return modeBits{}
		}
		v, err := strconv.ParseInt(x.Value.S, 10, 64)
		if err != nil {
			return modeBits{}
		}
		return modeBits{set: v, exact: true}
	case *ast.Name:
		if v := ruleutil.ValueOf(m, x); v != ast.Expr(x) {
			return evalMode(m, v, depth+1)
		}
		return statName(m, x)
	case *ast.Attribute:
		return statName(m, x)
	case *ast.UnaryOp:
		if x.Op != ast.Invert {
			return modeBits{}
		}
		if v := evalMode(m, x.Operand, depth+1); v.exact {
			return modeBits{set: ^v.set, exact: true}
		}
	case *ast.BinOp:
		l := evalMode(m, x.Left, depth+1)
		r := evalMode(m, x.Right, depth+1)
		switch x.Op {
		case ast.BitOr:
			return modeBits{set: l.set | r.set, exact: l.exact && r.exact}
		case ast.BitAnd:
			// A bit certainly set on both sides is certainly set in the result.
			return modeBits{set: l.set & r.set, exact: l.exact && r.exact}
		}
		if !l.exact || !r.exact {
			return modeBits{}
		}
		switch x.Op {
		case ast.BitXor:
			return modeBits{set: l.set ^ r.set, exact: true}
		case ast.Add:
			return modeBits{set: l.set + r.set, exact: true}
		case ast.Sub:
			return modeBits{set: l.set - r.set, exact: true}
		}
	}
	return modeBits{}
}

// statName evaluates a name such as stat.S_IWOTH, resolved through imports
// (`from stat import S_IWOTH as W` makes W one too).
func statName(m *semantic.Model, e ast.Expr) modeBits {
	qn := m.QualifiedName(e)
	name, ok := strings.CutPrefix(qn, "stat.")
	if !ok {
		name, ok = strings.CutPrefix(qn, "_stat.")
	}
	if !ok {
		return modeBits{}
	}
	if v, ok := statModeConst(name); ok {
		return modeBits{set: v, exact: true}
	}
	return modeBits{}
}

// octal spells a mode the way Python code does, e.g. 0o777.
func octal(v int64) string {
	if v == 0 {
		return "0"
	}
	if v < 0 {
		return "-0o" + strconv.FormatInt(-v, 8)
	}
	return "0o" + strconv.FormatInt(v, 8)
}
