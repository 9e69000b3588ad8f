package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/rules"
)

// ruleJSON is the JSON shape of a rule for `krait rules -f json`.
type ruleJSON struct {
	Code       string              `json:"code"`
	Name       string              `json:"name"`
	Category   string              `json:"category"`
	Summary    string              `json:"summary"`
	Severity   analysis.Severity   `json:"severity"`
	Confidence analysis.Confidence `json:"confidence"`
	CWE        []int               `json:"cwe"`
	Aliases    []string            `json:"aliases"`
	Doc        string              `json:"doc"`
}

func toRuleJSON(r categorised) ruleJSON {
	j := ruleJSON{Code: r.Code, Name: r.Name, Category: r.category, Summary: r.Summary, Severity: r.Severity,
		Confidence: r.Confidence, CWE: r.CWE, Aliases: r.Aliases, Doc: r.Doc}
	if j.CWE == nil {
		j.CWE = []int{}
	}
	if j.Aliases == nil {
		j.Aliases = []string{}
	}
	return j
}

// categorised is a rule with the name of the package that holds it.
type categorised struct {
	*analysis.Rule
	category string
}

// allRules returns the registry's rules ordered by code, each with its category.
func allRules(cats []rules.Category) []categorised {
	var out []categorised
	for _, c := range cats {
		for _, r := range c.Rules {
			out = append(out, categorised{r, c.Name})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

func newRulesCmd(a *app) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "rules [CODE|CATEGORY]",
		Short: "List the rules, or explain one",
		Long: "With no argument, list every rule; with a category (e.g. injection), list its rules.\n" +
			"With a rule code, name, or Bandit/Ruff alias, explain that rule.",
		Args: wrapArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := checkFormat(cmd, format, []string{"text", "json", "markdown"}, []string{"text", "json", "markdown"})
			if err != nil {
				return err
			}
			all := allRules(a.registry())
			if len(args) == 0 {
				return listRules(a.stdout, all, f)
			}
			if in := inCategory(all, args[0]); in != nil {
				return listRules(a.stdout, in, f)
			}
			r, ok := findRule(all, args[0])
			if !ok {
				return fmt.Errorf("unknown rule %q; run 'krait rules' for the list", args[0])
			}
			return explainRule(a.stdout, r, f)
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "text", "output `FORMAT`: text|json|markdown")
	return cmd
}

// inCategory returns the rules of the named category, or nil.
func inCategory(all []categorised, name string) []categorised {
	var out []categorised
	for _, r := range all {
		if strings.EqualFold(r.category, name) {
			out = append(out, r)
		}
	}
	return out
}

// findRule matches a code, a name or an alias, ignoring case.
func findRule(all []categorised, code string) (categorised, bool) {
	for _, r := range all {
		if strings.EqualFold(r.Code, code) || strings.EqualFold(r.Name, code) {
			return r, true
		}
	}
	for _, r := range all {
		for _, al := range r.Aliases {
			if strings.EqualFold(al, code) {
				return r, true
			}
		}
	}
	return categorised{}, false
}

func listRules(w io.Writer, all []categorised, format string) error {
	switch format {
	case "json":
		out := make([]ruleJSON, 0, len(all))
		for _, r := range all {
			out = append(out, toRuleJSON(r))
		}
		return writeIndentedJSON(w, out)
	case "markdown":
		return writeRulesMarkdown(w, all)
	}
	if len(all) == 0 {
		_, err := fmt.Fprintln(w, "no rules registered yet")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "CODE\tSEVERITY\tNAME\tALIASES\tSUMMARY")
	for _, r := range all {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.Code, r.Severity, r.Name, orDash(compactAliases(r.Aliases)), r.Summary)
	}
	return tw.Flush()
}

// writeRulesMarkdown prints the rule table the README's rule list is generated from.
func writeRulesMarkdown(w io.Writer, all []categorised) error {
	var b strings.Builder
	b.WriteString("| code | name | category | severity | confidence | CWE | Bandit / Ruff | summary |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|\n")
	for _, r := range all {
		fmt.Fprintf(&b, "| %s | `%s` | %s | %s | %s | %s | %s | %s |\n", r.Code, r.Name, r.category,
			r.Severity, r.Confidence, orDash(cweList(r.CWE)), orDash(strings.Join(r.Aliases, ", ")),
			strings.ReplaceAll(r.Summary, "|", `\|`))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// compactAliases joins aliases with runs of consecutive codes shortened, so that a
// rule covering B313 to B319 keeps the table narrow: "B313-B319,S313-S319".
func compactAliases(aliases []string) string {
	var parts []string
	for i := 0; i < len(aliases); {
		j := i
		for j+1 < len(aliases) && followsCode(aliases[j], aliases[j+1]) {
			j++
		}
		if j-i >= 2 {
			parts = append(parts, aliases[i]+"-"+aliases[j])
		} else {
			parts = append(parts, aliases[i:j+1]...)
		}
		i = j + 1
	}
	return strings.Join(parts, ",")
}

// followsCode reports whether b is the code right after a, such as B314 after B313.
func followsCode(a, b string) bool {
	pa, na, okA := splitCode(a)
	pb, nb, okB := splitCode(b)
	return okA && okB && pa == pb && nb == na+1
}

func splitCode(s string) (prefix string, n int, ok bool) {
	i := strings.IndexAny(s, "0123456789")
	if i <= 0 {
		return "", 0, false
	}
	n, err := strconv.Atoi(s[i:])
	return s[:i], n, err == nil
}

func cweList(ids []int) string {
	out := make([]string, len(ids))
	for i, c := range ids {
		out[i] = fmt.Sprintf("CWE-%d", c)
	}
	return strings.Join(out, ", ")
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func explainRule(w io.Writer, r categorised, format string) error {
	if format == "json" {
		return writeIndentedJSON(w, toRuleJSON(r))
	}
	var b strings.Builder
	field := func(name, value string) { fmt.Fprintf(&b, "%-11s %s\n", name+":", value) }
	if format == "markdown" {
		fmt.Fprintf(&b, "# %s %s\n\n%s\n\n", r.Code, r.Name, r.Summary)
		field = func(name, value string) { fmt.Fprintf(&b, "- **%s:** %s\n", name, value) }
	} else {
		fmt.Fprintf(&b, "%s %s: %s\n\n", r.Code, r.Name, r.Summary)
	}
	field("Category", r.category)
	field("Severity", r.Severity.String())
	field("Confidence", r.Confidence.String())
	if len(r.CWE) > 0 {
		field("CWE", cweList(r.CWE))
	}
	if len(r.Aliases) > 0 {
		field("Aliases", strings.Join(r.Aliases, ", "))
	}
	if doc := strings.TrimSpace(r.Doc); doc != "" {
		fmt.Fprintf(&b, "\n%s\n", doc)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeIndentedJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
