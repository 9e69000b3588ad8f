package secrets

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/report"
)

// fakeToken is a GitHub-token-shaped value assembled at run time.
func fakeToken() string {
	return expandSample("{gh:ghp}", 7)
}

func TestInlineAllow(t *testing.T) {
	tok := fakeToken()
	tests := []struct {
		name, rel, line string
		found           bool
	}{
		{"plain", "ci.yml", "token: " + tok, true},
		{"krait_ignore", "ci.yml", "token: " + tok + "  # krait: ignore[KR332]", false},
		{"krait_ignore_other_code", "ci.yml", "token: " + tok + "  # krait: ignore[KR331]", true},
		{"nosec", "ci.yml", "token: " + tok + "  # nosec", false},
		{"detect_secrets", "app.js", "const t = '" + tok + "'; // pragma: allowlist secret", false},
		{"detect_secrets_html", "page.html", "<meta content=\"" + tok + "\"> <!-- pragma: allowlist secret -->", false},
		{"gitleaks", "app.ini", "token = " + tok + " ; gitleaks:allow", false},
		{"python", "app/gh.py", "gh = Github('" + tok + "')  # krait: ignore[github-token]", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := check(New(Options{}), tt.rel, tt.line+"\n")
			if got := len(fs) > 0; got != tt.found {
				t.Errorf("found = %v, want %v (%v)", got, tt.found, fs)
			}
		})
	}
}

// TestNoSecretInOutput checks the findings' JSON and every report format for
// the planted secrets.
func TestNoSecretInOutput(t *testing.T) {
	tok := fakeToken()
	aws := expandSample("{b:40}", 9)
	pw := "Pq7mZ2xLr9Wd"
	key := "-----BEGIN RSA PRIVATE KEY-----\n" + expandSample("{b:64}\n{b:64}\n{b:64}", 11) + "\n-----END RSA PRIVATE KEY-----\n"
	src := "GITHUB_TOKEN=" + tok + "\nAWS_SECRET_ACCESS_KEY=" + aws + "\nDB_PASSWORD=" + pw + "\nURL=postgres://app:" + pw + "x@db.acme.dev/app\n" +
		"KEY=\"" + strings.ReplaceAll(key, "\n", `\n`) + "\"\n" + key
	fs := check(New(Options{}), "deploy/.env", src)
	if len(fs) != 6 {
		t.Fatalf("got %d findings, want 6: %v", len(fs), fs)
	}
	out, err := json.Marshal(fs)
	if err != nil {
		t.Fatal(err)
	}
	// Every output format, as `krait scan -f` renders the findings.
	for _, format := range report.Formats() {
		r, err := report.New(format, report.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := r.Write(&buf, &report.Result{Version: "test", Findings: fs, Rules: Rules(), Stats: &report.Stats{}}); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if !bytes.Contains(buf.Bytes(), []byte("ghp_")) {
			t.Errorf("%s: the findings are not rendered:\n%s", format, buf.Bytes())
		}
		out = append(out, buf.Bytes()...)
	}
	secrets := []string{tok, aws, pw, pw + "x"}
	for _, line := range strings.Split(key, "\n") {
		if len(line) > 8 && !strings.HasPrefix(line, "-----") {
			secrets = append(secrets, line)
		}
	}
	for _, s := range secrets {
		if strings.Contains(string(out), s) {
			t.Errorf("output shows %q:\n%s", s, out)
		}
	}
}

// TestOnePerLine checks that an AWS key id and its secret on one line give one
// finding, also with another rule's finding between them.
func TestOnePerLine(t *testing.T) {
	id, secret, pw := "AKIA"+expandSample("{3:16}", 1), expandSample("{b:40}", 2), expandSample("{A:16}", 3)
	src := "ID=" + id + " DB=postgres://app:" + pw + "@db.acme.dev/app aws_secret_access_key=" + secret + "\n"
	var got []string
	for _, f := range check(New(Options{}), "deploy.sh", src) {
		got = append(got, f.Code+" "+f.Message[:strings.Index(f.Message, "(")])
	}
	want := []string{"KR381 hard-coded PostgreSQL password in a URL ", "KR331 hard-coded AWS secret access key "}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
}

// TestFingerprint checks that a secret keeps its fingerprint when lines move and
// that two secrets at the same place get different ones.
func TestFingerprint(t *testing.T) {
	a := New(Options{})
	tok := fakeToken()
	fp := func(src string) string {
		fs := check(a, "ci/.env", src)
		if len(fs) != 1 {
			t.Fatalf("got %d findings in %q", len(fs), src)
		}
		return fs[0].Fingerprint
	}
	moved := fp("\n\n# moved down\nGITHUB_TOKEN=" + tok + "\n")
	if diff := cmp.Diff(fp("GITHUB_TOKEN="+tok+"\n"), moved); diff != "" {
		t.Errorf("fingerprint changed when the line moved:\n%s", diff)
	}
	if fp("GITHUB_TOKEN="+expandSample("{gh:ghp}", 8)+"\n") == moved {
		t.Error("two different secrets share a fingerprint")
	}
}

func TestConfidence(t *testing.T) {
	tok := fakeToken()
	bad := tok[:len(tok)-1] + string("ab"[strings.IndexByte("ab", tok[len(tok)-1])+1&1])
	tests := []struct {
		name, rel, src string
		want           string
	}{
		{"valid_checksum", "ci.yml", "token: " + tok, "high"},
		{"bad_checksum", "ci.yml", "token: " + bad, "low"},
		{"fixture_path", "tests/fixtures/ci.yml", "token: " + tok, "medium"},
		{"npm_valid", ".npmrc", "//registry.npmjs.org/:_authToken=" + expandSample("{gh:npm}", 5), "high"},
		{"npm_bad_checksum", ".npmrc", "//registry.npmjs.org/:_authToken=npm_" + expandSample("{A:36}", 5), "medium"},
		{"stripe_test", ".env", "STRIPE_KEY=sk_test_" + expandSample("{A:24}", 3), "low"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := check(New(Options{TestKeys: true}), tt.rel, tt.src+"\n")
			if len(fs) != 1 || fs[0].Confidence.String() != tt.want {
				t.Errorf("got %v, want one finding of confidence %s", fs, tt.want)
			}
		})
	}
}

