package ast

import (
	"strconv"
	"strings"
)

// Dump returns what CPython 3.14 prints for
// ast.dump(tree, include_attributes=True, show_empty=True): one line, with
// every field named, optional fields that are None left out, and positions
// after the fields.
func Dump(n Node) string {
	d := dumper{}
	d.b.Grow(1024)
	d.node(n)
	return d.b.String()
}

type dumper struct {
	b     strings.Builder
	first bool // no separator is due before the next key or item
}

func (d *dumper) open(class string) {
	d.b.WriteString(class)
	d.b.WriteByte('(')
	d.first = true
}

func (d *dumper) close(c byte) {
	d.b.WriteByte(c)
	d.first = false
}

func (d *dumper) key(name string) {
	if !d.first {
		d.b.WriteString(", ")
	}
	d.first = false
	d.b.WriteString(name)
	d.b.WriteByte('=')
}

func (d *dumper) list(n int) {
	d.b.WriteByte('[')
	d.first = true
}

func (d *dumper) item(i int) {
	if i > 0 {
		d.b.WriteString(", ")
	}
}

func (d *dumper) none()                 { d.b.WriteString("None") }
func (d *dumper) str(s string)          { d.b.WriteString(ReprStr(s)) }
func (d *dumper) int(i int)             { d.b.WriteString(strconv.Itoa(i)) }
func (d *dumper) enum(name string)      { d.b.WriteString(name); d.b.WriteString("()") }
func (d *dumper) constant(v ConstValue) { d.b.WriteString(v.Repr()) }

func (d *dumper) strs(ss []string) {
	d.b.WriteByte('[')
	for i, s := range ss {
		d.item(i)
		d.str(s)
	}
	d.b.WriteByte(']')
}

func (d *dumper) pos(p Pos) {
	d.key("lineno")
	d.int(p.Lineno)
	d.key("col_offset")
	d.int(p.ColOffset)
	d.key("end_lineno")
	d.int(p.EndLineno)
	d.key("end_col_offset")
	d.int(p.EndColOffset)
}
