package analysis

import (
	"fmt"
	"strings"
)

// Severity says how much harm a finding could do if it is real.
type Severity int

// Severities, in increasing order; the zero value means "not set".
const (
	SeverityLow Severity = iota + 1
	SeverityMedium
	SeverityHigh
	SeverityCritical
)

var severityNames = [...]string{"", "low", "medium", "high", "critical"}

// ParseSeverity reads a severity name (low, medium, high, critical), ignoring case.
func ParseSeverity(s string) (Severity, error) {
	for i := SeverityLow; i <= SeverityCritical; i++ {
		if strings.EqualFold(s, severityNames[i]) {
			return i, nil
		}
	}
	return 0, fmt.Errorf("invalid severity %q (want low, medium, high or critical)", s)
}

// String returns the lowercase name used in flags and reports.
func (s Severity) String() string {
	if s < SeverityLow || s > SeverityCritical {
		return fmt.Sprintf("Severity(%d)", int(s))
	}
	return severityNames[s]
}

// MarshalText writes the severity as its name so that JSON carries "high", not 3.
func (s Severity) MarshalText() ([]byte, error) {
	if s < SeverityLow || s > SeverityCritical {
		return nil, fmt.Errorf("invalid severity %d", int(s))
	}
	return []byte(s.String()), nil
}

// UnmarshalText reads a severity name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Confidence says how likely a finding is to be a true positive.
type Confidence int

// Confidences, in increasing order; the zero value means "not set".
const (
	ConfidenceLow Confidence = iota + 1
	ConfidenceMedium
	ConfidenceHigh
)

var confidenceNames = [...]string{"", "low", "medium", "high"}

// ParseConfidence reads a confidence name (low, medium, high), ignoring case.
func ParseConfidence(s string) (Confidence, error) {
	for i := ConfidenceLow; i <= ConfidenceHigh; i++ {
		if strings.EqualFold(s, confidenceNames[i]) {
			return i, nil
		}
	}
	return 0, fmt.Errorf("invalid confidence %q (want low, medium or high)", s)
}

// String returns the lowercase name used in flags and reports.
func (c Confidence) String() string {
	if c < ConfidenceLow || c > ConfidenceHigh {
		return fmt.Sprintf("Confidence(%d)", int(c))
	}
	return confidenceNames[c]
}

// MarshalText writes the confidence as its name so that JSON carries "high", not 3.
func (c Confidence) MarshalText() ([]byte, error) {
	if c < ConfidenceLow || c > ConfidenceHigh {
		return nil, fmt.Errorf("invalid confidence %d", int(c))
	}
	return []byte(c.String()), nil
}

// UnmarshalText reads a confidence name.
func (c *Confidence) UnmarshalText(b []byte) error {
	v, err := ParseConfidence(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}
