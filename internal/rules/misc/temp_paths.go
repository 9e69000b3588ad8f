package misc

import (
	"strconv"
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// tempPath returns the leading constant text of a string expression when it
// is a path in a temporary directory: a literal, or the constant start of an
// f-string, a % or + expression or a .format call. Names are not followed:
// their binding is where the path is reported.
func tempPath(e ast.Expr) (string, bool) {
	s, ok := leadingText(e, 0)
	if !ok || len(s) < 4 || s[0] != '/' {
		return "", false
	}
	// The world-writable directories of Unix-like systems.
	if under(s, "/tmp") || under(s, "/var/tmp") || under(s, "/dev/shm") || under(s, "/usr/tmp") {
		return s, true
	}
	return "", false
}

// pathText spells a temporary path for a message: the literal quoted, or
// the source text of an f-string or a formatting expression when it fits on
// one line, else its constant start followed by "...".
func pathText(p *analysis.Pass, e ast.Expr, path string) string {
	if c, ok := e.(*ast.Constant); ok {
		return strconv.Quote(c.Value.S)
	}
	if s := sourceText(p, e, 80); s != "" {
		return s
	}
	return strconv.Quote(path + "...")
}

// sourceText returns the source of an expression that fits on one line in
// at most max bytes, or "".
func sourceText(p *analysis.Pass, e ast.Expr, max int) string {
	sp := e.Span()
	f := p.File
	if sp.Lineno != sp.EndLineno || sp.Lineno <= 0 || sp.Lineno > len(f.Lines) || sp.EndColOffset-sp.ColOffset > max {
		return ""
	}
	start := f.Lines[sp.Lineno-1]
	if end := start + sp.EndColOffset; end <= len(f.Source) && sp.ColOffset <= sp.EndColOffset {
		return string(f.Source[start+sp.ColOffset : end])
	}
	return ""
}

// under reports whether path is dir or a path inside it.
func under(path, dir string) bool {
	return strings.HasPrefix(path, dir) && (len(path) == len(dir) || path[len(dir)] == '/')
}

func leadingText(e ast.Expr, depth int) (string, bool) {
	if depth > 8 {
		return "", false
	}
	switch x := e.(type) {
	case *ast.Constant:
		if x.Value.Kind == ast.ConstStr {
			return x.Value.S, true
		}
	case *ast.JoinedStr:
		if len(x.Values) > 0 {
			if c, ok := x.Values[0].(*ast.Constant); ok && c.Value.Kind == ast.ConstStr {
				return c.Value.S, true
			}
		}
	case *ast.BinOp:
		if x.Op == ast.Add || x.Op == ast.Mod {
			return leadingText(x.Left, depth+1)
		}
	case *ast.Call:
		if a, ok := x.Func.(*ast.Attribute); ok && a.Attr == "format" {
			return leadingText(a.Value, depth+1)
		}
	}
	return "", false
}

// notPathUse reports the callee names whose string arguments are text to
// compare, search or print rather than a path to use.
func notPathUse(tail string) bool {
	switch tail {
	case "startswith", "endswith", "find", "rfind", "index", "rindex", "count", "replace",
		"split", "rsplit", "strip", "lstrip", "rstrip", "removeprefix", "removesuffix",
		"partition", "rpartition", "commonpath", "commonprefix", "relpath", "is_relative_to",
		"relative_to", "match", "fullmatch", "search", "sub", "compile", "fnmatch",
		"print", "debug", "info", "warning", "warn", "error", "critical", "exception", "log",
		"route", "add_url_rule", "add_route", "add_api_route", "api_route", "websocket", "mount",
		"_", "gettext", "gettext_lazy", "ugettext", "ugettext_lazy", "assertEqual", "assertIn":
		return true
	}
	return false
}

func isHTTPVerb(tail string) bool {
	switch tail {
	case "get", "post", "put", "delete", "patch", "head", "options":
		return true
	}
	return false
}

// writesFiles reports whether a call creates, opens or writes the file it is given.
func writesFiles(qn, tail string) bool {
	switch qn {
	case "builtins.open", "io.open", "codecs.open", "os.open", "os.mkdir", "os.makedirs", "os.mkfifo",
		"os.symlink", "os.link", "os.rename", "os.replace", "os.chmod", "os.chown",
		"pathlib.Path", "pathlib.PosixPath", "sqlite3.connect", "logging.FileHandler", "logging.basicConfig",
		"logging.handlers.RotatingFileHandler", "logging.handlers.TimedRotatingFileHandler",
		"logging.handlers.WatchedFileHandler", "urllib.request.urlretrieve", "shelve.open", "dbm.open":
		return true
	}
	if strings.HasPrefix(qn, "shutil.") {
		return true
	}
	switch tail {
	case "to_csv", "to_json", "to_excel", "to_parquet", "to_pickle", "to_feather", "to_hdf",
		"save", "savefig", "savez", "savetxt", "write_text", "write_bytes", "touch", "mkdir",
		"extractall", "extract", "download_file", "urlretrieve", "unpack_archive", "make_archive":
		return true
	}
	return false
}

// targetText spells an assignment target for a message.
func targetText(p *analysis.Pass, e ast.Expr) string {
	if s := ruleutil.DottedText(e); s != "" {
		return s
	}
	if s := sourceText(p, e, 60); s != "" {
		return s // app.config["UPLOAD_FOLDER"]
	}
	return "a variable"
}
