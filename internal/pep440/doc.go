// Package pep440 parses and compares Python package versions and version
// specifiers as PEP 440 defines them, and requirement strings and environment
// markers as PEP 508 defines them.
//
// It follows the reference implementation, pypa/packaging, where the PEPs
// leave room: the same spellings are accepted and normalised
// ("1.0.0-alpha.1" is "1.0.0a1"), the same specifiers are rejected (a
// wildcard only after == and !=, a local version only after == and !=), and
// Specifiers.Contains applies the same pre-release rule. Numbers in a version
// may be arbitrarily large, as in Python. Legacy strings that are not PEP 440
// versions ("2.0-SNAPSHOT", "latest") are errors, never a crash.
//
// The package has no third-party dependency: the only Go library for PEP 440
// at the time (aquasecurity/go-pep440-version v0.0.1) has no PEP 508 support,
// rejects arbitrary equality (===foobar), admits pre-releases into >=1.0, and gets
// ~=1.4.5a4 against 1.4.6 wrong.
package pep440
