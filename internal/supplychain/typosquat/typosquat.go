// Package typosquat tells whether a PyPI project name imitates a popular one:
// a letter dropped, doubled, swapped or changed, look-alike characters,
// separator games and py/python prefixes, and, against the most popular
// long names, two such slips; it reports them as rule KR802.
package typosquat

import (
	"strings"

	"github.com/kraitsec/krait/internal/deps"
	"github.com/kraitsec/krait/internal/supplychain/popular"
)

// DefaultTargets is how many of the most popular names a Checker protects:
// below that rank a project's name is rarely worth imitating, and each target
// adds names that would be flagged by coincidence.
const DefaultTargets = 5000

// plainTargets is how many of the most popular names a plain one-letter
// change, addition or removal is weighed against. Squatters aim at the most
// installed projects, while among less popular names such a pair is most
// often two honest projects ("uvicorn", "unicorn"); the typical slips
// (doubled letters, swaps, neighbouring keys, look-alikes) count against all
// targets, and so does a letter dropped or added inside a long word (see
// minFarLen).
const plainTargets = 1000

// Minimum lengths, in bytes of the part of the name edited (see
// effectiveLen). Most 3-letter strings are one edit from some popular short
// name, so even a typical slip (a doubled letter, a swap, a neighbouring key,
// a look-alike) needs four letters; a plain edit needs five, and a letter
// changed for any other six; a py/python affix must leave a word of its own.
//
// minFarLen is the length from which a letter dropped or added inside a word
// (not at its ends) counts against every target: a long word with a letter
// missing or extra still reads as that word ("pyinsaller", "discrd"), while a
// letter changed is how words turn into other words, up to minFarChangeLen
// ("customekinter" is still customtkinter; "cronitor" is not croniter).
const (
	minFarLen       = 7
	minFarChangeLen = 9
	minSlipLen      = 4
	minEditLen      = 5
	minChangeLen    = 6
	minBaseLen      = 4
)

// Checker finds the popular project a name imitates. It is safe for
// concurrent use once built.
type Checker struct {
	list *popular.List
	// rank is the rank of each target.
	rank map[string]int
	// edits maps a target and each of its one-letter deletions to the targets
	// that produce it (SymSpell's deletion neighbourhood), so that the targets
	// one edit away from a name are found from the name's own deletions.
	edits map[string][]string
	// collapsed, glyphs and bases map a target's name without separators, its
	// look-alike skeleton and its name without a py/python affix to the most
	// popular target with that form.
	collapsed map[string]string
	glyphs    map[string]string
	bases     map[string]string
	// prefixed maps "py" + each of the most popular names to that name.
	prefixed map[string]string
	// twoEdits indexes the most popular targets for names two edits away.
	twoEdits twoEditIndex
}

// NewChecker builds a checker that protects the top targets names of l
// (DefaultTargets when targets ≤ 0) and never flags a name l holds.
func NewChecker(l *popular.List, targets int) *Checker {
	if targets <= 0 {
		targets = DefaultTargets
	}
	top := l.Top(targets)
	c := &Checker{
		list:      l,
		rank:      make(map[string]int, len(top)),
		edits:     make(map[string][]string, len(top)*8),
		collapsed: make(map[string]string, len(top)),
		glyphs:    make(map[string]string, len(top)),
		bases:     make(map[string]string, len(top)),
		prefixed:  make(map[string]string, twoEditTargets),
		twoEdits:  make(twoEditIndex, min(len(top), twoEditTargets)*64),
	}
	for i, t := range top {
		c.rank[t] = i + 1
		if i < twoEditTargets {
			c.twoEdits.add(t)
		}
		// Names come most popular first, so the first writer of a key wins.
		setFirst(c.collapsed, collapse(t), t)
		if s := skeleton(t); len(s) >= minSlipLen {
			setFirst(c.glyphs, s, t)
		}
		if b, _, ok := base(collapse(t)); ok {
			setFirst(c.bases, b, t)
		}
		if len(t) >= minSlipLen {
			c.index(t, t)
		}
	}
	// The most popular names are also typed with a 'py' in front ("pytorch"
	// for torch): a slip in that form imitates them too.
	for _, t := range top[:min(len(top), twoEditTargets)] {
		if p := "py" + t; len(t) >= minEditLen && !strings.HasPrefix(t, "py") && !isListed(l, p) {
			c.prefixed[p] = t
			c.index(p, p)
		}
	}
	return c
}

// index adds key and its one-letter deletions to the deletion index, for t.
func (c *Checker) index(key, t string) {
	c.edits[key] = append(c.edits[key], t)
	for j := range len(key) {
		d := key[:j] + key[j+1:]
		if k := c.edits[d]; len(k) == 0 || k[len(k)-1] != t {
			c.edits[d] = append(k, t)
		}
	}
}

func isListed(l *popular.List, n string) bool {
	_, ok := l.Rank(n)
	return ok
}

func setFirst(m map[string]string, k, v string) {
	if _, ok := m[k]; !ok {
		m[k] = v
	}
}

// match is one popular name a name may imitate.
type match struct {
	target string
	how    string
}

