package literal

import (
	"encoding/hex"
	"encoding/json"
	"flag"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kraitsec/krait/internal/python/ast"
)

var update = flag.Bool("update", false, "regenerate testdata/cpython.json with py314 (CPython 3.14 under Node)")

const goldenPath = "testdata/cpython.json"

// goldenCase is one literal and CPython's verdict on it: Value is the hex of
// the value's bytes (str as UTF-8 with surrogates passed through), an int's
// decimal digits, or a float's (or imaginary part's) IEEE bits in hex.
type goldenCase struct {
	Kind  string `json:"kind"` // str, bytes, fstring or number
	Raw   bool   `json:"raw,omitempty"`
	Text  string `json:"text"`
	Value string `json:"value,omitempty"`
	Error string `json:"error,omitempty"`
}

func goldenInputs() []goldenCase {
	var cs []goldenCase
	add := func(kind string, raw bool, texts ...string) {
		for _, t := range texts {
			cs = append(cs, goldenCase{Kind: kind, Raw: raw, Text: t})
		}
	}
	add("str", false, strCases...)
	add("str", true, `\x`, `\N{BEL}`, `a\\b`, "\\\n", `é\u12`)
	add("bytes", false, bytesCases...)
	add("bytes", true, `\x`, `\N{BEL}`, `a\\b`, "\\\n", `é`, `\é`)
	add("fstring", false, fstringCases...)
	add("fstring", true, `\x`, `\N`, `a{{b}}`, `\{{`, `\\{{}}`, `\d{{`)
	add("number", false, numberCases...)
	add("str", false, randomBodies(300)...)
	return cs
}

var strCases = []string{
	"", "plain", "é😀", `\\`, `\'`, `\"`, `\a\b\f\n\r\t\v`, "a\\\nb", "\\\n", `\0`, `\00`, `\000`, `\0000`,
	`\7`, `\17`, `\177`, `\377`, `\400`, `\777`, `\1234`, `\8`, `\9`, `\08`, `\x41`, `\xff`, `\xFf`, `\x`,
	`\x4`, `\x4g`, `ab\x4g`, `\xg`, `\u00e9`, `\u20AC`, `\ud800`, `\udfff`, `\ud83d\ude00`, `\U0001F600`,
	`\U0010ffff`, `\U00110000`, `\UFFFFFFFF`, `\U1234`, `\u12`, `\u`, `\U`, `\N`, `\N{`, `\N{}`, `\Nx`,
	`\N{BEL`, `\N{LATIN SMALL LETTER A}`, `\N{latin small letter a}`, `\N{LaTiN sMaLl LeTtEr A}`,
	`\N{EM SPACE}`, `\N{NOPE}`, `\N{ LATIN SMALL LETTER A}`, `\N{LATIN  SMALL LETTER A}`,
	`\N{latin_small_letter_a}`, `\N{é}`, `\N{aé}x`, `\N{BEL}`, `\N{bel}`, `\N{LF}`, `\N{LINE FEED}`,
	`\N{NULL}`, `\N{NBSP}`, `\N{BYTE ORDER MARK}`, `\N{LATIN CAPITAL LETTER GHA}`, `\N{KEYCAP NUMBER SIGN}`,
	`\N{LATIN CAPITAL LETTER A WITH MACRON AND GRAVE}`, `\N{HANGUL SYLLABLE GA}`, `\N{HANGUL SYLLABLE GAG}`,
	`\N{HANGUL SYLLABLE GGWAELH}`, `\N{HANGUL SYLLABLE A}`, `\N{hangul syllable GA}`, `\N{HANGUL SYLLABLE ga}`,
	`\N{HANGUL SYLLABLE }`, `\N{HANGUL SYLLABLE}`, `\N{CJK UNIFIED IDEOGRAPH-4E00}`,
	`\N{CJK UNIFIED IDEOGRAPH-04E00}`, `\N{CJK UNIFIED IDEOGRAPH-4e00}`, `\N{cjk unified ideograph-4E00}`,
	`\N{CJK UNIFIED IDEOGRAPH-20000}`, `\N{CJK UNIFIED IDEOGRAPH-A000}`, `\N{CJK UNIFIED IDEOGRAPH-323AF}`,
	`\N{CJK COMPATIBILITY IDEOGRAPH-F900}`, `\N{cjk compatibility ideograph-f900}`,
	`\N{TANGUT IDEOGRAPH-17000}`, `\N{EGYPTIAN HIEROGLYPH-13460}`, `\N{egyptian hieroglyph-143fa}`,
	`\N{EGYPTIAN HIEROGLYPH-143FB}`, `\N{EGYPTIAN HIEROGLYPH A001}`, `\N{KHITAN SMALL SCRIPT CHARACTER-18B00}`,
	`\N{NUSHU CHARACTER-1B170}`, `\N{SPACE}x\N{SPACE}`, `\N{` + strings.Repeat("A", 300) + `}`,
	`\q`, `\Q`, `\ `, `\é`, `\\é\x`, `é\x`, `éé\x41\x`, `\{`, `\}`, `\z\x`, `a\\\x`, `😀\N{X}`,
	"\\N{LATIN\nSMALL}", "line1\nline2\\x", `\u00`, `\U0000D800`, `\101\x42\u0043\U00000044\N{LATIN CAPITAL LETTER E}`,
}

