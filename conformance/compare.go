package conformance

import "fmt"

// Verdict is the outcome of comparing krait's line for a file with CPython's.
type Verdict struct {
	// Want and Got are the kinds of CPython's and krait's lines.
	Want, Got Kind
	// OK means the file conforms: an identical dump, or a rejection on the same line
	// (or on any line, when CPython names none).
	OK bool
	// ColDiffers marks a conforming rejection at another column; it is reported, not
	// failed, because some of CPython's error columns matter little and cost a lot.
	ColDiffers bool
	// Detail explains a failure or a column difference in a few short lines.
	Detail string
}

// Compare judges krait's line got against CPython's line want. The harness and the
// fixture test both use it, so they agree on what conforms.
func Compare(want, got string) Verdict {
	v := Verdict{Want: Classify(want), Got: Classify(got)}
	switch {
	case v.Want == Broken || v.Want == Missing:
		v.Detail = "CPython gave no usable reference line: " + Clip(want, 300)
	case v.Got == Missing:
		v.Detail = "krait printed no line"
	case v.Got == Broken:
		v.Detail = "krait printed neither a dump nor a SyntaxError line: " + Clip(got, 300)
	case v.Want == Accepted && v.Got == Accepted:
		v.OK = want == got
		if !v.OK {
			v.Detail = "dumps differ; " + Diff(want, got)
		}
	case v.Want == Accepted:
		v.Detail = "CPython accepts the file, krait rejects it: " + Clip(got, 300)
	case v.Got == Accepted:
		v.Detail = "CPython rejects the file (" + Clip(want, 300) + "), krait accepts it"
	default:
		wl, wc, _ := ErrorPos(want)
		gl, gc, _ := ErrorPos(got)
		v.OK = wl == 0 || wl == gl
		v.ColDiffers = v.OK && wl != 0 && wc != gc
		switch {
		case !v.OK:
			v.Detail = fmt.Sprintf("both reject, krait on line %d, CPython on line %d\n  cpython: %s\n  krait:   %s\n", gl, wl, Clip(want, 300), Clip(got, 300))
		case v.ColDiffers:
			v.Detail = fmt.Sprintf("both reject on line %d, krait at column %d, CPython at %d\n  cpython: %s\n  krait:   %s\n", wl, gc, wc, Clip(want, 300), Clip(got, 300))
		}
	}
	return v
}

// Clip cuts s to at most n bytes, on a character boundary, for a message.
func Clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:runeStart(s, n)] + "…"
}
