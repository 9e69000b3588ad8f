package distinfo

import (
	"bytes"
	"path"
	"slices"
	"strings"
)

// maxDepth bounds how far a namespace package (a directory without
// __init__.py, such as google/ or azure/) is followed to find the packages
// inside it.
const maxDepth = 4

// ImportNames returns the top-level import names a distribution provides: from
// its RECORD when that lists any Python module, else from its top_level.txt.
// Either may be nil.
func ImportNames(topLevel, record []byte) []string {
	if names := RecordImports(record); len(names) > 0 {
		return names
	}
	return TopLevel(topLevel)
}

// TopLevel parses a top_level.txt: one import name per line, sorted and
// without repeats.
func TopLevel(data []byte) []string {
	var out []string
	for line := range bytes.Lines(data) {
		name := strings.Trim(strings.TrimSpace(string(line)), "/\\")
		name = strings.NewReplacer("/", ".", "\\", ".").Replace(name)
		if name != "" {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// RecordImports derives import names from a RECORD file (CSV rows of path,
// hash, size; paths relative to site-packages): top-level modules and
// packages, and for namespace packages the regular packages inside them
// (google.protobuf rather than google). Scripts installed outside
// site-packages, the .dist-info directory itself, .pth files and directories
// that are not identifiers (numpy.libs) are skipped.
func RecordImports(data []byte) []string {
	var paths []string
	for line := range bytes.Lines(data) {
		if p := firstField(strings.TrimRight(string(line), "\r\n")); p != "" {
			paths = append(paths, p)
		}
	}
	return importsOf(paths)
}

// firstField returns the first CSV field of a RECORD row; a path holding a
// comma is quoted, with quotes doubled.
func firstField(row string) string {
	if !strings.HasPrefix(row, `"`) {
		f, _, _ := strings.Cut(row, ",")
		return f
	}
	var b strings.Builder
	for i := 1; i < len(row); i++ {
		if row[i] == '"' {
			if i+1 < len(row) && row[i+1] == '"' {
				b.WriteByte('"')
				i++
				continue
			}
			break
		}
		b.WriteByte(row[i])
	}
	return b.String()
}

// installedFiles turns an egg-info's installed-files.txt, whose paths are
// relative to the egg-info directory, into paths relative to site-packages.
func installedFiles(data []byte) []string {
	var out []string
	for line := range bytes.Lines(data) {
		p := strings.TrimSpace(string(line))
		if rest, ok := strings.CutPrefix(p, "../"); ok {
			out = append(out, rest)
		}
	}
	return out
}

// node is a directory in a tree of installed paths.
type node struct {
	children map[string]*node
	modules  []string // import names of the Python modules directly inside
	init     bool     // holds an __init__ module: a regular package
	deep     bool     // a module lies below maxDepth
}

// importsOf builds the tree of paths and reads the import names off it.
func importsOf(paths []string) []string {
	root := &node{}
	for _, p := range paths {
		p = strings.ReplaceAll(p, "\\", "/")
		if p == "" || strings.HasPrefix(p, "/") || strings.Contains(p, ":") {
			continue
		}
		p = path.Clean(p)
		if p == ".." || strings.HasPrefix(p, "../") {
			continue // scripts, headers and data outside site-packages
		}
		parts := strings.Split(p, "/")
		deep := len(parts) > maxDepth+1
		if deep {
			parts = append(parts[:maxDepth], parts[len(parts)-1])
		}
		n := root
		for i, part := range parts[:len(parts)-1] {
			if i == 0 && skipDir(part) || !identifier(part) {
				n = nil
				break
			}
			if n.children == nil {
				n.children = make(map[string]*node)
			}
			c := n.children[part]
			if c == nil {
				c = &node{}
				n.children[part] = c
			}
			n = c
		}
		if n == nil {
			continue
		}
		if mod, ok := moduleName(parts[len(parts)-1]); ok {
			if deep {
				n.deep = true
			} else if mod == "__init__" {
				n.init = true
			} else {
				n.modules = append(n.modules, mod)
			}
		}
	}
	var out []string
	root.names("", 0, &out)
	slices.Sort(out)
	return slices.Compact(out)
}

// names appends the import names under n, whose dotted name is prefix.
func (n *node) names(prefix string, depth int, out *[]string) {
	join := func(s string) string {
		if prefix == "" {
			return s
		}
		return prefix + "." + s
	}
	for _, m := range n.modules {
		*out = append(*out, join(m))
	}
	for name, c := range n.children {
		switch {
		case c.init:
			*out = append(*out, join(name))
		case depth+1 < maxDepth:
			before := len(*out)
			c.names(join(name), depth+1, out)
			if len(*out) == before && c.hasPython() {
				*out = append(*out, join(name))
			}
		case c.hasPython():
			*out = append(*out, join(name))
		}
	}
}

// hasPython reports whether any module lies under n.
func (n *node) hasPython() bool {
	if n.init || n.deep || len(n.modules) > 0 {
		return true
	}
	for _, c := range n.children {
		if c.hasPython() {
			return true
		}
	}
	return false
}

// skipDir reports top-level directories that are not importable packages.
func skipDir(name string) bool {
	for _, suffix := range []string{".dist-info", ".egg-info", ".data", ".libs"} {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	return name == "__pycache__"
}

// moduleName returns the import name of a Python module file: foo.py, foo.pyi
// (a stub), foo.cpython-312-x86_64-linux-gnu.so, foo.pyd, foo.abi3.so.
func moduleName(file string) (string, bool) {
	dot := strings.IndexByte(file, '.')
	if dot <= 0 {
		return "", false
	}
	name, ext := file[:dot], path.Ext(file)
	switch ext {
	case ".py", ".pyi":
		if dot != len(file)-len(ext) {
			return "", false
		}
	case ".so", ".pyd":
	default:
		return "", false
	}
	return name, identifier(name)
}

// identifier reports whether s is an ASCII Python identifier; distributions
// name their modules in ASCII.
func identifier(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9' {
			continue
		}
		return false
	}
	return true
}