// Check reports whether name imitates a popular project: which one (the most
// popular when several fit, PEP 503 normalised) and how, e.g. "one letter
// dropped". A name in the popular list is never flagged.
func (c *Checker) Check(name string) (imitates, how string, ok bool) {
	n := deps.Normalize(name)
	if n == "" {
		return "", "", false
	}
	if _, popular := c.list.Rank(n); popular {
		return "", "", false
	}
	var best match
	bestRank := 0
	consider := func(t, how string) {
		r, ok := c.rank[t]
		if !ok || t == n || bestRank != 0 && r >= bestRank {
			return
		}
		best, bestRank = match{t, how}, r
	}

	// The specific checks go first: on a tie, the first explanation stays.
	col := collapse(n)
	if t, ok := c.collapsed[col]; ok {
		consider(t, "separators changed")
	}
	c.checkEdits(n, consider)
	if s := skeleton(n); len(s) >= minSlipLen {
		if t, ok := c.glyphs[s]; ok && collapse(t) != col {
			consider(t, "look-alike characters")
		}
	}
	c.checkAffixes(col, consider)
	if bestRank == 0 && len(n) >= minTwoEditLen && !c.oneEdit(n) {
		// Two edits only when no popular name is closer, not even by an edit
		// that is not reported ("pycryptodomex2" is pycryptodomex with a
		// version digit, not pycryptodome with two slips).
		c.twoEdits.check(n, consider)
	}
	if bestRank == 0 {
		return "", "", false
	}
	return best.target, best.how, true
}

// checkAffixes looks for a python prefix or suffix added to a target, or for
// a target's py/python affix changed, comparing names without separators.
// Dropping an affix is not checked: what is left is a plain word ("slugify",
// "kafka", "docx") that other honest projects take. Nor is a bare "py" added,
// the usual name of a binding ("pygraphviz", "pytoml").
func (c *Checker) checkAffixes(col string, consider func(t, how string)) {
	b, aff, ok := base(col)
	if !ok {
		return
	}
	if t, ok := c.collapsed[b]; ok && aff.added {
		consider(t, "'"+aff.text+"' "+aff.where()+" added")
	}
	if t, ok := c.bases[b]; ok {
		_, taff, _ := base(collapse(t))
		if taff.suffix == aff.suffix && collapse(t) != col {
			consider(t, "'"+taff.text+"' "+aff.where()+" changed to '"+aff.text+"'")
		}
	}
}

// checkEdits looks for targets one edit (insertion, deletion, substitution,
// adjacent swap) away from n, through the deletion index.
func (c *Checker) checkEdits(n string, consider func(t, how string)) {
	try := func(key string) {
		for _, t := range c.edits[key] {
			real, how := t, ""
			p, prefixed := c.prefixed[t]
			if prefixed {
				real, how = p, " after a 'py' prefix"
			}
			e, ok := classify(n, t)
			if !ok || e.plain && !e.far && c.rank[real] > plainTargets {
				continue
			}
			// A plain edit of the prefixed form counts inside the word only:
			// at its first or last letter it makes another name ("pyjson",
			// "pytkdocs", "pygeoip").
			if i := firstDiff(n, t); prefixed && e.plain && (i < len("py")+1 || i >= len(t)-1) {
				continue
			}
			consider(real, e.how+how)
		}
	}
	try(n)
	for j := range len(n) {
		try(n[:j] + n[j+1:])
	}
}

// oneEdit reports whether a target is one edit (of any kind) from n.
func (c *Checker) oneEdit(n string) bool {
	try := func(key string) bool {
		for _, t := range c.edits[key] {
			if _, prefixed := c.prefixed[t]; !prefixed && osa(n, t) == 1 {
				return true
			}
		}
		return false
	}
	if try(n) {
		return true
	}
	for j := range len(n) {
		if try(n[:j] + n[j+1:]) {
			return true
		}
	}
	return false
}

// collapse drops the separators of a normalised name, which PEP 503 folds
// into one '-' but not into none.
func collapse(n string) string {
	if !strings.Contains(n, "-") {
		return n
	}
	return strings.ReplaceAll(n, "-", "")
}

// affix is a py/python prefix or suffix of a collapsed name.
type affix struct {
	text   string
	suffix bool
	// added says whether a squatter adds it to a name: the python ones, not a
	// bare "py".
	added bool
}

func (a affix) where() string {
	if a.suffix {
		return "suffix"
	}
	return "prefix"
}

// base strips one py/python prefix or suffix from a collapsed name and says
// which; the rest must be long enough to be a name of its own.
func base(col string) (string, affix, bool) {
	// Longest first, so that "python3" is stripped whole.
	affixes := [...]affix{
		{"python3", false, true}, {"python", false, true}, {"py3", false, true}, {"py", false, false},
		{"python3", true, true}, {"python", true, true}, {"py3", true, true}, {"py", true, false},
	}
	for _, a := range affixes {
		cut := strings.CutPrefix
		if a.suffix {
			cut = strings.CutSuffix
		}
		if rest, ok := cut(col, a.text); ok && len(rest) >= minBaseLen {
			return rest, a, true
		}
	}
	return col, affix{}, false
}
