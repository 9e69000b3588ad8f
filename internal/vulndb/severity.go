package vulndb

import (
	"fmt"
	"strings"

	cvss30 "github.com/pandatix/go-cvss/30"
	cvss31 "github.com/pandatix/go-cvss/31"
	cvss40 "github.com/pandatix/go-cvss/40"

	"github.com/kraitsec/krait/internal/analysis"
)

// BaseScore returns the CVSS base score of one vector: CVSS_V3 (3.0 or 3.1)
// or CVSS_V4. Other types (CVSS_V2, Ubuntu…) are reported as unsupported.
func BaseScore(v Vector) (float64, error) {
	switch v.Type {
	case "CVSS_V3":
		switch {
		case strings.HasPrefix(v.Value, "CVSS:3.1/"):
			c, err := cvss31.ParseVector(v.Value)
			if err != nil {
				return 0, err
			}
			return c.BaseScore(), nil
		case strings.HasPrefix(v.Value, "CVSS:3.0/"):
			c, err := cvss30.ParseVector(v.Value)
			if err != nil {
				return 0, err
			}
			return c.BaseScore(), nil
		}
		return 0, fmt.Errorf("CVSS_V3 vector %q: unknown version prefix", v.Value)
	case "CVSS_V4":
		c, err := cvss40.ParseVector(v.Value)
		if err != nil {
			return 0, err
		}
		return c.Score(), nil
	}
	return 0, fmt.Errorf("severity type %q is not supported", v.Type)
}

// Score returns the highest base score among the vectors that parse, and
// whether any did; a bad vector is skipped rather than failing the advisory.
func Score(vs []Vector) (float64, bool) {
	best, ok := 0.0, false
	for _, v := range vs {
		s, err := BaseScore(v)
		if err != nil {
			continue
		}
		if !ok || s > best {
			best, ok = s, true
		}
	}
	return best, ok
}

// SeverityOf maps a CVSS base score to a krait severity with the CVSS v3/v4
// qualitative bands (0.1–3.9 low, 4.0–6.9 medium, 7.0–8.9 high, 9.0–10
// critical). A score of 0.0 ("none") counts as low: the advisory still exists.
func SeverityOf(score float64) analysis.Severity {
	switch {
	case score >= 9.0:
		return analysis.SeverityCritical
	case score >= 7.0:
		return analysis.SeverityHigh
	case score >= 4.0:
		return analysis.SeverityMedium
	}
	return analysis.SeverityLow
}
