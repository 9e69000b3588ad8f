package semantic

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/kraitsec/krait/internal/python/ast"
)

var cpython = flag.Bool("cpython", false, "compare name resolution with CPython 3.14's compiler over the stdlib (runs py314; minutes)")

// loadOpsScript compiles every stdlib file with CPython and prints, for each
// name-loading instruction, "file line col name opcode". It reads the stdlib
// root and the output path from stdin, since py314 passes no arguments.
const loadOpsScript = `import dis, os, sys, warnings
warnings.simplefilter("ignore")
root, out = sys.stdin.read().split()
skip = {"LOAD_FAST_AND_CLEAR", "LOAD_FAST_LOAD_FAST", "LOAD_FAST_BORROW_LOAD_FAST_BORROW"}
kinds = {"LOAD_FAST", "LOAD_FAST_BORROW", "LOAD_FAST_CHECK", "LOAD_DEREF", "LOAD_GLOBAL", "LOAD_NAME",
         "LOAD_FROM_DICT_OR_DEREF", "LOAD_FROM_DICT_OR_GLOBALS"}
with open(out, "w") as w:
    for dp, dn, fn in os.walk(root):
        if "site-packages" in dp:
            continue
        for f in fn:
            if not f.endswith(".py"):
                continue
            p = os.path.join(dp, f)
            rel = os.path.relpath(p, root)
            try:
                code = compile(open(p, "rb").read(), rel, "exec")
            except Exception:
                continue
            stack = [code]
            while stack:
                c = stack.pop()
                stack.extend(k for k in c.co_consts if hasattr(k, "co_code"))
                for ins in dis.get_instructions(c):
                    pos = ins.positions
                    if ins.opname in kinds and pos is not None and pos.lineno is not None:
                        w.write("%s\t%d\t%d\t%s\t%s\n" % (rel, pos.lineno, pos.col_offset, ins.argval, ins.opname))
`

// TestAgainstCPython checks Build's name resolution against the instruction
// CPython's compiler chooses for each name load in the stdlib: fast and
// deref loads must resolve to a function-like scope, global loads to the
// module or beyond, LOAD_NAME to the module or a class, and the class-dict
// loads of annotation scopes to the class or the scope that follows it.
func TestAgainstCPython(t *testing.T) {
	if !*cpython {
		t.Skip("run with -cpython")
	}
	py, err := exec.LookPath("py314")
	if err != nil {
		t.Skip("py314 not found")
	}
	corpus := stdlibCorpus(t)
	dir := t.TempDir()
	script, out := filepath.Join(dir, "ops.py"), filepath.Join(dir, "ops.tsv")
	if err := os.WriteFile(script, []byte(loadOpsScript), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(py, script)
	cmd.Stdin = strings.NewReader("/host" + stdlibDir + "\n/host" + out + "\n")
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("py314: %v\n%s", err, msg)
	}
	allowed := map[string]string{
		"LOAD_FAST": "F", "LOAD_FAST_BORROW": "F", "LOAD_FAST_CHECK": "F", "LOAD_DEREF": "F",
		"LOAD_GLOBAL": "G", "LOAD_NAME": "GC", "LOAD_FROM_DICT_OR_DEREF": "CF", "LOAD_FROM_DICT_OR_GLOBALS": "CG",
	}
	type load struct {
		line, col  int
		name, code string
	}
	loads := map[string][]load{}
	fh, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 5 {
			continue
		}
		line, _ := strconv.Atoi(f[1])
		col, _ := strconv.Atoi(f[2])
		loads[f[0]] = append(loads[f[0]], load{line, col, f[3], f[4]})
	}
	agree, disagree := 0, 0
	for _, f := range corpus {
		m := Build(f.mod, f.opts)
		mine := map[string]*Use{}
		ast.Inspect(f.mod, func(n ast.Node) bool {
			if x, ok := n.(*ast.Name); ok && x.Ctx == ast.Load {
				mine[fmt.Sprintf("%d:%d:%s", x.Lineno, x.ColOffset, x.ID)] = m.Use(x)
			}
			return true
		})
		for _, l := range loads[f.rel] {
			u := mine[fmt.Sprintf("%d:%d:%s", l.line, l.col, l.name)]
			if u == nil || u.Kind == UseImplicit {
				continue // an instruction without a Name, or __class__ and kin
			}
			class := "G"
			if u.Kind == UseSymbol {
				switch u.Symbol.Scope.Kind {
				case ScopeModule:
				case ScopeClass:
					class = "C"
				default:
					class = "F"
				}
			}
			if strings.Contains(allowed[l.code], class) {
				agree++
				continue
			}
			disagree++
			if disagree <= 30 {
				t.Errorf("%s:%d:%d: %s is %s in CPython, %s here", f.rel, l.line, l.col, l.name, l.code, describe(u))
			}
		}
	}
	t.Logf("%d name loads agree with CPython, %d disagree", agree, disagree)
}
