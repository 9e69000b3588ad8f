// dump.mjs prints CPython 3.14's reference line for each Python file it is given.
//
// Usage:
//   node dump.mjs [--pyodide DIR] [--list FILE|-] [FILE ...]
//
// For every input file it writes exactly one line to stdout, in input order:
//
//   <path> TAB <result>
//
// where <result> is one of
//   ast.dump(ast.parse(raw_bytes), include_attributes=True, show_empty=True)
//   "SyntaxError: <lineno>:<offset>: <msg>"            ast.parse raised SyntaxError
//   "SyntaxError: 0:0: <ExcType>: <msg>"                ast.parse raised anything else
//   "DumpError: <ExcType>: <msg>"                       parsing worked but ast.dump failed
//   "ReadError: <msg>"                                  the file could not be read
//   "DumpError: pyodide crashed: <msg>"                 pyodide died; this is the last line
// The first two forms are "rejected" files. <lineno>/<offset> are CPython's own values
// (offset is 1-based and counts characters); a missing value prints as 0.
//
// One Node process serves the whole corpus because starting pyodide takes seconds, and
// lines are written as soon as each file is done so that callers can stream them.
// The pyodide package is looked up in --pyodide DIR (a node_modules directory), then in
// $KRAIT_PYODIDE_DIR, then in ../../.cache/conformance/node/node_modules next to this file.

import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath, pathToFileURL } from "node:url";

const CRASH = "DumpError: pyodide crashed: ";

const PY_SETUP = String.raw`
import ast, warnings

def _krait_clean(text):
    # One result must stay on one line of the TSV stream.
    return text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")

def _krait_dump(buf):
    data = buf.to_bytes()
    try:
        # SyntaxWarning and DeprecationWarning would otherwise reach stdout via pyodide.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(data)
    except SyntaxError as e:
        lineno = 0 if e.lineno is None else e.lineno
        offset = 0 if e.offset is None else e.offset
        return f"SyntaxError: {lineno}:{offset}: {_krait_clean(str(e.msg))}"
    except BaseException as e:
        return f"SyntaxError: 0:0: {type(e).__name__}: {_krait_clean(str(e))}"
    try:
        return ast.dump(tree, include_attributes=True, show_empty=True)
    except BaseException as e:
        return f"DumpError: {type(e).__name__}: {_krait_clean(str(e))}"
`;

function usage(msg) {
  process.stderr.write(`dump.mjs: ${msg}\nusage: node dump.mjs [--pyodide DIR] [--list FILE|-] [FILE ...]\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { pyodide: process.env.KRAIT_PYODIDE_DIR || "", lists: [], files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--pyodide" || a === "--list") {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      if (a === "--pyodide") opts.pyodide = argv[++i];
      else opts.lists.push(argv[++i]);
    } else if (a === "--") {
      opts.files.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith("--")) {
      usage(`unknown option ${a}`);
    } else {
      opts.files.push(a);
    }
  }
  return opts;
}

async function importPyodide(dir) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [];
  if (dir) candidates.push(dir);
  candidates.push(path.join(here, "..", "..", ".cache", "conformance", "node", "node_modules"));
  for (const c of candidates) {
    const entry = path.join(c, "pyodide", "pyodide.mjs");
    if (fs.existsSync(entry)) return import(pathToFileURL(entry).href);
  }
  usage(`pyodide not found (looked in ${candidates.join(", ")}); run conformance/run once to install it`);
}

// inputs yields file paths from the arguments first, then from each list file.
async function* inputs(opts) {
  yield* opts.files;
  for (const list of opts.lists) {
    const stream = list === "-" ? process.stdin : fs.createReadStream(list);
    const rl = readline.createInterface({ input: stream, crlfDelay: Infinity });
    for await (const line of rl) {
      if (line !== "") yield line;
    }
  }
}

async function write(text) {
  if (!process.stdout.write(text)) {
    await new Promise((resolve) => process.stdout.once("drain", resolve));
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const { loadPyodide } = await importPyodide(opts.pyodide);
  // Pyodide's own stdout/stderr must never mix with the result stream.
  const py = await loadPyodide({ stdout: () => {}, stderr: (s) => process.stderr.write(s + "\n") });
  py.runPython(PY_SETUP);
  const dump = py.globals.get("_krait_dump");
  process.stdout.on("error", (err) => {
    if (err.code === "EPIPE") process.exit(0);
    throw err;
  });
  for await (const file of inputs(opts)) {
    if (/[\t\n\r]/.test(file)) usage(`path contains a tab or newline: ${JSON.stringify(file)}`);
    let result;
    let data;
    try {
      data = fs.readFileSync(file);
    } catch (err) {
      result = `ReadError: ${String(err.message).replace(/[\t\n\r]/g, " ")}`;
    }
    if (data !== undefined) {
      // A fresh Uint8Array view keeps the proxy to exactly this file's bytes.
      try {
        result = dump(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      } catch (err) {
        // Pyodide cannot go on after a fatal error (usually its stack overflowing on a
        // deeply nested file), so this file gets a marker and the process stops; the
        // harness restarts it for the files after this one.
        await write(`${file}\t${CRASH}${String(err && err.message).replace(/[\t\n\r]/g, " ")}\n`);
        process.exitCode = 3;
        return;
      }
    }
    await write(`${file}\t${result}\n`);
  }
  dump.destroy();
}

await main();
