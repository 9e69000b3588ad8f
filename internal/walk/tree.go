package walk

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

type walker struct {
	opts    Options
	exclude *excludes
	// seen holds the identity of every directory entered and file taken, so that a
	// symlink or hard link to something already visited is neither walked twice nor
	// able to loop.
	seen map[fileKey]bool
	res  Result
}

// rootCtx is what every directory below one scan root shares.
type rootCtx struct {
	realRoot string   // the root with symlinks resolved, for the "inside the root" test
	base     []string // the root's components inside its git repository
	tracked  *tracked // the repository's tracked files; nil outside a repository
}

// dirTask is one directory (or a symlink to one) to walk.
type dirTask struct {
	path   string   // as reported: the root as given joined with rel
	rel    []string // components below the scan root
	depth  int
	ignore ignoreStack
}

// linkTask is a symlink met during the physical walk. Links are followed only after
// the real tree is done, so a file reachable both directly and through a link is
// reported under its real path.
type linkTask struct {
	path   string
	rel    []string
	depth  int
	ignore ignoreStack
}

func (w *walker) skip(p string, r Reason, isDir bool) {
	w.res.Skipped = append(w.res.Skipped, Skip{Path: p, Reason: r, IsDir: isDir})
}

func (w *walker) fail(p string, err error) {
	w.res.Errors = append(w.res.Errors, Error{Path: p, Err: err})
}

func (w *walker) walkRoot(ctx context.Context, root string) error {
	info, err := os.Stat(root)
	if err != nil {
		w.fail(root, unwrapPathError(err))
		return nil
	}
	if !info.IsDir() {
		// A file named on the command line is taken whatever the excludes say.
		w.addFile(root, filepath.Base(root), info)
		return nil
	}
	abs, err := filepath.Abs(root)
	if err == nil {
		abs, err = filepath.EvalSymlinks(abs)
	}
	if err != nil {
		w.fail(root, err)
		return nil
	}
	rc := &rootCtx{realRoot: abs}
	repo, base, stack, errs := repoContext(abs, w.opts.maxDepth())
	rc.base = base
	if repo != "" {
		rc.tracked = newTracked(repo)
	}
	w.res.Errors = append(w.res.Errors, errs...)
	if !w.enter(info) {
		w.skip(root, ReasonDuplicate, true)
		return nil
	}

	var links []linkTask
	if err := w.walkDir(ctx, rc, dirTask{path: root, ignore: stack}, &links); err != nil {
		return err
	}
	for len(links) > 0 {
		l := links[0]
		links = links[1:]
		if err := w.follow(ctx, rc, l, &links); err != nil {
			return err
		}
	}
	return nil
}

// walkDir walks one directory physically, in name order, queueing symlinks.
func (w *walker) walkDir(ctx context.Context, rc *rootCtx, d dirTask, links *[]linkTask) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	entries, err := os.ReadDir(d.path)
	if err != nil {
		w.fail(d.path, unwrapPathError(err))
		return nil
	}
	gi := filepath.Join(d.path, ".gitignore")
	ps, err := readIgnoreFile(gi, rc.repoParts(d.rel))
	if err != nil {
		w.fail(gi, err)
	}
	stack := d.ignore.with(ps)

	for _, e := range entries {
		if err := ctx.Err(); err != nil {
			return err
		}
		name := e.Name()
		p := filepath.Join(d.path, name)
		rel := append(d.rel[:len(d.rel):len(d.rel)], name)
		typ := e.Type()
		isLink := typ&fs.ModeSymlink != 0
		isDir := typ.IsDir()
		if isLink {
			// Filters see a link as what it points to, so "build/" also drops a
			// symlink to a directory called build.
			if ti, err := os.Stat(p); err == nil {
				isDir = ti.IsDir()
			}
		}
		if r, ok := w.filtered(rc, stack, rel, isDir); ok {
			w.skip(p, r, isDir)
			continue
		}
		if isDir && isVirtualenv(p) {
			w.skip(p, ReasonDefaultExclude, true)
			continue
		}
		switch {
		case isLink:
			*links = append(*links, linkTask{path: p, rel: rel, depth: d.depth + 1, ignore: stack})
		case isDir:
			info, err := e.Info()
			if err != nil {
				w.fail(p, unwrapPathError(err))
				continue
			}
			if err := w.descend(ctx, rc, dirTask{path: p, rel: rel, depth: d.depth + 1, ignore: stack}, info, links); err != nil {
				return err
			}
		default:
			info, err := e.Info()
			if err != nil {
				w.fail(p, unwrapPathError(err))
				continue
			}
			w.addFile(p, strings.Join(rel, "/"), info)
		}
	}
	return nil
}

