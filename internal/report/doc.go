// Package report writes the result of a scan in each of krait's output formats: text,
// json, sarif, markdown, junit and html. One file holds one format; every format reads
// the same Result, so a new format touches this package only.
package report
