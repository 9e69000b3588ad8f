package tomlpos

import (
	"strings"
	"testing"
)

const doc = `# comment
[project]
name = "x"
dependencies = [
  "a>=1",   # first
  # a comment between elements
  "b",
]
optional-dependencies.test = ["c", "d"]

[tool.poetry.dependencies]
python = "^3.9"
requests = { version = "^2.0", extras = ["socks"] }

[[tool.poetry.source]]
name = "one"

[[tool.poetry.source]]
name = "two"

[tool.poetry.source.extra]
k = "v"

[[a.b]]
[[a.b.c]]
x = 1
[[a.b]]
[[a.b.c]]
x = 2
nested = [[1, 2], {k = "v"}]
`

func TestLine(t *testing.T) {
	x, err := Build([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path []string
		want int
	}{
		{[]string{"project"}, 2},
		{[]string{"project", "dependencies"}, 4},
		{[]string{"project", "dependencies", Elem(0)}, 5},
		{[]string{"project", "dependencies", Elem(1)}, 7},
		{[]string{"project", "dependencies", Elem(2)}, 0},
		{[]string{"project", "optional-dependencies", "test", Elem(1)}, 9},
		{[]string{"tool", "poetry", "dependencies", "requests"}, 13},
		{[]string{"tool", "poetry", "dependencies", "requests", "extras", Elem(0)}, 13},
		{[]string{"tool", "poetry", "source", Elem(0), "name"}, 16},
		{[]string{"tool", "poetry", "source", Elem(1)}, 18},
		{[]string{"tool", "poetry", "source", Elem(1), "name"}, 19},
		{[]string{"tool", "poetry", "source", Elem(1), "extra", "k"}, 22},
		{[]string{"a", "b", Elem(1), "c", Elem(0), "x"}, 29},
		{[]string{"a", "b", Elem(0), "c", Elem(0), "x"}, 26},
		{[]string{"a", "b", Elem(1), "c", Elem(0), "nested", Elem(1), "k"}, 30},
		{[]string{"missing"}, 0},
	}
	for _, tt := range tests {
		if got := x.Line(tt.path...); got != tt.want {
			t.Errorf("Line(%s) = %d, want %d", strings.Join(tt.path, "."), got, tt.want)
		}
	}
}

func TestBuildError(t *testing.T) {
	_, err := Build([]byte("a = 1\nb = [\n"))
	if err == nil || !strings.Contains(err.Error(), "line ") {
		t.Errorf("err = %v, want a parse error with its line", err)
	}
}

func FuzzBuild(f *testing.F) {
	f.Add(doc)
	f.Fuzz(func(t *testing.T, s string) {
		x, err := Build([]byte(s))
		if err == nil {
			x.Line("a", Elem(0))
		}
	})
}
