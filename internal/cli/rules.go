package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/kraitsec/krait/internal/analysis"
)

// ruleJSON is the JSON shape of a rule for `krait rules -f json`.
type ruleJSON struct {
	Code       string              `json:"code"`
	Name       string              `json:"name"`
	Summary    string              `json:"summary"`
	Severity   analysis.Severity   `json:"severity"`
	Confidence analysis.Confidence `json:"confidence"`
	CWE        []int               `json:"cwe"`
	Aliases    []string            `json:"aliases"`
	Doc        string              `json:"doc"`
}

func toRuleJSON(r *analysis.Rule) ruleJSON {
	j := ruleJSON{Code: r.Code, Name: r.Name, Summary: r.Summary, Severity: r.Severity,
		Confidence: r.Confidence, CWE: r.CWE, Aliases: r.Aliases, Doc: r.Doc}
	if j.CWE == nil {
		j.CWE = []int{}
	}
	if j.Aliases == nil {
		j.Aliases = []string{}
	}
	return j
}

func newRulesCmd(a *app) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "rules [CODE]",
		Short: "List the rules, or explain one",
		Long:  "With no argument, list every rule. With a rule code (or a Bandit/Ruff alias), explain it.",
		Args:  wrapArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := checkFormat(cmd, format, []string{"text", "json"}, []string{"text", "json"})
			if err != nil {
				return err
			}
			all := a.rules()
			if len(args) == 0 {
				return listRules(a.stdout, all, f)
			}
			r := findRule(all, args[0])
			if r == nil {
				return fmt.Errorf("unknown rule %q; run 'krait rules' for the list", args[0])
			}
			return explainRule(a.stdout, r, f)
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "text", "output `FORMAT`: text|json")
	return cmd
}

// findRule matches a code or an alias, ignoring case.
func findRule(all []*analysis.Rule, code string) *analysis.Rule {
	for _, r := range all {
		if strings.EqualFold(r.Code, code) {
			return r
		}
		for _, al := range r.Aliases {
			if strings.EqualFold(al, code) {
				return r
			}
		}
	}
	return nil
}

func listRules(w io.Writer, all []*analysis.Rule, format string) error {
	if format == "json" {
		out := make([]ruleJSON, 0, len(all))
		for _, r := range all {
			out = append(out, toRuleJSON(r))
		}
		return writeIndentedJSON(w, out)
	}
	if len(all) == 0 {
		_, err := fmt.Fprintln(w, "no rules registered yet")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "CODE\tSEVERITY\tNAME\tSUMMARY")
	for _, r := range all {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.Code, r.Severity, r.Name, r.Summary)
	}
	return tw.Flush()
}

func explainRule(w io.Writer, r *analysis.Rule, format string) error {
	if format == "json" {
		return writeIndentedJSON(w, toRuleJSON(r))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s: %s\n\n", r.Code, r.Name, r.Summary)
	fmt.Fprintf(&b, "Severity:   %s\nConfidence: %s\n", r.Severity, r.Confidence)
	if len(r.CWE) > 0 {
		cwes := make([]string, len(r.CWE))
		for i, c := range r.CWE {
			cwes[i] = fmt.Sprintf("CWE-%d", c)
		}
		fmt.Fprintf(&b, "CWE:        %s\n", strings.Join(cwes, ", "))
	}
	if len(r.Aliases) > 0 {
		fmt.Fprintf(&b, "Aliases:    %s\n", strings.Join(r.Aliases, ", "))
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
