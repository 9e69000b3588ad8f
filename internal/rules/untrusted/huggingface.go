package untrusted

import (
	"strings"

	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// hubCall describes a call that downloads from the Hugging Face Hub.
type hubCall struct {
	name string   // resolved name, for messages
	repo ast.Expr // the repository id or local path argument
}

// hubDownload returns the Hub download a call makes, if it is one:
// from_pretrained on a transformers/diffusers/peft/... class, the
// huggingface_hub download functions, datasets.load_dataset.
func hubDownload(m *semantic.Model, c *ast.Call) (hubCall, bool) {
	switch calleeTail(m, c) {
	case "from_pretrained":
		qn := m.CalleeName(c)
		if !hubLibrary(qn) {
			return hubCall{}, false
		}
		return hubCall{name: qn, repo: ruleutil.Arg(c, 0, "pretrained_model_name_or_path")}, true
	case "hf_hub_download", "snapshot_download":
		if qn := matchCallee(m, c, "huggingface_hub.hf_hub_download", "huggingface_hub.snapshot_download",
			"huggingface_hub.file_download.hf_hub_download", "huggingface_hub._snapshot_download.snapshot_download"); qn != "" {
			return hubCall{name: qn, repo: ruleutil.Arg(c, 0, "repo_id")}, true
		}
	case "load_dataset", "load_dataset_builder":
		if qn := matchCallee(m, c, "datasets.load_dataset", "datasets.load_dataset_builder"); qn != "" {
			return hubCall{name: qn, repo: ruleutil.Arg(c, 0, "path")}, true
		}
	case "SentenceTransformer", "CrossEncoder":
		if qn := matchCallee(m, c, "sentence_transformers.SentenceTransformer", "sentence_transformers.CrossEncoder"); qn != "" {
			return hubCall{name: qn, repo: ruleutil.Arg(c, 0, "model_name_or_path")}, true
		}
	case "pipeline":
		if qn := matchCallee(m, c, "transformers.pipeline"); qn != "" {
			return hubCall{name: qn, repo: ruleutil.Arg(c, -1, "model")}, true
		}
	}
	return hubCall{}, false
}

// hubLibrary reports whether qn is a from_pretrained of a library that
// downloads from the Hub.
func hubLibrary(qn string) bool {
	for _, pkg := range [...]string{"transformers.", "diffusers.", "peft.", "optimum.", "sentence_transformers.", "timm.", "huggingface_hub."} {
		if strings.HasPrefix(qn, pkg) {
			return true
		}
	}
	return false
}

// hubRepoIsLocal reports whether a constant repository argument is a local
// path or a packaged dataset builder rather than a Hub repository: Hub ids
// are "name" or "owner/name".
func hubRepoIsLocal(m *semantic.Model, e ast.Expr, dataset bool) bool {
	s, ok := m.ConstString(valueOf(m, e))
	if !ok {
		return false
	}
	switch {
	case strings.HasPrefix(s, ".") || strings.HasPrefix(s, "/") || strings.HasPrefix(s, "~"),
		strings.Contains(s, "\\"), strings.Count(s, "/") > 1:
		return true
	}
	if dataset {
		switch s {
		case "csv", "json", "parquet", "text", "arrow", "pandas", "sql", "webdataset", "imagefolder", "audiofolder",
			"videofolder", "generator", "xml":
			return true
		}
	}
	return false
}

// isCommitHash reports whether s looks like a (possibly abbreviated) git
// commit id, the only revision that cannot move.
func isCommitHash(s string) bool {
	if len(s) < 7 || len(s) > 40 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}
