package literal

import (
	"errors"
	"math/big"
	"strconv"
	"strings"

	"github.com/kraitsec/krait/internal/python/ast"
)

// ParseNumber returns the value of a NUMBER token: an int (its decimal
// digits), a float (correctly rounded, overflowing to +Inf as Python's
// float() does) or an imaginary literal (its imaginary part in F). A decimal
// int without underscores is returned without allocating.
func ParseNumber(text string) (ast.ConstValue, error) {
	// Most numbers in real code are short runs of decimal digits.
	i := 0
	for i < len(text) && text[i] >= '0' && text[i] <= '9' {
		i++
	}
	if i == len(text) && i > 0 {
		return ast.ConstValue{Kind: ast.ConstInt, S: trimZeros(text)}, nil
	}
	if n := len(text); n > 1 && (text[n-1] == 'j' || text[n-1] == 'J') {
		f, err := parseFloat(text, text[:n-1])
		return ast.ConstValue{Kind: ast.ConstComplex, F: f}, err
	}
	if len(text) > 2 && text[0] == '0' {
		base := 0
		switch text[1] {
		case 'x', 'X':
			base = 16
		case 'o', 'O':
			base = 8
		case 'b', 'B':
			base = 2
		}
		if base != 0 {
			s, err := parseBased(text, text[2:], base)
			return ast.ConstValue{Kind: ast.ConstInt, S: s}, err
		}
	}
	if strings.ContainsAny(text, ".eE") {
		f, err := parseFloat(text, text)
		return ast.ConstValue{Kind: ast.ConstFloat, F: f}, err
	}
	s, err := parseDecimal(text)
	return ast.ConstValue{Kind: ast.ConstInt, S: s}, err
}

func numberError(text string) error {
	return &Error{End: len(text), Msg: "invalid number literal " + strconv.Quote(text)}
}

// digitsOnly reports whether s is digits in the base, each underscore
// standing between two digits (or after a base prefix, when leading is set),
// and whether it holds an underscore.
func digitsOnly(s string, base int, leading bool) (ok, underscores bool) {
	if s == "" {
		return false, false
	}
	prevDigit := leading
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '_' {
			if !prevDigit {
				return false, false
			}
			prevDigit = false
			underscores = true
			continue
		}
		d, isHex := hexDigit(c)
		if !isHex || int(d) >= base {
			return false, false
		}
		prevDigit = true
	}
	return prevDigit, underscores
}

func parseDecimal(text string) (string, error) {
	ok, underscores := digitsOnly(text, 10, false)
	if !ok {
		return "", numberError(text)
	}
	s := text
	if underscores {
		s = strings.ReplaceAll(s, "_", "")
	}
	return trimZeros(s), nil
}

// trimZeros drops leading zeros from decimal digits: "000" is a valid
// spelling of 0.
func trimZeros(s string) string {
	i := 0
	for i < len(s)-1 && s[i] == '0' {
		i++
	}
	return s[i:]
}

func parseBased(text, digits string, base int) (string, error) {
	ok, underscores := digitsOnly(digits, base, true)
	if !ok {
		return "", numberError(text)
	}
	if underscores {
		digits = strings.ReplaceAll(digits, "_", "")
	}
	if v, err := strconv.ParseUint(digits, base, 64); err == nil {
		return strconv.FormatUint(v, 10), nil
	}
	v, ok := new(big.Int).SetString(digits, base)
	if !ok {
		return "", numberError(text)
	}
	return v.String(), nil
}

// parseFloat parses the decimal float s (digits, '.', an exponent,
// underscores between digits) after checking that it is one: strconv alone
// would also accept hex floats, "inf" and "nan".
func parseFloat(text, s string) (float64, error) {
	if !isDecimalFloat(s) {
		return 0, numberError(text)
	}
	if strings.IndexByte(s, '_') >= 0 {
		s = strings.ReplaceAll(s, "_", "")
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return 0, numberError(text)
	}
	// On overflow strconv returns ±Inf with ErrRange: Python's value too.
	return f, nil
}

// isDecimalFloat reports whether s is digitpart? ["." digitpart?] [exponent]
// with at least one digit in the mantissa, as Python's float and imaginary
// literals are.
func isDecimalFloat(s string) bool {
	mant, exp := s, ""
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		mant, exp = s[:i], s[i+1:]
		if exp != "" && (exp[0] == '+' || exp[0] == '-') {
			exp = exp[1:]
		}
		if ok, _ := digitsOnly(exp, 10, false); !ok {
			return false
		}
	}
	intPart, frac, dot := strings.Cut(mant, ".")
	if intPart == "" && frac == "" {
		return false
	}
	if intPart != "" {
		if ok, _ := digitsOnly(intPart, 10, false); !ok {
			return false
		}
	}
	if dot && frac != "" {
		if ok, _ := digitsOnly(frac, 10, false); !ok {
			return false
		}
	}
	return true
}
