# gen_golden.py writes tokens.golden from snippets.txt with CPython 3.14.
# It runs under py314 (pyodide), driven by `go test -run TestGolden -update`,
# which defines SNIPPETS and OUT (paths as pyodide sees them) before this
# text. Tokens come from the C tokenizer in parser mode (_tokenize with
# extra_tokens=False), rewritten into the token package's contract:
# byte columns, Newline ending after its '\n', f-string middles merged and
# never empty. Errors come from ast.parse(bytes), as krait reports them.
import _tokenize, ast, io, json, token, warnings


def unquote(s):
    return ast.literal_eval(s)


def read_snippets(path):
    out = []
    for raw in open(path, encoding="utf-8"):
        line = raw.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        name, _, lit = line.partition(" ")
        out.append((name, unquote(lit)))
    return out


def tokens(src):
    data = src.encode("utf-8")
    text = src if src.endswith("\n") or not src else src + "\n"
    lines = text.split("\n")
    bstarts = [0, 0]  # bstarts[n] is the byte offset of line n (1-based)
    off = 0
    for ln in lines:
        off += len(ln.encode("utf-8")) + 1
        bstarts.append(off)

    def bcol(line, col):
        if col < 0:
            return -1
        return len(lines[line - 1][:col].encode("utf-8"))

    def offset(line, bc):
        return min(bstarts[line] + bc, len(data))

    raw, err = [], None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for t in _tokenize.TokenizerIter(io.StringIO(text).readline, extra_tokens=False):
                raw.append(t)
    except SyntaxError as e:
        err = e
    except Exception as e:  # the readline tokenizer has bugs of its own
        return ["UNUSABLE %s" % type(e).__name__]
    out = []
    for t in raw:
        typ, string, (sl, sc), (el, ec) = t[0], t[1], t[2], t[3]
        name = _tokenize_name(typ)
        sbc, ebc = bcol(sl, sc), bcol(el, ec)
        if name == "NEWLINE":
            ebc += 1
        out.append([name, sl, sbc, el, ebc])
    # Merge runs of middles, restoring the second brace of "{{"/"}}".
    merged = []
    i = 0
    while i < len(out):
        t = out[i]
        if t[0] in ("FSTRING_MIDDLE", "TSTRING_MIDDLE"):
            j = i
            while j + 1 < len(out) and out[j + 1][0] == t[0]:
                j += 1
            last = out[j]
            end_line, end_col = last[3], last[4]
            e = offset(end_line, end_col)
            if j + 1 < len(out):
                nxt = out[j + 1]
                if nxt[2] >= 0 and offset(nxt[1], nxt[2]) == e + 1 and data[e:e + 1] in (b"{", b"}"):
                    end_col += 1
            m = [t[0], t[1], t[2], end_line, end_col]
            if not (m[1] == m[3] and m[2] == m[4]):
                merged.append(m)
            i = j + 1
            continue
        merged.append(t)
        i += 1
    lines_out = []
    for name, sl, sc, el, ec in merged:
        if sc < 0:
            lines_out.append("%s %d" % (name, sl))
            continue
        s, e = offset(sl, sc), offset(el, ec)
        lines_out.append("%s %d-%d %d:%d-%d:%d %s" % (name, s, e, sl, sc, el, ec, json.dumps(data[s:e].decode("utf-8"))))
    if err is not None:
        lines_out.append("TOKENIZER-ERROR")
    return lines_out


def _tokenize_name(typ):
    return token.tok_name[typ]


def parse_result(src):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse(src.encode("utf-8"))
        return "PARSE ok"
    except SyntaxError as e:
        return "PARSE %s %d:%d %s" % (type(e).__name__, e.lineno or 0, e.offset or 0, json.dumps(e.msg))
    except Exception as e:  # what ast.parse raises besides SyntaxError
        return "PARSE %s 0:0 %s" % (type(e).__name__, json.dumps(str(e)))


with open(OUT, "w", encoding="utf-8") as f:
    for name, src in read_snippets(SNIPPETS):
        f.write("=== %s\n" % name)
        for line in tokens(src):
            f.write(line + "\n")
        f.write(parse_result(src) + "\n")
