package ast

// ConstKind is the Python type of a constant value.
type ConstKind uint8

// The kinds of constant that Python source can spell.
const (
	ConstNone ConstKind = iota
	ConstTrue
	ConstFalse
	ConstEllipsis
	ConstInt
	ConstFloat
	ConstComplex
	ConstStr
	ConstBytes
)

// ConstValue is the value of a Constant or MatchSingleton node.
//
// S holds the value of str (UTF-8; lone surrogates, which Python strings may
// hold, are encoded as WTF-8), of bytes (the raw bytes) and of int (its
// decimal digits, never negative in source). F holds a float, or the
// imaginary part of a complex literal, whose real part is always zero.
type ConstValue struct {
	Kind ConstKind
	S    string
	F    float64
}

// Bool reports whether the value is True or False, and which.
func (v ConstValue) Bool() (value, ok bool) {
	switch v.Kind {
	case ConstTrue:
		return true, true
	case ConstFalse:
		return false, true
	}
	return false, false
}

// Repr returns the value as Python's repr() spells it.
func (v ConstValue) Repr() string {
	switch v.Kind {
	case ConstNone:
		return "None"
	case ConstTrue:
		return "True"
	case ConstFalse:
		return "False"
	case ConstEllipsis:
		return "Ellipsis"
	case ConstInt:
		return v.S
	case ConstFloat:
		return ReprFloat(v.F)
	case ConstComplex:
		return ReprComplex(v.F)
	case ConstStr:
		return ReprStr(v.S)
	case ConstBytes:
		return ReprBytes(v.S)
	}
	return "None"
}
