package analysis

import "sync"

// ProjectKey names a fact about the project that several project analyzers need
// and that is computed once per scan, such as the dependency inventory. Declare
// one as a package-level value; its identity is the key.
type ProjectKey[T any] struct {
	// Compute derives the fact; it runs at most once per project.
	Compute func(p *Project) T
}

// projectFacts holds the facts computed so far for one project.
type projectFacts struct {
	mu   sync.Mutex
	vals map[any]any
}

// ProjectFact returns the fact k about p, computing it on first use. It is safe for
// concurrent use.
func ProjectFact[T any](p *Project, k *ProjectKey[T]) T {
	if p.facts == nil {
		// A Project built by hand (in a test) without NewProject: no sharing.
		return k.Compute(p)
	}
	f := p.facts
	f.mu.Lock()
	defer f.mu.Unlock()
	if v, ok := f.vals[k]; ok {
		return v.(T)
	}
	v := k.Compute(p)
	f.vals[k] = v
	return v
}

// NewProject returns a project whose analyzers share the facts they compute.
func NewProject(root string, imports []Import, enabled func(code string) bool) *Project {
	return &Project{Root: root, Imports: imports, Enabled: enabled, facts: &projectFacts{vals: map[any]any{}}}
}

// WithFiles returns a copy of p that shares p's facts and holds files instead.
func (p *Project) WithFiles(files []Source) *Project {
	q := *p
	q.Files = files
	return &q
}
