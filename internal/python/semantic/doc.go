// Package semantic builds the semantic model of one Python module: its scopes
// with Python's compile-time name rules, the bindings each scope holds, what
// every loaded name refers to, the modules it imports, the qualified name of
// a callee (so that rules match `subprocess.Popen`, never the text `P`), and
// the constant value of an expression where the source fixes it.
//
// The model is built once per file by Build and is read-only afterwards, so
// any number of rules may query it concurrently.
//
// The model is flow-insensitive about which bindings exist (a name assigned
// anywhere in a function is local to all of it, as in CPython) but picks one
// binding "in effect" at each use by source order: the last binding of the
// name that textually precedes the use in the same straight-line code, or
// the last binding of all when the use sits in a function, lambda or lazily
// evaluated annotation that runs later. Branches are not tracked, so after
// `try: import a as x` / `except ImportError: x = None` the binding in effect
// is the assignment.
package semantic
