package audit

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/pep440"
	"github.com/kraitsec/krait/internal/vulndb"
)

// defaultSeverity is the severity of an advisory without a CVSS score (most
// PYSEC entries): a known vulnerability is worth a look, and medium is the
// middle of the CVSS bands.
const defaultSeverity = analysis.SeverityMedium

// match fills d's vulnerabilities from the package's advisories. A pinned
// version matches exactly. A specifier matches the advisories it admits,
// unless a lock file beside it pins the package (lockPinned) or it is only a
// build requirement; a package with
// neither is only checked for malware, since every package has had a
// vulnerability in some version.
func match(d *Dependency, advs []vulndb.Advisory, lockPinned bool) {
	pinned := d.Version != ""
	for i := range advs {
		adv := &advs[i]
		switch {
		case pinned:
			if vulndb.Affects(adv, d.Version) {
				v := vulnOf(adv)
				if !v.Malicious {
					v.Upgrade, _ = vulndb.SafeUpgrade(advs[i:i+1], d.Version)
				}
				d.Vulns = append(d.Vulns, v)
			}
		case lockPinned:
		case buildOnly(d) && !adv.Malicious:
		case d.Specifier == "" && !adv.Malicious:
		default:
			if ok, lb := vulndb.Admits(adv, d.Specifier); ok {
				v := vulnOf(adv)
				v.Range, v.LowerBound = true, lb
				d.Vulns = append(d.Vulns, v)
			}
		}
	}
	for _, v := range d.Vulns {
		if v.Malicious {
			d.Malicious = append(d.Malicious, v.ID)
		}
	}
	if len(d.Vulns) == 0 {
		return
	}
	if pinned {
		d.FixedIn, _ = vulndb.SafeUpgrade(advs, d.Version)
	} else {
		d.FixedIn = rangeBound(d.Vulns)
	}
}

// buildOnly reports whether a dependency is only a build requirement
// ([build-system] requires, setup_requires): a build installs the newest
// version its range admits into a fresh isolated environment, so the range's
// floor is a compatibility bound, not a version that gets installed.
func buildOnly(d *Dependency) bool {
	if len(d.Groups) == 0 {
		return false
	}
	for _, g := range d.Groups {
		if g != "build-system" && g != "setup" {
			return false
		}
	}
	return true
}

// vulnOf describes one advisory.
func vulnOf(adv *vulndb.Advisory) Vuln {
	sev := adv.Severity
	switch {
	case adv.Malicious:
		sev = analysis.SeverityCritical
	case sev == 0:
		sev = defaultSeverity
	}
	return Vuln{
		ID: adv.ID, Aliases: adv.Aliases, Summary: adv.Summary,
		Severity: sev, Score: adv.Score, Vectors: adv.Vectors,
		Fixed: adv.Fixed(), URL: adv.URL(), Malicious: adv.Malicious,
	}
}

// rangeBound returns the smallest floor that excludes every vulnerable
// version the specifier admits: the highest of the advisories' lower bounds,
// since each bound excludes its advisory's versions and a higher floor admits
// less. It is "" when some advisory has no fix.
func rangeBound(vs []Vuln) string {
	best, bestV := "", pep440.Version{}
	for _, v := range vs {
		if v.LowerBound == "" {
			return ""
		}
		pv, err := pep440.Parse(v.LowerBound)
		if err != nil {
			return ""
		}
		if best == "" || pv.Compare(bestV) > 0 {
			best, bestV = v.LowerBound, pv
		}
	}
	return best
}
