package typosquat

// Two edits are weaker evidence than one, so they are weighed only against
// the most installed projects and only on long single words, where two slips
// still leave the word recognisable ("beautifulsou", "colorramma") while
// honest derived names mostly differ at a separator or an end
// ("pytest-cover", "streamlink"). On the top-15,000 list this tier adds about
// 0.1% of legitimate names ranked 5,001–15,000 to the flagged ones.
const (
	// twoEditTargets is how many of the most popular names a name two edits
	// away is weighed against.
	twoEditTargets = 1000
	// minTwoEditLen is the length both names need for two edits to count.
	minTwoEditLen = 8
)

// twoEditIndex maps each deletion of up to two letters of a long, single-word
// target to the targets that produce it, so that the targets up to two
// edits away from a name are found from the name's own deletions.
type twoEditIndex map[string][]string

// add indexes target t.
func (x twoEditIndex) add(t string) {
	if len(t) < minTwoEditLen || !isWord(t) {
		return
	}
	x.put(t, t)
	for i := range len(t) {
		d1 := t[:i] + t[i+1:]
		x.put(d1, t)
		for j := i; j < len(d1); j++ {
			x.put(d1[:j]+d1[j+1:], t)
		}
	}
}

func (x twoEditIndex) put(key, t string) {
	if k := x[key]; len(k) == 0 || k[len(k)-1] != t {
		x[key] = append(k, t)
	}
}

// check calls consider for each indexed target exactly two edits from n
// that reads as n with two slips: same first letter (squatters keep it, and
// honest names that differ there are other words: "graphyte", "graphene"),
// and not two unrelated letters changed in place ("htmltools",
// "httptools"), which is how words turn into other words.
func (x twoEditIndex) check(n string, consider func(t, how string)) {
	if len(n) < minTwoEditLen || !isWord(n) {
		return
	}
	try := func(key string) {
		for _, t := range x[key] {
			if t[0] == n[0] && osa(n, t) == 2 && !twoChanges(n, t) {
				consider(t, "two letters changed")
			}
		}
	}
	try(n)
	for i := range len(n) {
		d1 := n[:i] + n[i+1:]
		try(d1)
		for j := i; j < len(d1); j++ {
			try(d1[:j] + d1[j+1:])
		}
	}
}

// isWord reports whether a normalised name is one word, without separators.
func isWord(n string) bool {
	for i := range len(n) {
		if n[i] == '-' {
			return false
		}
	}
	return true
}

// twoChanges reports whether n and t, of the same length, differ by more
// than two slips in place (a swap, a neighbouring key, a look-alike) or a
// letter doubled or made single next to another edit ("beeautifulsoup"): a
// letter changed for an unrelated one is how words turn into other words
// ("htmltools", "httptools"), and so is a letter moved elsewhere
// ("pyfakefs", "pyflakes").
func twoChanges(n, t string) bool {
	if len(n) != len(t) {
		return false
	}
	if undoubles(n, t) || undoubles(t, n) {
		return false
	}
	slips := 0
	for i := 0; i < len(n); i++ {
		switch {
		case n[i] == t[i]:
			continue
		case i+1 < len(n) && n[i] == t[i+1] && n[i+1] == t[i]:
			i++
		case !keyboardAdjacent(n[i], t[i]) && !lookAlike(n[i], t[i]):
			return true
		}
		slips++
	}
	return slips > 2
}

// undoubles reports whether a doubled letter of a, made single, leaves a
// name one edit from b.
func undoubles(a, b string) bool {
	for i := 1; i < len(a); i++ {
		if a[i] == a[i-1] && osa(a[:i]+a[i+1:], b) == 1 {
			return true
		}
	}
	return false
}

// osa is the optimal string alignment distance of a and b (Levenshtein
// distance with adjacent swaps), for short names.
func osa(a, b string) int {
	const size = 128
	if len(a) >= size || len(b) >= size {
		return size
	}
	var rows [3][size]int
	prev2, prev, cur := &rows[0], &rows[1], &rows[2]
	for j := 0; j <= len(b); j++ {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d = min(d, prev2[j-2]+1)
			}
			cur[j] = d
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