// TestEnabled checks that switched-off rules report nothing.
func TestEnabled(t *testing.T) {
	src := []byte("GITHUB_TOKEN=" + fakeToken() + "\nDB_PASSWORD=Pq7mZ2xLr9Wd\n")
	a := New(Options{})
	for name, tt := range map[string]struct {
		on   func(string) bool
		want int
	}{
		"all":       {func(string) bool { return true }, 2},
		"none":      {func(string) bool { return false }, 0},
		"github":    {func(c string) bool { return c == "KR332" }, 1},
		"generic":   {func(c string) bool { return c == "KR380" }, 1}, // not the GitHub token
		"other_kr3": {func(c string) bool { return c == "KR301" }, 0},
	} {
		if got := len(a.Check(&analysis.Source{Path: ".env", Rel: ".env", Data: src}, tt.on)); got != tt.want {
			t.Errorf("%s: %d findings, want %d", name, got, tt.want)
		}
	}
}

// TestTestKeysOff checks that test-mode keys are left out by default.
func TestTestKeysOff(t *testing.T) {
	src := "STRIPE_KEY=sk_test_" + expandSample("{A:24}", 3) + "\nBT=access_token$sandbox$" + expandSample("{a:16}${h:32}", 4) + "\n"
	if fs := check(New(Options{}), ".env", src); len(fs) != 0 {
		t.Errorf("test keys reported by default: %v", fs)
	}
}

func TestWants(t *testing.T) {
	a := New(Options{})
	for rel, want := range map[string]bool{
		"app/main.py": true, ".env": true, ".env.production": true, "config/settings.yaml": true,
		"Dockerfile": true, "deploy.sh": true, "notebook.ipynb": true, "poetry.lock": true, "README.md": true,
		"static/app.min.js": false, "logo.png": false, "data/users.csv": false, "dist/app.js.map": false,
		"icons/logo.svg": false, ".env-prod": true, "deploy/values.yaml.j2": true,
	} {
		if got := a.Wants(rel, strings.HasSuffix(rel, ".py")); got != want {
			t.Errorf("Wants(%q) = %v, want %v", rel, got, want)
		}
	}
}

func TestLockFileHashes(t *testing.T) {
	lock := "[[package]]\nname = \"requests\"\nfiles = [\n    {file = \"requests-2.32.3.tar.gz\", hash = \"sha256:55365417734eb18255590a9ff9eb97e9e1da868d4ccd6402399eaf68af20a760\"},\n]\n"
	if fs := check(New(Options{}), "poetry.lock", lock); len(fs) != 0 {
		t.Errorf("findings in a lock file's hashes: %v", fs)
	}
}

func TestKindOf(t *testing.T) {
	for rel, want := range map[string]fileKind{
		".env": kindConfig, ".env-prod": kindConfig, "prod.env": kindConfig, "deploy/values.yaml.j2": kindConfig,
		"config/.env.example": kindConfig, "Dockerfile.prod": kindConfig, "docker-compose.override.yml": kindConfig,
		"web/app.ts": kindCode, "poetry.lock": kindLock, "requirements.lock": kindLock, "nb/analysis.ipynb": kindNotebook,
		"README.md": kindText, "scripts/tool.pyw": kindPython, "keys/id_rsa": kindText,
		".s3cfg": kindConfig, ".aws/credentials": kindConfig,
	} {
		if got, ok := kindOf(rel, false); !ok || got != want {
			t.Errorf("kindOf(%q) = %d, %v; want %d", rel, got, ok, want)
		}
	}
}
