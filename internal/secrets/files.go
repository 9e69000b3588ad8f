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

// skipExt reports extensions of files that hold no hand-written secrets: binaries
// the walk may not have recognised, media, archives, minified and generated
// bundles, and tabular data.
func skipExt(s string) bool {
	switch s {
	case ".png", ".jpg", ".jpeg", ".gif", ".bmp", ".ico", ".webp", ".svg", ".tif", ".tiff", ".pdf",
		".psd", ".zip", ".gz", ".tgz", ".bz2", ".xz", ".zst", ".7z", ".rar", ".tar", ".whl", ".egg",
		".jar", ".so", ".dylib", ".dll", ".exe", ".pyc", ".pyo", ".pyd", ".class", ".o", ".a", ".woff",
		".woff2", ".ttf", ".otf", ".eot", ".mp3", ".mp4", ".wav", ".ogg", ".mov", ".avi", ".db",
		".sqlite", ".sqlite3", ".npy", ".npz", ".pkl", ".pickle", ".parquet", ".h5", ".onnx", ".pt",
		".bin", ".map", ".csv", ".tsv":
		return true
	}
	return false
}

// configExt reports the extensions of configuration formats, whose key-value
// lines the name checks read.
func configExt(s string) bool {
	switch s {
	case ".env", ".ini", ".cfg", ".conf", ".cnf", ".config", ".toml", ".yaml", ".yml", ".json",
		".json5", ".properties", ".tf", ".tfvars", ".hcl", ".sh", ".bash", ".zsh", ".ksh", ".fish",
		".envrc", ".npmrc", ".pypirc", ".netrc", ".pgpass", ".txt", ".xml", ".plist":
		return true
	}
	return false
}

// codeExt reports the extensions of source languages whose string literals the
// name checks read.
func codeExt(s string) bool {
	switch s {
	case ".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx", ".vue", ".svelte", ".rb", ".go", ".java",
		".kt", ".kts", ".scala", ".groovy", ".gradle", ".php", ".cs", ".swift", ".rs", ".lua", ".pl",
		".r", ".jl", ".dart", ".ex", ".exs", ".ps1":
		return true
	}
	return false
}

// lockName reports the names of lock files; their hash fields are not secrets.
func lockName(s string) bool {
	switch s {
	case "poetry.lock", "pdm.lock", "uv.lock", "pipfile.lock", "package-lock.json", "yarn.lock",
		"pnpm-lock.yaml", "cargo.lock", "go.sum", "composer.lock", "gemfile.lock", "conda-lock.yml",
		"pylock.toml":
		return true
	}
	return false
}

// kindOf classifies a slash-separated path; ok is false for files not worth reading.
func kindOf(rel string, python bool) (fileKind, bool) {
	if python {
		return kindPython, true
	}
	base := strings.ToLower(path.Base(rel))
	ext := path.Ext(base)
	switch {
	case skipExt(ext), strings.HasSuffix(base, ".min.js"), strings.HasSuffix(base, ".min.css"),
		strings.HasSuffix(base, ".bundle.js"), strings.HasSuffix(base, ".chunk.js"):
		return 0, false
	case lockName(base), strings.HasPrefix(base, "requirements") && strings.Contains(base, ".lock"),
		strings.HasSuffix(base, ".lock"):
		return kindLock, true
	case ext == ".ipynb":
		return kindNotebook, true
	case ext == ".py" || ext == ".pyi" || ext == ".pyw":
		return kindPython, true
	case codeExt(ext):
		return kindCode, true
	case configExt(ext), strings.HasPrefix(base, ".env"), strings.HasSuffix(base, ".env"),
		strings.HasPrefix(base, "dockerfile"), strings.HasSuffix(base, ".dockerfile"),
		strings.HasPrefix(base, "docker-compose"), base == "compose.yaml", base == "compose.yml",
		base == ".netrc", base == "_netrc", base == ".pgpass", base == ".npmrc", base == ".pypirc",
		base == ".envrc", base == ".bashrc", base == ".zshrc", base == ".profile", base == "procfile",
		base == ".s3cfg", base == ".boto", base == "credentials", base == ".gitconfig", base == ".my.cnf":
		return kindConfig, true
	}
	// Templates of configuration files (.env.example, settings.yaml.sample) are
	// configuration too; the filters sort their placeholders out.
	for _, suffix := range [...]string{".example", ".sample", ".template", ".tmpl", ".tpl", ".j2", ".jinja", ".jinja2",
		".dist", ".orig", ".bak", ".local"} {
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
