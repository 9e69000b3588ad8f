// Package secrets finds hard-coded credentials in every text file of a project:
// provider keys and tokens by their format (with a keyword prefilter, so that a
// pattern's regular expression runs only on lines where its keywords occur),
// secret-like names bound to literals in configuration formats, credentials
// inside URLs, and high-entropy values next to secret-like context. New returns
// the analysis.FileAnalyzer that the scan runs on its worker pool.
//
// Findings never carry a whole secret: messages and snippets show its first four
// characters, and fingerprints hash a digest of it with the rule code, the path
// and the provider, never the line, so that baselines and the git-history scan
// recognise a secret wherever it moves.
package secrets
