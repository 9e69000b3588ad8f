package secrets

import (
	"path"
	"strings"
)

// fileKind says which detectors a file gets.
type fileKind uint8

const (
	// kindText gets the provider patterns, URL credentials and HTTP auth
	// headers: source code in any language, Markdown, plain text.
	kindText fileKind = iota
	// kindPython is Python source: the engine's rules KR301–KR305 own the
	// secret-like names there, so it gets what kindText gets.
	kindPython
	// kindConfig also gets the secret-like names bound to literals and the
	// high-entropy values in secret-like context.
	kindConfig
	// kindNotebook is a Jupyter notebook: JSON whose strings hold the cells'
	// Python lines and outputs, which get the name checks too.
	kindNotebook
	// kindCode is source code in a language other than Python: string
	// literals bound to secret-like names get the name checks too.
	kindCode
	// kindLock is a lock file: its hashes are high-entropy by design, so it gets
	// the provider patterns only.
	kindLock
)

// skipExts are extensions of files that hold no hand-written secrets: binaries
// the walk may not have recognised, media, archives, minified and generated
// bundles, and tabular data.
var skipExts = map[string]bool{
	".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".bmp": true, ".ico": true, ".webp": true,
	".svg": true, ".tif": true, ".tiff": true, ".pdf": true, ".psd": true, ".zip": true, ".gz": true,
	".tgz": true, ".bz2": true, ".xz": true, ".zst": true, ".7z": true, ".rar": true, ".tar": true,
	".whl": true, ".egg": true, ".jar": true, ".so": true, ".dylib": true, ".dll": true, ".exe": true,
	".pyc": true, ".pyo": true, ".pyd": true, ".class": true, ".o": true, ".a": true, ".woff": true,
	".woff2": true, ".ttf": true, ".otf": true, ".eot": true, ".mp3": true, ".mp4": true, ".wav": true,
	".ogg": true, ".mov": true, ".avi": true, ".db": true, ".sqlite": true, ".sqlite3": true,
	".npy": true, ".npz": true, ".pkl": true, ".pickle": true, ".parquet": true, ".h5": true,
	".onnx": true, ".pt": true, ".bin": true, ".map": true, ".csv": true, ".tsv": true,
}

// configExts are configuration formats whose key-value lines the name checks read.
var configExts = map[string]bool{
	".env": true, ".ini": true, ".cfg": true, ".conf": true, ".cnf": true, ".config": true,
	".toml": true, ".yaml": true, ".yml": true, ".json": true, ".json5": true, ".properties": true,
	".tf": true, ".tfvars": true, ".hcl": true, ".sh": true, ".bash": true, ".zsh": true,
	".ksh": true, ".fish": true, ".envrc": true, ".npmrc": true, ".pypirc": true, ".netrc": true,
	".pgpass": true, ".txt": true, ".xml": true, ".plist": true, ".cnf.dist": true,
}

// codeExts are source languages whose string literals the name checks read.
var codeExts = map[string]bool{
	".js": true, ".mjs": true, ".cjs": true, ".jsx": true, ".ts": true, ".tsx": true, ".vue": true,
	".svelte": true, ".rb": true, ".go": true, ".java": true, ".kt": true, ".kts": true, ".scala": true,
	".groovy": true, ".gradle": true, ".php": true, ".cs": true, ".swift": true, ".rs": true, ".lua": true,
	".pl": true, ".r": true, ".jl": true, ".dart": true, ".ex": true, ".exs": true, ".ps1": true,
}

// lockNames are lock files; their hash fields are not secrets.
var lockNames = map[string]bool{
	"poetry.lock": true, "pdm.lock": true, "uv.lock": true, "pipfile.lock": true, "package-lock.json": true,
	"yarn.lock": true, "pnpm-lock.yaml": true, "cargo.lock": true, "go.sum": true, "composer.lock": true,
	"gemfile.lock": true, "conda-lock.yml": true, "pylock.toml": true,
}

// kindOf classifies a slash-separated path; ok is false for files not worth reading.
func kindOf(rel string, python bool) (fileKind, bool) {
	if python {
		return kindPython, true
	}
	base := strings.ToLower(path.Base(rel))
	ext := path.Ext(base)
	switch {
	case skipExts[ext], strings.HasSuffix(base, ".min.js"), strings.HasSuffix(base, ".min.css"),
		strings.HasSuffix(base, ".bundle.js"), strings.HasSuffix(base, ".chunk.js"):
		return 0, false
	case lockNames[base], strings.HasPrefix(base, "requirements") && strings.Contains(base, ".lock"),
		strings.HasSuffix(base, ".lock"):
		return kindLock, true
	case ext == ".ipynb":
		return kindNotebook, true
	case ext == ".py" || ext == ".pyi" || ext == ".pyw":
		return kindPython, true
	case codeExts[ext]:
		return kindCode, true
	case configExts[ext], base == ".env" || strings.HasPrefix(base, ".env."), strings.HasSuffix(base, ".env"),
		strings.HasPrefix(base, "dockerfile"), strings.HasSuffix(base, ".dockerfile"),
		strings.HasPrefix(base, "docker-compose"), base == "compose.yaml", base == "compose.yml",
		base == ".netrc", base == "_netrc", base == ".pgpass", base == ".npmrc", base == ".pypirc",
		base == ".envrc", base == ".bashrc", base == ".zshrc", base == ".profile", base == "procfile":
		return kindConfig, true
	}
	// Templates of configuration files (.env.example, settings.yaml.sample) are
	// configuration too; the filters sort their placeholders out.
	for _, suffix := range [...]string{".example", ".sample", ".template", ".tmpl", ".dist", ".orig", ".bak", ".local"} {
		if strings.HasSuffix(base, suffix) {
			if k, ok := kindOf(path.Join(path.Dir(rel), strings.TrimSuffix(base, suffix)), false); ok && k == kindConfig {
				return kindConfig, true
			}
		}
	}
	return kindText, true
}

// templatePath reports a configuration template (.env.example, config.yaml.sample),
// where values are mostly stand-ins: its findings lose a step of confidence.
func templatePath(rel string) bool {
	base := strings.ToLower(path.Base(rel))
	for _, s := range [...]string{".example", ".sample", ".template", ".tmpl", ".dist"} {
		if strings.HasSuffix(base, s) || strings.Contains(base, s+".") {
			return true
		}
	}
	return false
}
