// Package sbom writes a project's Python dependencies and their known
// vulnerabilities as a CycloneDX 1.6 JSON software bill of materials, with
// package URLs (pkg:pypi/name@version) as the components' bom-refs.
package sbom

import (
	"crypto/rand"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	cdx "github.com/CycloneDX/cyclonedx-go"
	"github.com/package-url/packageurl-go"

	"github.com/kraitsec/krait/internal/deps"
	"github.com/kraitsec/krait/internal/vulndb"
)

// SpecVersion is the CycloneDX version written.
const SpecVersion = cdx.SpecVersion1_6

// Component is one distribution at one version (or, when nothing pins it, at
// no version), however many files declare it.
type Component struct {
	// Name is the distribution's name; it is PEP 503 normalised in the output.
	Name string
	// Version is the exact version, or "" when only Specifiers are known.
	Version    string
	Specifiers []string
	// Optional is true when every declaration puts the package in an optional or
	// development group.
	Optional bool
	// Direct is true when some file declares the package directly.
	Direct bool
	// Locations are where the package is declared, as "path:line".
	Locations []string
	// Vulns are the advisories that affect Version or that Specifier admits.
	Vulns []Vuln
	// FixedIn is the smallest version that clears every known advisory, if any.
	FixedIn string
	// RiskScore is the 0–10 supply-chain risk of the component's installed code,
	// when that code was scanned.
	RiskScore *float64
}

// Vuln is one advisory (its aliases merged) as it applies to a component.
type Vuln struct {
	// ID is the OSV id and Aliases the vulnerability's other ids.
	ID      string
	Aliases []string
	Summary string
	// Severity is "low", "medium", "high" or "critical" ("" when unknown), and
	// Score the CVSS base score (0 when unscored) of Vectors.
	Severity string
	Score    float64
	Vectors  []vulndb.Vector
	// Fixed lists the versions that fix it, Upgrade the smallest one above the
	// component's version.
	Fixed   []string
	Upgrade string
	// URL is the advisory's page.
	URL string
	// Range is true when the component's specifiers admit affected
	// versions; LowerBound is then the lowest version that excludes them all.
	Range      bool
	LowerBound string
	Malicious  bool
}

// Options describe the document itself.
type Options struct {
	// ToolVersion is krait's version, for metadata.tools.
	ToolVersion string
	// Time is the document's timestamp.
	Time time.Time
	// Random is the source of the serial number's random UUID; nil means
	// crypto/rand. Tests pass a fixed reader.
	Random io.Reader
	// Project names the scanned project (metadata.component), if known.
	Project string
}

// PURL returns the package URL of a PyPI distribution: pkg:pypi/name@version
// with the PEP 503 normalised name, without a version when version is "".
func PURL(name, version string) string {
	return packageurl.NewPackageURL(packageurl.TypePyPi, "", deps.Normalize(name), version, nil, "").ToString()
}

