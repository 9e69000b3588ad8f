package requirements

import (
	"regexp"
	"strings"
)

// commentRe is pip's COMMENT_RE: a # at the start or after white space
// starts a comment, so a URL fragment (#egg=) does not.
var commentRe = regexp.MustCompile(`(^|\s+)#.*$`)

// logicalLine is one requirement or option line after continuations are
// joined and comments removed; line is where it starts.
type logicalLine struct {
	text string
	line int
}

// logicalLines splits a requirements file as pip's join_lines and
// ignore_comments do: a line ending in a backslash continues on the next one
// unless it is a comment, and a comment line ends a continuation.
func logicalLines(src string) []logicalLine {
	var out []logicalLine
	var cur strings.Builder
	start := 0
	emit := func(text string, line int) {
		if text = strings.TrimSpace(commentRe.ReplaceAllString(text, "")); text != "" {
			out = append(out, logicalLine{text: text, line: line})
		}
	}
	for i, l := range strings.Split(src, "\n") {
		l = strings.TrimSuffix(l, "\r")
		isComment := commentRe.MatchString(l) && strings.HasPrefix(strings.TrimSpace(l), "#")
		if strings.HasSuffix(l, `\`) && !isComment {
			if cur.Len() == 0 {
				start = i + 1
			}
			cur.WriteString(strings.TrimRight(l, `\`))
			continue
		}
		if cur.Len() > 0 {
			if isComment {
				l = " " + l
			}
			cur.WriteString(l)
			emit(cur.String(), start)
			cur.Reset()
			continue
		}
		emit(l, i+1)
	}
	if cur.Len() > 0 {
		emit(cur.String(), start)
	}
	return out
}

// splitArgs separates a line into the requirement and its per-requirement
// options as pip's break_args_options does: the requirement is every
// space-separated token before the first one that starts with "-".
func splitArgs(line string) (req string, opts []string) {
	tokens := strings.Fields(line)
	for i, t := range tokens {
		if strings.HasPrefix(t, "-") {
			return strings.Join(tokens[:i], " "), tokens[i:]
		}
	}
	return strings.Join(tokens, " "), nil
}

// optionNames maps every spelling of the options krait records to its long
// name; "" marks a flag that takes no value.
var optionNames = map[string]struct {
	long  string
	value bool
}{
	"-r": {"--requirement", true}, "--requirement": {"--requirement", true},
	"-c": {"--constraint", true}, "--constraint": {"--constraint", true},
	"-e": {"--editable", true}, "--editable": {"--editable", true},
	"-i": {"--index-url", true}, "--index-url": {"--index-url", true},
	"--extra-index-url": {"--extra-index-url", true},
	"-f":                {"--find-links", true}, "--find-links": {"--find-links", true},
	"--trusted-host":    {"--trusted-host", true},
	"--no-index":        {"--no-index", false},
	"--require-hashes":  {"--require-hashes", false},
	"--pre":             {"--pre", false},
	"--prefer-binary":   {"--prefer-binary", false},
	"--only-binary":     {"--only-binary", true},
	"--no-binary":       {"--no-binary", true},
	"--use-feature":     {"--use-feature", true},
	"--hash":            {"--hash", true},
	"--config-settings": {"--config-settings", true},
	"--global-option":   {"--global-option", true},
	"--install-option":  {"--install-option", true},
}

// parsedOption is one option with its value.
type parsedOption struct {
	name, value string
}

// parseOptions reads "-r file", "-rfile", "--requirement=file" and
// "--requirement file" forms; unknown options are kept by name, without a
// value, so that none is lost.
func parseOptions(tokens []string) []parsedOption {
	var out []parsedOption
	for i := 0; i < len(tokens); i++ {
		t := tokens[i]
		name, value, hasValue := strings.Cut(t, "=")
		if !strings.HasPrefix(t, "--") && len(t) > 2 {
			// -rfile, -ihttps://…
			name, value, hasValue = t[:2], t[2:], true
		}
		spec, known := optionNames[name]
		switch {
		case !known:
			out = append(out, parsedOption{name: name, value: value})
		case !spec.value:
			out = append(out, parsedOption{name: spec.long})
		case hasValue:
			out = append(out, parsedOption{name: spec.long, value: value})
		case i+1 < len(tokens):
			i++
			out = append(out, parsedOption{name: spec.long, value: tokens[i]})
		default:
			out = append(out, parsedOption{name: spec.long})
		}
	}
	return out
}