func (w *walker) descend(ctx context.Context, rc *rootCtx, d dirTask, info fs.FileInfo, links *[]linkTask) error {
	if d.depth > w.opts.maxDepth() {
		w.skip(d.path, ReasonTooDeep, true)
		return nil
	}
	if !w.enter(info) {
		w.skip(d.path, ReasonDuplicate, true)
		return nil
	}
	return w.walkDir(ctx, rc, d, links)
}

// follow resolves a symlink and takes its target if it stays inside the scan root.
func (w *walker) follow(ctx context.Context, rc *rootCtx, l linkTask, links *[]linkTask) error {
	target, err := filepath.EvalSymlinks(l.path)
	if err != nil {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			w.skip(l.path, ReasonSymlinkBroken, false)
		case errors.Is(err, syscall.ELOOP) || strings.Contains(err.Error(), "too many links"):
			w.skip(l.path, ReasonSymlinkLoop, false)
		default:
			w.fail(l.path, unwrapPathError(err))
		}
		return nil
	}
	if !within(rc.realRoot, target) {
		w.skip(l.path, ReasonSymlinkOutside, false)
		return nil
	}
	info, err := os.Stat(target)
	if err != nil {
		w.fail(l.path, unwrapPathError(err))
		return nil
	}
	if !info.IsDir() {
		w.addFile(l.path, strings.Join(l.rel, "/"), info)
		return nil
	}
	if parent, err := filepath.EvalSymlinks(filepath.Dir(l.path)); err == nil && within(target, parent) {
		w.skip(l.path, ReasonSymlinkLoop, true)
		return nil
	}
	return w.descend(ctx, rc, dirTask{path: l.path, rel: l.rel, depth: l.depth, ignore: l.ignore}, info, links)
}

// filtered applies the default excludes, --exclude globs and .gitignore, in that order.
func (w *walker) filtered(rc *rootCtx, stack ignoreStack, rel []string, isDir bool) (Reason, bool) {
	name := rel[len(rel)-1]
	if w.exclude.isDefault(name) {
		return ReasonDefaultExclude, true
	}
	if w.exclude.isUser(strings.Join(rel, "/"), name) {
		return ReasonExcluded, true
	}
	if parts := rc.repoParts(rel); stack.match(parts, isDir) && !rc.tracked.has(parts, isDir) {
		return ReasonGitignored, true
	}
	return "", false
}

func (w *walker) addFile(p, rel string, info fs.FileInfo) {
	if !info.Mode().IsRegular() {
		w.skip(p, ReasonNotRegular, false)
		return
	}
	if info.Size() > w.opts.maxFileSize() {
		w.skip(p, ReasonTooLarge, false)
		return
	}
	if !w.enter(info) {
		w.skip(p, ReasonDuplicate, false)
		return
	}
	w.res.Files = append(w.res.Files, File{Path: p, Rel: rel, Kind: KindOf(p), Size: info.Size()})
}

// enter marks a file or directory as visited and reports whether it was new.
func (w *walker) enter(info fs.FileInfo) bool {
	k, ok := keyOf(info)
	if !ok {
		return true
	}
	if w.seen[k] {
		return false
	}
	w.seen[k] = true
	return true
}

func (rc *rootCtx) repoParts(rel []string) []string {
	if len(rc.base) == 0 {
		return rel
	}
	out := make([]string, 0, len(rc.base)+len(rel))
	return append(append(out, rc.base...), rel...)
}

// within reports whether p is dir or below it; both must be absolute and resolved.
func within(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	if err != nil {
		return false
	}
	return rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// unwrapPathError drops the *PathError wrapper, whose path the caller reports anyway.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