// Build returns the CycloneDX document for components.
func Build(components []Component, opts Options) (*cdx.BOM, error) {
	serial, err := newUUID(opts.Random)
	if err != nil {
		return nil, fmt.Errorf("serial number: %w", err)
	}
	bom := cdx.NewBOM()
	bom.SpecVersion = SpecVersion
	bom.SerialNumber = "urn:uuid:" + serial
	bom.Metadata = &cdx.Metadata{
		Timestamp: opts.Time.UTC().Format(time.RFC3339),
		Tools: &cdx.ToolsChoice{Components: &[]cdx.Component{{
			Type: cdx.ComponentTypeApplication, Group: "kraitsec", Name: "krait", Version: opts.ToolVersion,
			ExternalReferences: &[]cdx.ExternalReference{{Type: cdx.ERTypeVCS, URL: "https://github.com/kraitsec/krait"}},
		}}},
	}
	if opts.Project != "" {
		bom.Metadata.Component = &cdx.Component{Type: cdx.ComponentTypeApplication, Name: opts.Project, BOMRef: "project"}
	}
	comps := make([]cdx.Component, 0, len(components))
	vulns := map[string]*cdx.Vulnerability{}
	var ids []string
	seen := map[string]bool{}
	for _, c := range components {
		ref := PURL(c.Name, c.Version)
		if seen[ref] {
			return nil, fmt.Errorf("component %s listed twice", ref)
		}
		seen[ref] = true
		comps = append(comps, component(c, ref))
		for _, v := range c.Vulns {
			if cv, ok := vulns[v.ID]; ok {
				*cv.Affects = append(*cv.Affects, affects(v, c, ref))
				continue
			}
			vulns[v.ID] = vulnerability(v, c, ref)
			ids = append(ids, v.ID)
		}
	}
	if len(comps) > 0 {
		bom.Components = &comps
	}
	if len(ids) > 0 {
		sort.Strings(ids)
		list := make([]cdx.Vulnerability, len(ids))
		for i, id := range ids {
			list[i] = *vulns[id]
		}
		bom.Vulnerabilities = &list
	}
	return bom, nil
}

// Write writes the CycloneDX 1.6 JSON document for components to w.
func Write(w io.Writer, components []Component, opts Options) error {
	bom, err := Build(components, opts)
	if err != nil {
		return err
	}
	return cdx.NewBOMEncoder(w, cdx.BOMFileFormatJSON).SetPretty(true).SetEscapeHTML(false).EncodeVersion(bom, SpecVersion)
}

func component(c Component, ref string) cdx.Component {
	out := cdx.Component{
		BOMRef: ref, Type: cdx.ComponentTypeLibrary, Name: deps.Normalize(c.Name),
		Version: c.Version, PackageURL: ref, Scope: cdx.ScopeRequired,
	}
	if c.Optional {
		out.Scope = cdx.ScopeOptional
	}
	var props []cdx.Property
	if c.Version == "" {
		for _, sp := range c.Specifiers {
			props = append(props, cdx.Property{Name: "krait:specifier", Value: sp})
		}
	}
	if c.Direct {
		props = append(props, cdx.Property{Name: "krait:direct", Value: "true"})
	}
	for _, l := range c.Locations {
		props = append(props, cdx.Property{Name: "krait:location", Value: l})
	}
	if c.FixedIn != "" {
		props = append(props, cdx.Property{Name: "krait:fixed-in", Value: c.FixedIn})
	}
	if c.RiskScore != nil {
		props = append(props, cdx.Property{Name: "krait:risk-score", Value: strconv.FormatFloat(*c.RiskScore, 'f', 1, 64)})
	}
	if len(props) > 0 {
		out.Properties = &props
	}
	return out
}

func vulnerability(v Vuln, c Component, ref string) *cdx.Vulnerability {
	out := &cdx.Vulnerability{
		ID:          v.ID,
		Source:      &cdx.Source{Name: "OSV", URL: v.URL},
		Description: v.Summary,
		Affects:     &[]cdx.Affects{affects(v, c, ref)},
	}
	if refs := references(v.Aliases); len(refs) > 0 {
		out.References = &refs
	}
	if r := ratings(v); len(r) > 0 {
		out.Ratings = &r
	}
	switch {
	case v.Malicious:
		out.Recommendation = "remove this package: it is known to be malicious"
		out.CWEs = &[]int{506}
	case v.Range && v.LowerBound != "":
		out.Recommendation = "require " + deps.Normalize(c.Name) + ">=" + v.LowerBound
	case v.Upgrade != "":
		out.Recommendation = "upgrade to " + v.Upgrade
	case len(v.Fixed) > 0:
		out.Recommendation = "upgrade to a fixed version: " + strings.Join(v.Fixed, ", ")
	}
	return out
}

