package secrets

import (
	"bytes"
	"sort"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/secrets/filter"
)

// Options tunes the analyzer. The zero value is the default.
type Options struct {
	// NoGeneric switches off the name-based and entropy-based detection in
	// configuration files, notebooks and non-Python source, leaving the
	// provider patterns, URL credentials and HTTP authorization headers.
	NoGeneric bool
	// TestKeys reports test-mode keys too (Stripe's sk_test_, Braintree
	// sandbox tokens), with low severity and confidence. They reach no real
	// money or data, and projects commit them on purpose, so by default they
	// are left out.
	TestKeys bool
}

// Analyzer is the secrets FileAnalyzer. It holds no per-scan state and is safe
// for concurrent use.
type Analyzer struct {
	opts      Options
	detectors []*detector
	pre       *prefilter
	// byKeyword lists, for each prefilter keyword, the detectors it triggers;
	// context keywords trigger none.
	byKeyword [][]int32
	// contextOf lists, for each detector, the ids of its context keywords.
	contextOf [][]int32
	rules     []*analysis.Rule
}

var _ analysis.FileAnalyzer = (*Analyzer)(nil)

// New builds the analyzer: its detectors and their keyword prefilter.
func New(opts Options) *Analyzer {
	return newAnalyzer(opts, allDetectors())
}

// newAnalyzer builds an analyzer with the given detectors; the tests run them one
// at a time.
func newAnalyzer(opts Options, detectors []*detector) *Analyzer {
	a := &Analyzer{opts: opts, detectors: detectors, rules: Rules()}
	ids := map[string]int32{}
	var keywords []string
	id := func(kw string) int32 {
		k, ok := ids[kw]
		if !ok {
			k = int32(len(keywords))
			ids[kw] = k
			keywords = append(keywords, kw)
			a.byKeyword = append(a.byKeyword, nil)
		}
		return k
	}
	a.contextOf = make([][]int32, len(a.detectors))
	for d, det := range a.detectors {
		for _, kw := range det.keywords {
			k := id(kw)
			a.byKeyword[k] = append(a.byKeyword[k], int32(d))
		}
		for _, kw := range det.context {
			a.contextOf[d] = append(a.contextOf[d], id(kw))
		}
	}
	a.pre = newPrefilter(keywords)
	return a
}

// Rules lists the rules of every detector family.
func (a *Analyzer) Rules() []*analysis.Rule { return a.rules }

// Wants accepts every text file but binaries, media, archives, minified bundles
// and tabular data, judged by name.
func (a *Analyzer) Wants(rel string, python bool) bool {
	_, ok := kindOf(rel, python)
	return ok
}

// anyEnabled reports whether some rule of the analyzer is switched on.
func (a *Analyzer) anyEnabled(enabled func(string) bool) bool {
	for _, r := range a.rules {
		if enabled(r.Code) {
			return true
		}
	}
	return false
}

// candidate is one secret found in a file, before deduplication and suppression.
type candidate struct {
	det        *detector // nil for the generic detectors
	rule       *analysis.Rule
	provider   string
	what       string
	secret     string
	start, end int // byte offsets of the secret in the file
	confidence analysis.Confidence
	severity   analysis.Severity
	// rank orders detectors when two findings cover the same text: lower wins.
	rank int
	// silent candidates are not reported, but keep the generic detectors off
	// their text: a test-mode key left out on purpose.
	silent bool
}

// Check reports the secrets in one file.
func (a *Analyzer) Check(src *analysis.Source, enabled func(code string) bool) []analysis.Finding {
	kind, ok := kindOf(src.Rel, src.Python != nil)
	if !ok || len(src.Data) == 0 {
		return nil
	}
	if enabled == nil {
		enabled = func(string) bool { return true }
	} else if !a.anyEnabled(enabled) {
		return nil
	}
	s := &scan{a: a, data: src.Data, rel: src.Rel, source: kind == kindCode || kind == kindNotebook, enabled: enabled}
	s.generic = !a.opts.NoGeneric && (enabled(GenericSecret.Code) || enabled(HighEntropySecret.Code))
	s.providers()
	if !a.opts.NoGeneric {
		switch kind {
		case kindConfig:
			s.config()
		case kindNotebook:
			s.notebook()
		case kindCode:
			s.code()
		}
	}
	if len(s.found) == 0 {
		return nil
	}
	return s.findings(src)
}

