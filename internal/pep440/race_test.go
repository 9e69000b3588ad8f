//go:build race

package pep440

// raceEnabled reports whether the race detector is on; slow data-driven tests
// without concurrency skip then.
const raceEnabled = true
