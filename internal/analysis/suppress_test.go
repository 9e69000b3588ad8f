package analysis

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kraitsec/krait/internal/python/ast"
)

func TestParseDirectives(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		all   bool
		codes []string
		ok    bool
	}{
		{"nosec", "# nosec", true, nil, true},
		{"nosec_upper_no_space", "#NOSEC", true, nil, true},
		{"nosec_one", "# nosec B602", false, []string{"B602"}, true},
		{"nosec_list", "# nosec B602, B607", false, []string{"B602", "B607"}, true},
		{"nosec_colon", "# nosec: B602", false, []string{"B602"}, true},
		{"nosec_reason", "# nosec - input is a constant", true, nil, true},
		{"nosec_codes_and_reason", "# nosec B602 because it is a constant", false, []string{"B602"}, true},
		{"nosec_not_a_word", "# nosecurity", false, nil, false},
		{"noqa", "# noqa", true, nil, true},
		{"noqa_codes", "# noqa: S602,S607", false, []string{"S602", "S607"}, true},
		{"noqa_kr", "# noqa: KR101", false, []string{"KR101"}, true},
		{"noqa_other_tool", "# noqa: E501", false, []string{"E501"}, true},
		{"noqa_without_colon", "# noqa E501", true, nil, true},
		{"krait_ignore", "# krait: ignore", true, nil, true},
		{"krait_ignore_codes", "# krait: ignore[KR101, KR102]", false, []string{"KR101", "KR102"}, true},
		{"krait_ignore_name", "# krait:ignore[subprocess-shell-injection]", false, []string{"subprocess-shell-injection"}, true},
		{"krait_other", "# krait: check this", false, nil, false},
		{"two_directives", "# noqa: S602  # nosec B607", false, []string{"S602", "B607"}, true},
		{"after_text", "# TODO fix  # nosec", true, nil, true},
		{"plain", "# just a comment about noqa", false, nil, false},
		{"type_ignore", "# type: ignore", false, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			all, codes, ok := parseDirectives(tt.text)
			if all != tt.all || ok != tt.ok {
				t.Errorf("parseDirectives(%q): all %v ok %v; want %v %v", tt.text, all, ok, tt.all, tt.ok)
			}
			if diff := cmp.Diff(tt.codes, codes); diff != "" {
				t.Errorf("codes mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSuppressions(t *testing.T) {
	rule := callRule("KR602", "run") // aliases B602 and S602
	tests := []struct {
		name string
		src  string
		want []int // lines still reported
	}{
		{"none", "run(a)\n", []int{1}},
		{"nosec", "run(a)  # nosec\n", nil},
		{"nosec_alias", "run(a)  # nosec B602\n", nil},
		{"nosec_other_alias", "run(a)  # nosec B607\n", []int{1}},
		{"noqa_ruff_alias", "run(a)  # noqa: S602\n", nil},
		{"noqa_kr_code", "run(a)  # noqa: KR602\n", nil},
		{"noqa_unrelated", "run(a)  # noqa: E501\n", []int{1}},
		{"krait_code", "run(a)  # krait: ignore[KR602]\n", nil},
		{"krait_other_code", "run(a)  # krait: ignore[KR101]\n", []int{1}},
		{"krait_name", "run(a)  # krait: ignore[call-run]\n", nil},
		{"other_line", "# nosec\nrun(a)\n", []int{2}},
		{"multiline_first", "x = run(  # nosec\n    a,\n)\n", nil},
		{"multiline_middle", "x = run(\n    a,  # nosec\n)\n", nil},
		{"multiline_last", "x = run(\n    a,\n)  # noqa: S602\n", nil},
		{"multiline_inner_node", "x = [\n    1,\n    run(a),\n]  # nosec\n", nil},
		{"next_statement", "run(a)\nx = 1  # nosec\n", []int{1}},
		{"if_header", "if run(a):  # nosec\n    run(b)\n", []int{2}},
		{"if_body", "if x:\n    run(b)  # nosec\n    run(c)\n", []int{3}},
		{"if_multiline_header", "if (\n    run(a)\n):  # nosec\n    pass\n", nil},
		{"elif_header", "if x:\n    pass\nelif run(a):  # nosec\n    run(b)\n", []int{4}},
		{"one_line_if", "if x: run(a)  # nosec\n", nil},
		{"for_header", "for i in run(a):  # nosec\n    run(i)\n", []int{2}},
		{"while_header", "while run(a):  # nosec\n    run(b)\n", []int{2}},
		{"with_header", "with run(a) as f:  # nosec\n    run(f)\n", []int{2}},
		{"def_default", "def f(x=run(a)):  # nosec\n    run(x)\n", []int{2}},
		{"def_multiline_header", "def f(\n    x=run(a),\n):  # nosec\n    run(x)\n", []int{4}},
		{"decorator", "@run(a)  # nosec\ndef f():\n    run(b)\n", []int{3}},
		{"decorator_by_def_line", "@run(a)\ndef f():  # nosec\n    run(b)\n", []int{3}},
		{"class_header", "class C(run(a)):  # nosec\n    x = run(b)\n", []int{2}},
		{"except_header", "try:\n    run(a)\nexcept run(b):  # nosec\n    run(c)\n", []int{2, 4}},
		{"try_line_not_body", "try:  # nosec\n    run(a)\nexcept E:\n    pass\n", []int{2}},
		{"match_subject", "match run(a):  # nosec\n    case 1:\n        run(b)\n", []int{3}},
		{"case_guard", "match x:\n    case 1 if run(a):  # nosec\n        run(b)\n", []int{3}},
		{"lambda_in_statement", "f = lambda: run(\n    a)  # nosec\n", nil},
		{"semicolons", "run(a); run(b)  # nosec\n", nil},
		{"string_is_not_comment", "run('# nosec')\n", []int{1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := run(t, tt.src, rule)
			if err != nil {
				t.Fatal(err)
			}
			var lines []int
			for _, f := range got {
				lines = append(lines, f.Line)
			}
			if diff := cmp.Diff(tt.want, lines); diff != "" {
				t.Errorf("reported lines mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSuppressCompoundNode checks a rule that reports a compound statement itself:
// the header's comments count, the body's do not.
func TestSuppressCompoundNode(t *testing.T) {
	defRule := &Rule{Code: "KR501", Kinds: []ast.Kind{ast.KindFunctionDef}, Run: func(p *Pass, n ast.Node) { p.Report(n, "def") }}
	tests := []struct {
		name, src string
		want      int
	}{
		{"header", "def f(\n    a,\n):  # nosec\n    return a\n", 0},
		{"body", "def f(a):\n    return a  # nosec\n", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := run(t, tt.src, defRule)
			if len(got) != tt.want {
				t.Fatalf("got %d findings; want %d", len(got), tt.want)
			}
			if len(got) == 1 && got[0].Snippet != "def f(a):" {
				t.Errorf("snippet of a def = %q; want its first line", got[0].Snippet)
			}
		})
	}
}
