// Package ast declares the typed syntax tree of Python source code. Its nodes
// mirror CPython 3.14's ast module: the same class names, the same fields in
// the same order, and the same positions (1-based lines, 0-based UTF-8 byte
// columns). The node types are generated from spec.txt by internal/astgen.
package ast

//go:generate go run ./internal/astgen

// Pos is the source range CPython records on a node: lineno and end_lineno
// are 1-based, col_offset and end_col_offset are UTF-8 byte offsets within
// their lines.
type Pos struct {
	Lineno, ColOffset, EndLineno, EndColOffset int
}

// Span returns the position itself, so that every positioned node has Span.
func (p Pos) Span() Pos { return p }

// Node is any syntax tree node.
type Node interface {
	// NodeKind returns the node's concrete kind.
	NodeKind() Kind
	// Span returns the node's position, or the zero Pos for node types that
	// CPython gives no position (Module, arguments, withitem, ...).
	Span() Pos
}

// Stmt is a statement node.
type Stmt interface {
	Node
	stmtNode()
}

// Expr is an expression node.
type Expr interface {
	Node
	exprNode()
}

// Pattern is a match-statement pattern node.
type Pattern interface {
	Node
	patternNode()
}

// TypeParam is a PEP 695 type parameter node.
type TypeParam interface {
	Node
	typeParamNode()
}

// Inspect traverses the tree rooted at n in depth-first order, children in
// CPython's field order. It calls f(n); if f returns true it inspects each
// child of n in turn.
func Inspect(n Node, f func(Node) bool) {
	if n == nil || !f(n) {
		return
	}
	walkChildren(n, func(c Node) bool {
		Inspect(c, f)
		return true
	})
}

// Children calls f on each direct child of n in field order and stops when
// f returns false. It reports whether it visited every child.
func Children(n Node, f func(Node) bool) bool {
	return walkChildren(n, f)
}