var bytesCases = []string{
	"", "plain", `\\`, `\'`, `\"`, `\a\b\f\n\r\t\v`, "a\\\nb", `\0`, `\07`, `\177`, `\377`, `\400`, `\777`,
	`\1234`, `\8`, `\x41`, `\xff`, `\xFF`, `\x`, `\x4`, `\x4g`, `ab\x4g`, `\xzz`, `\u1234`, `\U00000041`,
	`\N{BEL}`, `\q`, `é`, `a\x41é`, "\x7f", `a\\\x`, `\x41\x`, `ab\xG1`,
}

var fstringCases = []string{
	"", "plain", "a{{b}}c", "{{", "}}", "{{}}", "é{{", `\{{x`, `\}}x`, `\\{{x`, `\\\{{x`, `\N{BEL}`,
	`\N{BEL}}}`, `{{\N{BEL}`, `\N{bel}`, `\N{x}`, `\x`, `abc\x`, `{{\x`, `a{{b\x4`, `é{{é\x4`, `\x41{{`, `\400`,
	`\`, `a\`, `\\`, `\q{{`, `}}\N{LATIN SMALL LETTER A}}}`, "a\nb{{\\\nc", `\{{\}}`, `{{{{`, `\N{BEL}{{\x`,
}

var numberCases = []string{
	"0", "00", "000", "0_0", "7", "1_000", "123456789012345678901234567890", "18446744073709551615",
	"18446744073709551616", "0x1F", "0X1f", "0x_1f", "0o17", "0O7_7", "0b101", "0B1_0", "0xffffffffffffffff",
	"0x10000000000000000", "0b" + strings.Repeat("1", 100), "0o" + strings.Repeat("7", 40),
	"1.0", "1.", ".5", "0.1", "1e5", "1E5", "1e+5", "1e-5", "1_0.5e-3", "1e400", "1e-400", "1e308", "1.7976931348623157e308",
	"1.7976931348623158e308", "1.7976931348623159e308", "5e-324", "2e-324", "3e-324", "2.4703282292062328e-324",
	"123456789012345678.0", "0.30000000000000004", "1e16", "9007199254740993.0", "00.5", "0e0", "1_2.3_4e5_6",
	"1j", "1J", "0j", "1.5e3J", "1e400j", "10_0j", "007j", ".5j", "1.j", "1e-400j",
	"3.141592653589793238462643383279502884197169399375105820974944592307816406286",
}

// randomBodies makes reproducible str bodies from fragments that stress the
// escape decoder, its error positions and the non-ASCII rewriting.
func randomBodies(n int) []string {
	frags := []string{"a", "é", "😀", `\\`, `\x`, `\x4`, `\x41`, `\u`, `\u00e9`, `\ud800`, `\U0001F600`,
		`\U00110000`, `\N{BEL}`, `\N{`, `\N{NOPE}`, `\N{é}`, `\0`, `\777`, `\q`, `\é`, "\\\n", "\n", "{", "}", `\8`, `1`, `f`}
	rng := rand.New(rand.NewPCG(1, 2))
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		for range 1 + rng.IntN(6) {
			b.WriteString(frags[rng.IntN(len(frags))])
		}
		out[i] = b.String()
	}
	return out
}

func decodeGolden(c goldenCase) (string, error) {
	switch c.Kind {
	case "str":
		v, err := DecodeStr(c.Text, c.Raw)
		return hex.EncodeToString([]byte(v)), err
	case "bytes":
		v, err := DecodeBytes(c.Text, c.Raw)
		return hex.EncodeToString([]byte(v)), err
	case "fstring":
		v, err := DecodeFStringMiddle(c.Text, c.Raw)
		return hex.EncodeToString([]byte(v)), err
	}
	v, err := ParseNumber(c.Text)
	switch v.Kind {
	case ast.ConstInt:
		return v.S, err
	case ast.ConstFloat, ast.ConstComplex:
		return strconv.FormatUint(math.Float64bits(v.F), 16), err
	}
	return "", err
}

func TestCPythonGolden(t *testing.T) {
	inputs := goldenInputs()
	if *update {
		regenerate(t, inputs)
	}
	data, err := os.ReadFile(goldenPath)
	if err != nil {
		t.Fatal(err)
	}
	var want []goldenCase
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	if len(want) != len(inputs) {
		t.Fatalf("%s has %d cases, the test %d: run go test -update", goldenPath, len(want), len(inputs))
	}
	for i, w := range want {
		in := inputs[i]
		if in.Kind != w.Kind || in.Raw != w.Raw || in.Text != w.Text {
			t.Fatalf("case %d is %+v in %s but %+v in the test: run go test -update", i, w, goldenPath, in)
		}
		got := goldenCase{Kind: in.Kind, Raw: in.Raw, Text: in.Text}
		v, err := decodeGolden(in)
		if err != nil {
			got.Error = err.Error()
		} else {
			got.Value = v
		}
		if diff := cmp.Diff(w, got); diff != "" {
			t.Errorf("case %d (-cpython +literal):\n%s", i, diff)
		}
	}
}

// regenerate asks CPython 3.14 (py314, which sees host files under /host)
// for the value of every literal and rewrites the golden file.
func regenerate(t *testing.T, inputs []goldenCase) {
	t.Helper()
	dir, err := filepath.Abs(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	in, out := filepath.Join(dir, "in.json"), filepath.Join(dir, "out.json")
	data, err := json.Marshal(inputs)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	script := strings.NewReplacer("IN", strconv.Quote("/host"+in), "OUT", strconv.Quote("/host"+out)).Replace(goldenScript)
	cmd := exec.Command("py314")
	cmd.Stdin = strings.NewReader(script)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("py314: %v\n%s", err, msg)
	}
	res, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var cases []goldenCase
	if err := json.Unmarshal(res, &cases); err != nil {
		t.Fatal(err)
	}
	pretty, err := json.MarshalIndent(cases, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(goldenPath, append(pretty, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}

const goldenScript = `
import ast, json, struct, warnings
warnings.simplefilter('ignore')

def source(c):
    t, k = c['text'], c['kind']
    prefix = {'str': '', 'bytes': 'b', 'fstring': 'f', 'number': ''}[k]
    if k == 'number':
        return t
    if c.get('raw'):
        prefix = 'r' + prefix
    if k == 'fstring':
        t += '{x}'
    q = "'''"
    if q in t or t.endswith("'"):
        q = '"""'
    return prefix + q + t + q

def value(c, node):
    k = c['kind']
    if k == 'fstring':
        v = ''
        for part in node.values:
            if not isinstance(part, ast.Constant):
                break
            v += part.value
        node = ast.Constant(v)
    v = node.value
    if isinstance(v, bool) or not isinstance(v, (int, float, complex, str, bytes)):
        raise TypeError(repr(v))
    if isinstance(v, str):
        return v.encode('utf-8', 'surrogatepass').hex()
    if isinstance(v, bytes):
        return v.hex()
    if isinstance(v, int):
        return str(v)
    if isinstance(v, complex):
        v = v.imag
    return '%x' % struct.unpack('<Q', struct.pack('<d', v))[0]

cases = json.load(open(IN))
for c in cases:
    try:
        tree = ast.parse(source(c), mode='eval')
        c['value'] = value(c, tree.body)
    except SyntaxError as e:
        c['error'] = e.msg
json.dump(cases, open(OUT, 'w'))
`
