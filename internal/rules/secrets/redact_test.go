package secrets

import (
	"strings"
	"testing"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/parser"
	"github.com/kraitsec/krait/internal/python/semantic"
)

// TestRedacted checks that no finding's snippet or message repeats a secret,
// however the literal spells it: escapes and implicit concatenation hide the
// value from a plain search of the source.
func TestRedacted(t *testing.T) {
	tests := []struct {
		name, src string
		secrets   []string
	}{
		{"assign", `DB_PASSWORD = "Zk9qL3pMx8Tq2vR7sN0w"`, []string{"Zk9qL3pMx8Tq2vR7sN0w"}},
		{"escaped", `DB_PASSWORD = "Zk9qL3pM\x78Tq2vR7sN0w"`, []string{`Zk9qL3pM\x78Tq2vR7sN0w`, "x8Tq2vR7sN0w"}},
		{"concatenated", `API_TOKEN = ("Zk9qL3pMx8Tq" "2vR7sN0wYbC4")`, []string{"Zk9qL3pMx8Tq", "2vR7sN0wYbC4"}},
		{"argument", `connect(password="Zk9qL3pMx8Tq2vR7sN0w")`, []string{"Zk9qL3pMx8Tq2vR7sN0w"}},
		{"default", "def f(token='Zk9qL3pMx8Tq2vR7sN0w'):\n    pass", []string{"Zk9qL3pMx8Tq2vR7sN0w"}},
		{"compare", "if password == 'Zk9qL3pMx8Tq2vR7sN0w':\n    pass", []string{"Zk9qL3pMx8Tq2vR7sN0w"}},
		{"signing", "import jwt\njwt.encode({}, 'Zk9qL3pMx8Tq2vR7sN0w')", []string{"Zk9qL3pMx8Tq2vR7sN0w"}},
		{"word_of_message", "import hmac\nhmac.new(b'key', b'msg', 'sha256')", []string{"'key'"}},
		{"multiline", "HEADERS = {\n    'X-API-Key':\n        'Zk9qL3pMx8Tq2vR7sN0w',\n}", []string{"Zk9qL3pMx8Tq2vR7sN0w"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := parser.Parse("app/x.py", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			m := semantic.Build(f.Module, semantic.Options{Module: "x"})
			findings, err := analysis.NewEngine(All()).Run("app/x.py", f, m)
			if err != nil {
				t.Fatal(err)
			}
			if len(findings) == 0 {
				t.Fatal("no finding")
			}
			for _, fd := range findings {
				if strings.Contains(fd.Message, "hard-coded …") {
					t.Errorf("message mangled by redaction: %q", fd.Message)
				}
				for _, s := range tt.secrets {
					if strings.Contains(fd.Snippet, s) || strings.Contains(fd.Message, s) {
						t.Errorf("%s finding shows %q: message %q, snippet %q", fd.Code, s, fd.Message, fd.Snippet)
					}
				}
			}
		})
	}
}
