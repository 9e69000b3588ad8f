package hygiene

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/kraitsec/krait/internal/deps/inventory"
)

// respectSourceOrderRe is PDM's [tool.pdm.resolution] respect-source-order = true.
var respectSourceOrderRe = regexp.MustCompile(`(?m)^\s*respect-source-order\s*=\s*true\b`)

// searchAllRe is Pipfile's [pipenv] install_search_all_sources = true, which brings
// back the pre-2022.3.23 behaviour of looking every package up on every source.
var searchAllRe = regexp.MustCompile(`(?m)^\s*install_search_all_sources\s*=\s*true\b`)

// pipfileSources checks a Pipfile's [[source]] tables.
func (r *reporter) pipfileSources(f *inventory.File) {
	srcs := f.Pipfile.Sources
	for i, s := range srcs {
		h := hit{path: f.Path, line: s.Line, text: "source " + s.Name + " " + s.URL}
		if plainHTTP(s.URL) {
			h.rule, h.msg = InsecurePackageIndex, fmt.Sprintf("Pipfile source %q at %s uses plain HTTP: anyone on the network path can replace the packages", s.Name, redactURL(s.URL))
			r.add(h)
		}
		if !s.VerifySSL {
			h.text += " verify_ssl=false"
			h.rule, h.msg = InsecurePackageIndex, fmt.Sprintf("Pipfile source %q has verify_ssl = false: its TLS certificate is not checked, so anyone on the network path can replace the packages", s.Name)
			r.add(h)
		}
		if i == 1 && searchAllRe.Match(f.Data) {
			names := make([]string, len(srcs))
			for k, s := range srcs {
				names[k] = s.Name
			}
			h.rule = ExtraIndexURL
			h.msg = fmt.Sprintf("Pipfile has %d sources (%s) and install_search_all_sources = true: pipenv installs every package from whichever of them has it, so a package published on PyPI under an internal name can win (dependency confusion); drop the setting and give the private packages index = \"…\"", len(srcs), strings.Join(names, ", "))
			r.add(h)
		}
	}
}

// pyprojectSources checks the indexes Poetry, PDM and uv are given, and uv's index
// strategy.
func (r *reporter) pyprojectSources(f *inventory.File) {
	// include_packages ties packages to a PDM source; the rest come from PyPI alone.
	pdmOrdered := respectSourceOrderRe.Match(f.Data) || bytes.Contains(f.Data, []byte("include_packages"))
	for _, s := range f.Pyproject.Sources {
		h := hit{path: f.Path, line: s.Line, text: s.Tool + " source " + s.Name + " " + s.URL}
		if plainHTTP(s.URL) {
			h.rule, h.msg = InsecurePackageIndex, fmt.Sprintf("%s source %q at %s uses plain HTTP: anyone on the network path can replace the packages", s.Tool, s.Name, redactURL(s.URL))
			r.add(h)
		}
		if !s.VerifySSL {
			h.text += " verify_ssl=false"
			h.rule, h.msg = InsecurePackageIndex, fmt.Sprintf("%s source %q has verify_ssl = false: its TLS certificate is not checked", s.Tool, s.Name)
			r.add(h)
		}
		h.rule = ExtraIndexURL
		switch {
		case s.Tool == "poetry" && (s.Priority == "supplemental" || s.Priority == "secondary"):
			h.msg = fmt.Sprintf("Poetry source %q has priority %q: a package missing from the primary index (PyPI) is looked up there, so a package published on PyPI under an internal name wins (dependency confusion); use priority \"explicit\" and name the source on the private packages", s.Name, s.Priority)
			r.add(h)
		case s.Tool == "pdm" && !pdmOrdered && !strings.EqualFold(s.Name, "pypi") && (s.Priority == "" || s.Priority == "index"):
			h.msg = fmt.Sprintf("PDM source %q is searched together with PyPI and the highest version wins, so a package published on PyPI under an internal name can be installed (dependency confusion); set respect-source-order = true in [tool.pdm.resolution] or include_packages on the source", s.Name)
			r.add(h)
		}
	}
	r.uvStrategy(f.Path, f.Data, "tool.uv")
}