// affects names the component a vulnerability applies to and, for a pinned
// version, that version.
func affects(v Vuln, c Component, ref string) cdx.Affects {
	a := cdx.Affects{Ref: ref}
	switch {
	case c.Version != "":
		a.Range = &[]cdx.AffectedVersions{{Version: c.Version, Status: cdx.VulnerabilityStatusAffected}}
	case v.Range && len(c.Specifiers) > 0:
		rs := make([]cdx.AffectedVersions, len(c.Specifiers))
		for i, sp := range c.Specifiers {
			rs[i] = cdx.AffectedVersions{Range: "vers:pypi/" + versRange(sp), Status: cdx.VulnerabilityStatusUnknown}
		}
		a.Range = &rs
	}
	return a
}

// versRange writes a PEP 440 specifier in the vers notation's constraint syntax
// (">=2.2|<3"); operators vers lacks (~=, ===, wildcards) are kept as written.
func versRange(spec string) string {
	parts := strings.Split(spec, ",")
	for i, p := range parts {
		p = strings.ReplaceAll(strings.TrimSpace(p), " ", "")
		p = strings.TrimPrefix(p, "==")
		parts[i] = p
	}
	return strings.Join(parts, "|")
}

// ratings gives one rating per CVSS vector, or one with the severity alone when
// the advisory has none.
func ratings(v Vuln) []cdx.VulnerabilityRating {
	var out []cdx.VulnerabilityRating
	for _, vec := range v.Vectors {
		method, ok := scoringMethod(vec)
		if !ok {
			continue
		}
		r := cdx.VulnerabilityRating{Source: &cdx.Source{Name: "OSV", URL: v.URL}, Method: method, Vector: vec.Value}
		if s, err := vulndb.BaseScore(vec); err == nil {
			r.Score = &s
			r.Severity = cdx.Severity(vulndb.SeverityOf(s).String())
		}
		out = append(out, r)
	}
	if len(out) == 0 && v.Severity != "" {
		r := cdx.VulnerabilityRating{Source: &cdx.Source{Name: "krait"}, Severity: cdx.Severity(v.Severity), Method: cdx.ScoringMethodOther}
		if v.Score > 0 {
			s := v.Score
			r.Score = &s
		}
		out = append(out, r)
	}
	return out
}

func scoringMethod(v vulndb.Vector) (cdx.ScoringMethod, bool) {
	switch {
	case v.Type == "CVSS_V4":
		return cdx.ScoringMethodCVSSv4, true
	case v.Type == "CVSS_V3" && strings.HasPrefix(v.Value, "CVSS:3.1/"):
		return cdx.ScoringMethodCVSSv31, true
	case v.Type == "CVSS_V3":
		return cdx.ScoringMethodCVSSv3, true
	case v.Type == "CVSS_V2":
		return cdx.ScoringMethodCVSSv2, true
	}
	return "", false
}

// references lists a vulnerability's other ids with where each is published.
func references(aliases []string) []cdx.VulnerabilityReference {
	out := make([]cdx.VulnerabilityReference, 0, len(aliases))
	for _, id := range aliases {
		src := &cdx.Source{Name: "OSV", URL: "https://osv.dev/vulnerability/" + id}
		switch {
		case strings.HasPrefix(id, "CVE-"):
			src = &cdx.Source{Name: "NVD", URL: "https://nvd.nist.gov/vuln/detail/" + id}
		case strings.HasPrefix(id, "GHSA-"):
			src = &cdx.Source{Name: "GitHub", URL: "https://github.com/advisories/" + id}
		}
		out = append(out, cdx.VulnerabilityReference{ID: id, Source: src})
	}
	return out
}

// newUUID returns a random (version 4) UUID read from r, crypto/rand when nil.
func newUUID(r io.Reader) (string, error) {
	if r == nil {
		r = rand.Reader
	}
	var b [16]byte
	if _, err := io.ReadFull(r, b[:]); err != nil {
		return "", err
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16]), nil
}
