package secrets

// prefilter finds every occurrence of a set of keywords in one pass over a file,
// ignoring ASCII case. It slides over the file's bytes, folded to lower case,
// three at a time: a bit set (8 KiB, so it stays in the L1 cache) indexed by a
// hash of the three says whether any keyword starts with them, and only then
// are the keywords of that hash compared. Most positions start none, so the pass
// costs a table load, a multiply and a bit test per byte, and allocates nothing.
type prefilter struct {
	keywords []string
	fold     [256]byte
	bits     [1 << 10]uint64
	// head maps a hash to 1 + the index of its bucket, 0 when no keyword has it.
	head    []uint16
	buckets [][]int32
}

// prefixHash spreads a keyword's first three lowercase bytes over 16 bits.
func prefixHash(x uint32) uint32 { return x * 0x9E3779B1 >> 16 }

// newPrefilter indexes keywords, which must be lowercase and at least three
// bytes long.
func newPrefilter(keywords []string) *prefilter {
	p := &prefilter{keywords: keywords, head: make([]uint16, 1<<16)}
	for c := range p.fold {
		p.fold[c] = byte(c)
		if 'A' <= c && c <= 'Z' {
			p.fold[c] = byte(c + 'a' - 'A')
		}
	}
	for k, kw := range keywords {
		h := prefixHash(uint32(kw[0])<<16 | uint32(kw[1])<<8 | uint32(kw[2]))
		if p.head[h] == 0 {
			p.buckets = append(p.buckets, nil)
			p.head[h] = uint16(len(p.buckets))
			p.bits[h>>6] |= 1 << (h & 63)
		}
		b := p.head[h] - 1
		p.buckets[b] = append(p.buckets[b], int32(k))
	}
	return p
}

// scan calls hit for each occurrence of a keyword in data, in order of position.
func (p *prefilter) scan(data []byte, hit func(kw, at int)) {
	if len(data) < 3 {
		return
	}
	f := &p.fold
	x := uint32(f[data[0]])<<8 | uint32(f[data[1]])
	for i := 2; i < len(data); i++ {
		x = (x<<8 | uint32(f[data[i]])) & 0xFFFFFF
		h := prefixHash(x)
		if p.bits[h>>6]&(1<<(h&63)) == 0 {
			continue
		}
		at := i - 2
		for _, k := range p.buckets[p.head[h]-1] {
			if p.matches(data[at:], p.keywords[k]) {
				hit(int(k), at)
			}
		}
	}
}

// matches reports whether b starts with the lowercase s, ignoring ASCII case.
func (p *prefilter) matches(b []byte, s string) bool {
	if len(b) < len(s) {
		return false
	}
	for j := 0; j < len(s); j++ {
		if p.fold[b[j]] != s[j] {
			return false
		}
	}
	return true
}
