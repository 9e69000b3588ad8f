package uvlock

import (
	"context"
	"slices"

	"github.com/kraitsec/krait/internal/deps"
)

// graph is the dependency graph of a uv.lock over package indexes.
type graph struct {
	l       lock
	byName  map[string][]int
	project []bool // a workspace project, not a dependency
	direct  []bool // required by a project
	main    []bool // installed by a project's main dependencies
	labels  []map[string]bool
}

func newGraph(l lock) *graph {
	n := len(l.Package)
	g := &graph{
		l: l, byName: make(map[string][]int, n),
		project: make([]bool, n), direct: make([]bool, n), main: make([]bool, n), labels: make([]map[string]bool, n),
	}
	members := make(map[string]bool, len(l.Manifest.Members))
	for _, m := range l.Manifest.Members {
		members[deps.Normalize(m)] = true
	}
	for i, p := range l.Package {
		name := deps.Normalize(p.Name)
		g.byName[name] = append(g.byName[name], i)
		// Without a [manifest], the lock has one project: the root, ".".
		g.project[i] = members[name] || p.Source.Virtual != "" || p.Source.Editable == "."
	}
	return g
}

// walk marks what the projects need directly, and what each of their main
// dependencies, extras and development groups installs.
func (g *graph) walk(ctx context.Context) error {
	// The manifest's own requirements act as one more project.
	roots := []pkg{{Dependencies: g.l.Manifest.Requirements, DevDependencies: g.l.Manifest.DependencyGroups}}
	for i, p := range g.l.Package {
		if g.project[i] {
			roots = append(roots, p)
		}
	}
	for _, r := range roots {
		g.markDirect(r.Dependencies)
		visit := func(i int) bool {
			seen := g.main[i]
			g.main[i] = true
			return !seen
		}
		if err := g.reach(ctx, r.Dependencies, visit); err != nil {
			return err
		}
	}
	for _, r := range roots {
		for _, groups := range []map[string][]dep{r.OptionalDependencies, r.DevDependencies} {
			for label, ds := range groups {
				g.markDirect(ds)
				visit := func(i int) bool {
					if g.labels[i] == nil {
						g.labels[i] = make(map[string]bool)
					}
					if g.labels[i][label] {
						return false
					}
					g.labels[i][label] = true
					return true
				}
				if err := g.reach(ctx, ds, visit); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func (g *graph) markDirect(ds []dep) {
	for _, d := range ds {
		for _, i := range g.resolve(d) {
			g.direct[i] = true
		}
	}
}

// reach visits every package reachable from ds, following each package's
// dependencies and the optional dependencies of the extras an edge asks for;
// visit reports whether a package is new, and so worth following.
func (g *graph) reach(ctx context.Context, ds []dep, visit func(int) bool) error {
	type item struct {
		i     int
		extra []string
	}
	var stack []item
	push := func(ds []dep) {
		for _, d := range ds {
			for _, i := range g.resolve(d) {
				stack = append(stack, item{i, slices.Concat(d.Extra, d.Extras)})
			}
		}
	}
	push(ds)
	type extra struct {
		i    int
		name string
	}
	seenExtra := make(map[extra]bool)
	for steps := 0; len(stack) > 0; steps++ {
		if steps%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		p := g.l.Package[it.i]
		if visit(it.i) {
			push(p.Dependencies)
		}
		// An extra may be asked for after the package was first reached.
		for _, e := range it.extra {
			if k := (extra{it.i, e}); !seenExtra[k] {
				seenExtra[k] = true
				push(p.OptionalDependencies[e])
			}
		}
	}
	return nil
}

// resolve finds the packages an edge points to: by name, narrowed by version
// and source when the lock gives them because the name is ambiguous.
func (g *graph) resolve(d dep) []int {
	cands := g.byName[deps.Normalize(d.Name)]
	if len(cands) <= 1 {
		return cands
	}
	var out []int
	for _, i := range cands {
		p := g.l.Package[i]
		if (d.Version == "" || d.Version == p.Version) && (d.Source == nil || *d.Source == p.Source) {
			out = append(out, i)
		}
	}
	if len(out) == 0 {
		return cands
	}
	return out
}

// groups is deps.Package.Groups for package i: nil when a main dependency
// installs it, else the extras and groups that do.
func (g *graph) groups(i int) []string {
	if g.main[i] || len(g.labels[i]) == 0 {
		return nil
	}
	out := make([]string, 0, len(g.labels[i]))
	for l := range g.labels[i] {
		out = append(out, l)
	}
	slices.Sort(out)
	return out
}
