package cli

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// sizeRe splits a size such as "10MiB" or "512k" into number and unit.
var sizeRe = regexp.MustCompile(`^\s*([0-9]+)\s*([A-Za-z]*)\s*$`)

// parseSize reads a byte count with an optional binary unit; KB and MB are taken as
// KiB and MiB, since nobody means 1000 here.
func parseSize(s string) (int64, error) {
	m := sizeRe.FindStringSubmatch(s)
	if m == nil {
		return 0, fmt.Errorf("invalid size %q (want e.g. 1048576, 512KiB or 10MiB)", s)
	}
	n, err := strconv.ParseInt(m[1], 10, 64)
	if err != nil {
		return 0, fmt.Errorf("invalid size %q: %w", s, err)
	}
	var shift uint
	switch strings.ToLower(m[2]) {
	case "", "b":
	case "k", "kb", "kib":
		shift = 10
	case "m", "mb", "mib":
		shift = 20
	case "g", "gb", "gib":
		shift = 30
	default:
		return 0, fmt.Errorf("invalid size %q: unknown unit %q", s, m[2])
	}
	if n <= 0 || n > (1<<62)>>shift {
		return 0, fmt.Errorf("invalid size %q: must be between 1 byte and 4 EiB", s)
	}
	return n << shift, nil
}
