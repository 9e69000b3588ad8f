package vulndb

import (
	"encoding/binary"
	"errors"
	"math"

	"github.com/kraitsec/krait/internal/analysis"
)

// A package record is its advisories in a plain binary layout: unsigned
// varints for counts and lengths, strings as length + bytes. Gob would repeat
// its type description in every record; this layout decodes with one pass
// and no reflection.

// errCorrupt reports a record that does not decode; the store is damaged.
var errCorrupt = errors.New("corrupt record")

// maxRecordItems bounds any count read from a record, so a damaged count
// cannot ask for a huge allocation.
const maxRecordItems = 1 << 20

type encoder struct{ buf []byte }

func (e *encoder) uint(n uint64) { e.buf = binary.AppendUvarint(e.buf, n) }
func (e *encoder) int(n int64)   { e.buf = binary.AppendVarint(e.buf, n) }
func (e *encoder) str(s string)  { e.uint(uint64(len(s))); e.buf = append(e.buf, s...) }
func (e *encoder) strs(ss []string) {
	e.uint(uint64(len(ss)))
	for _, s := range ss {
		e.str(s)
	}
}

func encodeAdvisories(advs []Advisory) []byte {
	e := &encoder{}
	e.uint(uint64(len(advs)))
	for i := range advs {
		a := &advs[i]
		e.str(a.ID)
		e.strs(a.Aliases)
		e.str(a.Summary)
		e.int(a.Modified)
		e.uint(uint64(len(a.Vectors)))
		for _, v := range a.Vectors {
			e.str(v.Type)
			e.str(v.Value)
		}
		e.uint(uint64(math.Round(a.Score * 10))) // CVSS scores have one decimal
		e.uint(uint64(a.Severity))
		var flags uint64
		if a.Malicious {
			flags |= 1
		}
		e.uint(flags)
		e.uint(uint64(len(a.Ranges)))
		for _, r := range a.Ranges {
			e.str(r.Type)
			e.uint(uint64(len(r.Events)))
			for _, ev := range r.Events {
				e.uint(uint64(ev.Kind))
				e.str(ev.Version)
			}
		}
		e.strs(a.Versions)
	}
	return e.buf
}

type decoder struct {
	buf []byte
	err error
}

func (d *decoder) uint() uint64 {
	if d.err != nil {
		return 0
	}
	n, k := binary.Uvarint(d.buf)
	if k <= 0 {
		d.err = errCorrupt
		return 0
	}
	d.buf = d.buf[k:]
	return n
}

func (d *decoder) int() int64 {
	if d.err != nil {
		return 0
	}
	n, k := binary.Varint(d.buf)
	if k <= 0 {
		d.err = errCorrupt
		return 0
	}
	d.buf = d.buf[k:]
	return n
}

// count reads a count and checks it against what the remaining bytes could
// hold (every item takes at least one byte).
func (d *decoder) count() int {
	n := d.uint()
	if n > maxRecordItems || n > uint64(len(d.buf)) {
		d.err = errCorrupt
		return 0
	}
	return int(n)
}

func (d *decoder) str() string {
	n := d.uint()
	if d.err != nil {
		return ""
	}
	if n > uint64(len(d.buf)) {
		d.err = errCorrupt
		return ""
	}
	s := string(d.buf[:n])
	d.buf = d.buf[n:]
	return s
}

func (d *decoder) strs() []string {
	n := d.count()
	if n == 0 {
		return nil
	}
	out := make([]string, 0, n)
	for range n {
		out = append(out, d.str())
	}
	return out
}

func decodeAdvisories(buf []byte) ([]Advisory, error) {
	d := &decoder{buf: buf}
	n := d.count()
	out := make([]Advisory, n)
	for i := 0; i < n && d.err == nil; i++ {
		a := &out[i]
		a.ID = d.str()
		a.Aliases = d.strs()
		a.Summary = d.str()
		a.Modified = d.int()
		if nv := d.count(); nv > 0 {
			a.Vectors = make([]Vector, nv)
			for j := range a.Vectors {
				a.Vectors[j] = Vector{Type: d.str(), Value: d.str()}
			}
		}
		a.Score = float64(d.uint()) / 10
		a.Severity = analysis.Severity(d.uint())
		a.Malicious = d.uint()&1 != 0
		if nr := d.count(); nr > 0 {
			a.Ranges = make([]Range, nr)
			for j := range a.Ranges {
				r := &a.Ranges[j]
				r.Type = d.str()
				r.Events = make([]Event, d.count())
				for k := range r.Events {
					r.Events[k] = Event{Kind: EventKind(d.uint()), Version: d.str()}
					if r.Events[k].Kind < Introduced || r.Events[k].Kind > Limit {
						d.err = errCorrupt
					}
				}
			}
		}
		a.Versions = d.strs()
	}
	if d.err == nil && len(d.buf) != 0 {
		d.err = errCorrupt
	}
	if d.err != nil {
		return nil, d.err
	}
	return out, nil
}
