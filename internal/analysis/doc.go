// Package analysis holds the contract between rules and the rest of krait, and the
// engine that runs rules. A Rule declares its metadata, the node kinds it wants and,
// for calls, the callee names it looks for (Callees); the Engine walks each parsed
// file once, hands every node only to the rules that asked for it through a Pass, and
// turns their Diagnostics into Findings: rule metadata, 1-based positions, a snippet,
// suppression comments (# nosec, # noqa, # krait: ignore) applied per statement, and
// fingerprints that survive line moves (Fingerprinter). Facts about a whole file that
// rules ask for on many nodes are computed once per file (FileKey, FileFact).
package analysis
