// Package literal turns the text of Python number, string and bytes tokens
// into constant values exactly as CPython 3.14 does, with CPython's error
// messages for the literals it rejects.
//
// Escape decoding follows CPython's unicode-escape and bytes-escape codecs:
// str values are UTF-8, with lone surrogates (from escapes such as \ud800)
// encoded as 3-byte WTF-8 sequences, one per surrogate, so that "\ud83d\ude00"
// stays two code points as it does in Python. Unknown escapes are kept
// verbatim; CPython only warns about them.
package literal

//go:generate go run gen_aliases.go
