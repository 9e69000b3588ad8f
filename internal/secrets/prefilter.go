package secrets

// prefilter finds every occurrence of a set of keywords in one pass over a file,
// ignoring ASCII case. A table indexed by a position's two bytes, folded to
// lower case, says which keywords can start there; most positions start none, so
// the pass costs one table load per byte and allocates nothing.
type prefilter struct {
	keywords []string
	// head maps two lowercase bytes to 1 + the index of their bucket in
	// buckets, or 0 when no keyword starts with them.
	head    []uint16
	buckets [][]int32
}

// newPrefilter indexes keywords, which must be lowercase and at least two bytes long.
func newPrefilter(keywords []string) *prefilter {
	p := &prefilter{keywords: keywords, head: make([]uint16, 1<<16)}
	for k, kw := range keywords {
		h := int(kw[0])<<8 | int(kw[1])
		if p.head[h] == 0 {
			p.buckets = append(p.buckets, nil)
			p.head[h] = uint16(len(p.buckets))
		}
		b := p.head[h] - 1
		p.buckets[b] = append(p.buckets[b], int32(k))
	}
	return p
}

// scan calls hit for each occurrence of a keyword in data, in order of position.
func (p *prefilter) scan(data []byte, hit func(kw, at int)) {
	head := p.head[:1<<16]
	for i := 0; i+1 < len(data); i++ {
		h := head[int(fold(data[i]))<<8|int(fold(data[i+1]))]
		if h == 0 {
			continue
		}
		for _, k := range p.buckets[h-1] {
			if restMatches(data[i:], p.keywords[k]) {
				hit(int(k), i)
			}
		}
	}
}

// fold lowers an ASCII letter.
func fold(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// restMatches reports whether b starts with the lowercase s, ignoring ASCII case,
// when its first two bytes are known to match.
func restMatches(b []byte, s string) bool {
	if len(b) < len(s) {
		return false
	}
	for j := 2; j < len(s); j++ {
		if fold(b[j]) != s[j] {
			return false
		}
	}
	return true
}
