package history

import (
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/kraitsec/krait/internal/analysis"
)

// results checks the file versions and keeps one finding per path and
// fingerprint, from the oldest commit. It is safe for concurrent use.
type results struct {
	check  Check
	pathOf func(rel string) string
	notice func(string)

	mu    sync.Mutex
	found []analysis.Finding
	// seen maps a finding's path and fingerprint to its index in found.
	seen map[string]int
	// from holds the commit of each finding in found, to keep the oldest.
	from []*object.Commit
	// checked holds check's findings per file version (blob and path), so that a
	// version that comes back (a merge, a revert) is not checked again.
	checked map[checkKey][]analysis.Finding
}

type checkKey struct {
	blob plumbing.Hash
	rel  string
}

// process checks one file version and keeps the findings on the lines the
// commit added. A panic in the check loses this version's findings only.
func (r *results) process(t task) {
	added := addedLines(t.old, t.data)
	if len(added) == 0 {
		return
	}
	p := t.rel
	if r.pathOf != nil {
		p = r.pathOf(t.rel)
	}
	key := checkKey{t.blob, t.rel}
	r.mu.Lock()
	fs, ok := r.checked[key]
	r.mu.Unlock()
	if !ok {
		fs = r.safeCheck(&analysis.Source{Path: p, Rel: t.rel, Data: t.data}, t.commit)
		r.mu.Lock()
		r.checked[key] = fs
		r.mu.Unlock()
	}
	for _, f := range fs {
		if touches(added, f.Line, f.EndLine) {
			f.Path = p
			r.add(t.commit, t.rel, f)
		}
	}
}

func (r *results) safeCheck(src *analysis.Source, c *object.Commit) (fs []analysis.Finding) {
	defer func() {
		if v := recover(); v != nil {
			r.notice(fmt.Sprintf("git history: internal error checking %s in commit %s: %v", src.Rel, c.Hash.String()[:7], v))
			fs = nil
		}
	}()
	return r.check(src)
}

// touches reports whether a finding on lines line..end has an added line.
func touches(added map[int]bool, line, end int) bool {
	end = max(end, line)
	for l := line; l <= end && l-line < 1000; l++ {
		if added[l] {
			return true
		}
	}
	return false
}

// add records f from commit c, or moves an already recorded finding with the
// same path and fingerprint to c when c is older (by author time, then hash, so
// that the result does not depend on the order of the checks).
func (r *results) add(c *object.Commit, rel string, f analysis.Finding) {
	key := rel + "\x00" + f.Fingerprint
	if f.Fingerprint == "" {
		key += "\x00" + f.Code + "\x00" + f.Message
	}
	when := c.Author.When
	f.Commit = c.Hash.String()
	f.Author = c.Author.Name
	f.Date = when.UTC().Format(time.RFC3339)
	f.Message += " (in commit " + c.Hash.String()[:7] + ", " + c.Author.Name + ", " + when.UTC().Format("2006-01-02") + ")"
	r.mu.Lock()
	defer r.mu.Unlock()
	if i, ok := r.seen[key]; ok {
		if older(c, r.from[i]) {
			r.found[i], r.from[i] = f, c
		}
		return
	}
	r.seen[key] = len(r.found)
	r.found = append(r.found, f)
	r.from = append(r.from, c)
}

func older(a, b *object.Commit) bool {
	if !a.Author.When.Equal(b.Author.When) {
		return a.Author.When.Before(b.Author.When)
	}
	return a.Hash.String() < b.Hash.String()
}

// sorted returns the findings in analysis.FindingLess order.
func (r *results) sorted() []analysis.Finding {
	r.mu.Lock()
	defer r.mu.Unlock()
	sort.SliceStable(r.found, func(i, j int) bool { return analysis.FindingLess(&r.found[i], &r.found[j]) })
	return r.found
}
