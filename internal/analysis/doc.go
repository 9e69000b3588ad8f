// Package analysis holds the contract between rules and the rest of krait: the metadata a
// rule declares and the findings it reports. The rule framework (passes, node dispatch)
// is built on top of these types.
package analysis
