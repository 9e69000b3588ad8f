package secrets

import (
	"hash/fnv"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/kraitsec/krait/internal/analysis"
)

// corpusLine is one expectation of the corpus.
type corpusLine struct {
	rel  string
	line int
	mark string // a rule code, or "decoy"
}

// loadCorpus expands the corpus templates into their sources, keyed by
// slash-separated path, and reads the expectations in EXPECTED.
func loadCorpus(t *testing.T) (map[string]string, []corpusLine) {
	t.Helper()
	root := filepath.Join("testdata", "corpus")
	files := map[string]string{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == "README" || d.Name() == "EXPECTED" {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		h := fnv.New64a()
		h.Write([]byte(rel))
		files[rel] = expandSample(string(b), h.Sum64())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(root, "EXPECTED"))
	if err != nil {
		t.Fatal(err)
	}
	var marks []corpusLine
	for i, l := range strings.Split(string(b), "\n") {
		if l == "" || l[0] == '#' {
			continue
		}
		f := strings.Fields(l)
		n, err := strconv.Atoi(f[min(1, len(f)-1)])
		if len(f) != 3 || err != nil || !expectRe.MatchString(f[2]) {
			t.Fatalf("EXPECTED:%d: want \"path line KRnnn|decoy\", got %q", i+1, l)
		}
		src, ok := files[f[0]]
		if !ok || n < 1 || n > strings.Count(src, "\n")+1 {
			t.Fatalf("EXPECTED:%d: no line %d in %s", i+1, n, f[0])
		}
		marks = append(marks, corpusLine{f[0], n, f[2]})
	}
	return files, marks
}

// expectRe is the expectation column of EXPECTED.
var expectRe = regexp.MustCompile(`^(KR[0-9]{3}|decoy)$`)

// TestCorpus measures precision and recall on the corpus: a finding on a
// planted line is a true positive (whatever its code: a key may be named by its
// provider or by its name), any other finding a false positive, and a planted
// line without a finding a false negative.
func TestCorpus(t *testing.T) {
	files, marks := loadCorpus(t)
	a := New(Options{})
	planted := map[string]string{}
	decoys, codes := 0, map[string]bool{}
	for _, m := range marks {
		key := m.rel + ":" + strconv.Itoa(m.line)
		if m.mark == "decoy" {
			decoys++
			continue
		}
		planted[key] = m.mark
		codes[m.mark] = true
	}
	if len(planted) < 50 || decoys < 50 {
		t.Errorf("corpus has %d planted credentials and %d decoys; want 50 of each", len(planted), decoys)
	}
	found := map[string]bool{}
	var tp, fp int
	var rels []string
	for rel := range files {
		rels = append(rels, rel)
	}
	sort.Strings(rels)
	for _, rel := range rels {
		python := strings.HasSuffix(rel, ".py")
		if !a.Wants(rel, python) {
			continue
		}
		src := &analysis.Source{Path: rel, Rel: rel, Data: []byte(files[rel])}
		if python {
			src.Python = nil // the analyzer looks at the bytes only
		}
		for _, f := range a.Check(src, nil) {
			key := rel + ":" + strconv.Itoa(f.Line)
			code, ok := planted[key]
			switch {
			case !ok:
				fp++
				t.Logf("false positive %s %s %s (%s)", key, f.Code, f.Message, f.Confidence)
			case found[key]:
				fp++
				t.Logf("second finding on %s: %s %s", key, f.Code, f.Message)
			default:
				found[key] = true
				tp++
				if f.Code != code {
					t.Logf("%s: reported as %s, marked %s", key, f.Code, code)
				}
			}
		}
	}
	var missed []string
	for key, code := range planted {
		if !found[key] {
			missed = append(missed, key+" "+code)
		}
	}
	sort.Strings(missed)
	for _, m := range missed {
		t.Logf("missed %s", m)
	}
	precision := float64(tp) / float64(max(tp+fp, 1))
	recall := float64(tp) / float64(max(len(planted), 1))
	t.Logf("%d planted credentials of %d codes, %d decoys: %d true positives, %d false positives, %d missed; precision %.3f, recall %.3f",
		len(planted), len(codes), decoys, tp, fp, len(missed), precision, recall)
	if precision < 0.95 || recall < 0.95 {
		t.Errorf("precision %.3f, recall %.3f; want 0.95 or more each", precision, recall)
	}
}

// TestWriteCorpus writes the expanded corpus, without its marks, to the
// directory $KRAIT_SECRETS_CORPUS_OUT, to scan it end to end with `krait scan`,
// and its marks, one "path line mark" a line, to that path + ".marks".
func TestWriteCorpus(t *testing.T) {
	out := os.Getenv("KRAIT_SECRETS_CORPUS_OUT")
	if out == "" {
		t.Skip("set KRAIT_SECRETS_CORPUS_OUT=DIR to write the expanded corpus")
	}
	files, marks := loadCorpus(t)
	var list strings.Builder
	for _, m := range marks {
		list.WriteString(m.rel + " " + strconv.Itoa(m.line) + " " + m.mark + "\n")
	}
	if err := os.WriteFile(filepath.Clean(out)+".marks", []byte(list.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	for rel, src := range files {
		path := filepath.Join(out, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
