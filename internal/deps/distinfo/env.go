package distinfo

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"

	"github.com/kraitsec/krait/internal/deps"
	"github.com/kraitsec/krait/internal/deps/internal/lockfile"
)

// maxDists bounds the distributions read from one environment; the largest
// real environments hold a few thousand.
const maxDists = 100000

// Dist is one installed distribution.
type Dist struct {
	// Package is the distribution, located at its metadata file (a path in the
	// fs.FS). Direct is true when the installer recorded that a user asked for
	// it (PEP 376 REQUESTED); Source and URL come from direct_url.json (PEP 610).
	Package deps.Package
	// RequiresDist and RequiresPython are the distribution's own requirements.
	RequiresDist   []string
	RequiresPython string
	// ImportNames are the top-level modules and packages it provides.
	ImportNames []string
}

// sitePatterns are where a virtual environment keeps its site-packages.
var sitePatterns = []string{
	"lib/python*/site-packages",
	"lib64/python*/site-packages",
	"lib/pypy*/site-packages",
	"Lib/site-packages",
	"lib/python*/dist-packages",
	"local/lib/python*/dist-packages",
}

// ReadEnv reads the distributions installed in dir of fsys, which is either a
// virtual environment (its site-packages are found under lib/ or Lib/) or a
// site-packages directory. Give it an fs.FS that cannot leave the environment,
// such as (*os.Root).FS. One unreadable distribution does not stop the others:
// the ones read are returned along with an error that joins the problems.
func ReadEnv(ctx context.Context, fsys fs.FS, dir string) ([]Dist, error) {
	sites := []string{dir}
	for _, pat := range sitePatterns {
		m, err := fs.Glob(fsys, path.Join(dir, pat))
		if err != nil {
			return nil, err
		}
		sites = append(sites, m...)
	}
	var (
		out  []Dist
		errs []error
		seen = make(map[string]bool) // lib64 is often a link to lib
	)
	for _, site := range sites {
		entries, err := fs.ReadDir(fsys, site)
		if err != nil {
			if site == dir {
				return nil, err
			}
			errs = append(errs, err)
			continue
		}
		for _, e := range entries {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			d, ok, err := readDist(fsys, site, e)
			if err != nil {
				errs = append(errs, err)
			}
			if !ok {
				continue
			}
			if key := d.Package.Name + " " + d.Package.Version; !seen[key] {
				seen[key] = true
				out = append(out, d)
			}
			if len(out) > maxDists {
				return out, errors.Join(append(errs, fmt.Errorf("%s: more than %d distributions; the rest were not read", dir, maxDists))...)
			}
		}
	}
	return out, errors.Join(errs...)
}

// readDist reads the distribution an entry of site-packages describes, if any.
func readDist(fsys fs.FS, site string, e fs.DirEntry) (Dist, bool, error) {
	name, dir := e.Name(), path.Join(site, e.Name())
	switch {
	case strings.HasSuffix(name, ".dist-info") && e.IsDir():
		d, err := readMetadata(fsys, path.Join(dir, "METADATA"))
		if err != nil {
			return d, false, err
		}
		record, _ := readFile(fsys, path.Join(dir, "RECORD"))
		top, _ := readFile(fsys, path.Join(dir, "top_level.txt"))
		d.ImportNames = ImportNames(top, record)
		if _, err := fs.Stat(fsys, path.Join(dir, "REQUESTED")); err == nil {
			d.Package.Direct = true
		}
		if data, err := readFile(fsys, path.Join(dir, "direct_url.json")); err == nil {
			d.Package.Source, d.Package.URL = directURL(data)
		}
		return d, true, nil
	case strings.HasSuffix(name, ".egg-info") && !e.IsDir():
		d, err := readMetadata(fsys, dir)
		return d, err == nil, err
	case strings.HasSuffix(name, ".egg-info") || (strings.HasSuffix(name, ".egg") && e.IsDir()):
		info := dir
		if strings.HasSuffix(name, ".egg") {
			info = path.Join(dir, "EGG-INFO")
		}
		d, err := readMetadata(fsys, path.Join(info, "PKG-INFO"))
		if err != nil {
			return d, false, err
		}
		top, _ := readFile(fsys, path.Join(info, "top_level.txt"))
		files, _ := readFile(fsys, path.Join(info, "installed-files.txt"))
		if d.ImportNames = importsOf(installedFiles(files)); len(d.ImportNames) == 0 {
			d.ImportNames = TopLevel(top)
		}
		return d, true, nil
	}
	return Dist{}, false, nil
}

func readMetadata(fsys fs.FS, name string) (Dist, error) {
	data, err := readFile(fsys, name)
	if err != nil {
		return Dist{}, err
	}
	m, err := ParseMetadata(name, data)
	if err != nil {
		return Dist{}, err
	}
	return Dist{Package: m.Package(name), RequiresDist: m.RequiresDist, RequiresPython: m.RequiresPython}, nil
}

// readFile reads at most maxFile bytes of a file.
func readFile(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFile+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(data) > maxFile {
		return nil, fmt.Errorf("%s: file too large (the limit is %d bytes)", name, maxFile)
	}
	return data, nil
}

// directURL maps a PEP 610 direct_url.json to a Source and URL (see
// internal/deps/internal/lockfile); a distribution installed from an index has
// none.
func directURL(data []byte) (string, string) {
	var d struct {
		URL     string `json:"url"`
		Subdir  string `json:"subdirectory"`
		VCSInfo *struct {
			VCS               string `json:"vcs"`
			CommitID          string `json:"commit_id"`
			RequestedRevision string `json:"requested_revision"`
		} `json:"vcs_info"`
		DirInfo *struct {
			Editable bool `json:"editable"`
		} `json:"dir_info"`
	}
	if json.Unmarshal(data, &d) != nil || d.URL == "" {
		return "", ""
	}
	switch {
	case d.VCSInfo != nil:
		rev := d.VCSInfo.CommitID
		if rev == "" {
			rev = d.VCSInfo.RequestedRevision
		}
		return lockfile.SourceVCS, lockfile.VCSURL(d.VCSInfo.VCS, d.URL, rev, d.Subdir)
	case d.DirInfo != nil && d.DirInfo.Editable:
		return lockfile.SourceEditable, d.URL
	case d.DirInfo != nil || strings.HasPrefix(d.URL, "file:"):
		return lockfile.SourcePath, d.URL
	}
	return lockfile.SourceURL, d.URL
}
