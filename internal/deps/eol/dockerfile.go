package eol

import (
	"regexp"
	"strings"
)

// maxDockerLines bounds the logical lines read from one Dockerfile.
const maxDockerLines = 100000

// escapeDirectiveRe is the parser directive that changes the line-continuation
// character, "# escape=`" (Windows images).
var escapeDirectiveRe = regexp.MustCompile("(?i)^#\\s*escape\\s*=\\s*([`\\\\])\\s*$")

// dockerLine is one instruction after continuations are joined.
type dockerLine struct {
	text string
	line int
}

// dockerLines joins continuation lines the way BuildKit does: a line ending in the
// escape character continues, and comment lines inside a continuation are dropped.
func dockerLines(data []byte) []dockerLine {
	escape := byte('\\')
	var out []dockerLine
	var cur strings.Builder
	start := 0
	directives := true
	for i, l := range lines(data) {
		trimmed := strings.TrimSpace(l)
		if directives {
			if m := escapeDirectiveRe.FindStringSubmatch(trimmed); m != nil {
				escape = m[1][0]
				continue
			}
			directives = strings.HasPrefix(trimmed, "#")
		}
		if strings.HasPrefix(trimmed, "#") || trimmed == "" && cur.Len() > 0 {
			continue
		}
		if cur.Len() == 0 {
			start = i + 1
		}
		if strings.HasSuffix(trimmed, string(escape)) {
			cur.WriteString(trimmed[:len(trimmed)-1])
			cur.WriteByte(' ')
			continue
		}
		cur.WriteString(trimmed)
		if cur.Len() > 0 && len(out) < maxDockerLines {
			out = append(out, dockerLine{text: cur.String(), line: start})
		}
		cur.Reset()
	}
	if cur.Len() > 0 && len(out) < maxDockerLines {
		out = append(out, dockerLine{text: cur.String(), line: start})
	}
	return out
}

// dockerfileClaims reads the python base images of a Dockerfile's FROM lines,
// substituting the ARG defaults declared before the first FROM, which are the only
// ones FROM can see.
func dockerfileClaims(data []byte) []claim {
	args := map[string]string{}
	seenFrom := false
	var out []claim
	for _, l := range dockerLines(data) {
		instr, rest, _ := strings.Cut(l.text, " ")
		switch strings.ToUpper(instr) {
		case "ARG":
			if seenFrom {
				continue
			}
			for _, decl := range strings.Fields(rest) {
				name, val, ok := strings.Cut(decl, "=")
				if ok {
					args[name] = unquote(val)
				} else if _, set := args[name]; !set {
					args[name] = ""
				}
			}
		case "FROM":
			seenFrom = true
			image := fromImage(rest)
			if image == "" {
				continue
			}
			expanded, ok := expandVars(image, args)
			if !ok {
				continue
			}
			if c, ok := imageClaim(l.line, 0, "Docker base image", expanded); ok {
				out = append(out, c)
			}
		}
	}
	return out
}

// fromImage returns the image of "FROM [--platform=…] image [AS name]".
func fromImage(rest string) string {
	for _, f := range strings.Fields(rest) {
		if strings.HasPrefix(f, "--") {
			continue
		}
		return f
	}
	return ""
}

// varRe matches $NAME, ${NAME} and ${NAME:-default}/${NAME-default}.
var varRe = regexp.MustCompile(`\$(?:([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\})`)

// expandVars substitutes variables from vars; ok is false when one has no value,
// since the image is then decided at build time.
func expandVars(s string, vars map[string]string) (string, bool) {
	ok := true
	out := varRe.ReplaceAllStringFunc(s, func(m string) string {
		sub := varRe.FindStringSubmatch(m)
		name := sub[1] + sub[2]
		if v := vars[name]; v != "" {
			return v
		}
		if strings.Contains(m, "-") {
			return sub[3]
		}
		ok = false
		return ""
	})
	return out, ok
}

// imageClaim reads an image reference such as "python:3.8-slim",
// "docker.io/library/python:3.9@sha256:…" or "cimg/python:3.8.12": any repository
// whose last path part is "python" (official image, CircleCI's cimg, mirrors) with a
// tag that starts with major.minor. "python", "python:3-slim" and "python:latest"
// name no line.
func imageClaim(line, col int, source, ref string) (claim, bool) {
	ref = unquote(strings.TrimSpace(ref))
	image, _, _ := strings.Cut(ref, "@")
	slash := strings.LastIndexByte(image, '/')
	colon := strings.LastIndexByte(image, ':')
	if colon <= slash {
		return claim{}, false
	}
	repo, tag := strings.ToLower(image[slash+1:colon]), image[colon+1:]
	if repo != "python" {
		return claim{}, false
	}
	c, ok := pinnedClaim(line, col, source, ref, func(string) (int, int, bool) { return parseMinor(tag) })
	return c, ok
}