// scan is the state of one Check.
type scan struct {
	a    *Analyzer
	data []byte
	rel  string
	// source is set for source files, where key-like names hold test vectors
	// more often than keys: the entropy detector stays out of them.
	source bool
	// generic is set when a name or entropy rule may report: format
	// detectors of switched-off rules still run then, to keep them off
	// provider keys.
	generic bool
	enabled func(string) bool
	found   []candidate
}

// add records a candidate. One whose rule is switched off is kept silent: it
// is not reported, but the generic rules stay off its text, so that ignoring
// KR332 does not turn GitHub tokens into KR380 findings.
func (s *scan) add(c candidate) {
	if !s.enabled(c.rule.Code) {
		c.silent = true
	}
	s.found = append(s.found, c)
}

// lineBounds returns the start and end (before the newline) of the line at i.
func lineBounds(data []byte, i int) (int, int) {
	start := bytes.LastIndexByte(data[:i], '\n') + 1
	end := bytes.IndexByte(data[i:], '\n')
	if end < 0 {
		return start, len(data)
	}
	return start, i + end
}

// onePerLine keeps one finding per rule and line: an AWS key id and its secret
// on one line are one credential. The better-ranked detector's finding stays.
func onePerLine(data []byte, kept []candidate) []candidate {
	out := kept[:0]
	seen := map[[2]int]int{}
	for _, x := range kept {
		ls, _ := lineBounds(data, x.start)
		key := [2]int{ls, int(x.rule.Code[2]-'0')*100 + int(x.rule.Code[3]-'0')*10 + int(x.rule.Code[4]-'0')}
		if i, ok := seen[key]; ok {
			if x.rank < out[i].rank {
				out[i] = x
			}
			continue
		}
		seen[key] = len(out)
		out = append(out, x)
	}
	return out
}

// findings turns the candidates into findings: overlapping ones are merged in
// favour of the more specific detector, inline allow comments are honoured, and
// each finding is redacted and fingerprinted.
func (s *scan) findings(src *analysis.Source) []analysis.Finding {
	c := s.found
	sort.SliceStable(c, func(i, j int) bool {
		if c[i].start != c[j].start {
			return c[i].start < c[j].start
		}
		return c[i].rank < c[j].rank
	})
	all := append([]candidate(nil), c...) // every secret, for redaction
	kept := c[:0]
	for _, x := range c {
		drop := false
		for i := len(kept) - 1; i >= 0 && !drop; i-- {
			k := &kept[i]
			if k.end <= x.start {
				if x.start-k.end > maxWindow {
					break
				}
				continue
			}
			// Overlapping text is one secret: the better-ranked detector keeps it.
			if x.rank < k.rank {
				*k = x
			}
			drop = true
		}
		if !drop {
			kept = append(kept, x)
		}
	}
	kept = onePerLine(s.data, kept)
	// A merge may have put a later secret in an earlier one's place.
	sort.SliceStable(kept, func(i, j int) bool { return kept[i].start < kept[j].start })
	// Each line's snippet hides every secret found on it.
	var fp analysis.Fingerprinter
	var out []analysis.Finding
	line, lineAt := 1, 0
	fixture := filter.FixturePath(src.Rel)
	template := templatePath(src.Rel)
	for _, x := range kept {
		line += bytes.Count(s.data[lineAt:x.start], []byte{'\n'})
		lineAt = x.start
		ls, le := lineBounds(s.data, x.start)
		text := string(s.data[ls:le])
		if x.silent || suppressed(text, x.rule) {
			continue
		}
		f := analysis.NewFinding(x.rule, src.Path, line, x.start-ls+1, message(x))
		endLine := line + bytes.Count(s.data[x.start:x.end], []byte{'\n'})
		f.EndLine = endLine
		if endLine == line {
			f.EndColumn = x.end - ls + 1
		} else {
			f.EndColumn = x.end - (bytes.LastIndexByte(s.data[:x.end], '\n') + 1) + 1
		}
		f.Provider, f.Secret = x.provider, x.secret
		conf := x.confidence
		if conf == 0 {
			conf = x.rule.Confidence
		}
		if fixture || template {
			conf = max(conf-1, analysis.ConfidenceLow)
		}
		f.Confidence = conf
		if x.severity != 0 {
			f.Severity = x.severity
		}
		f.Snippet = snippetOf(s.data, ls, le, x.start, all)
		f.Fingerprint = fp.Next(x.rule.Code, src.Rel, x.provider, analysis.SecretDigest(x.secret))
		out = append(out, f)
	}
	return out
}
