//go:build race

package audit

// raceEnabled says the race detector, which multiplies time and memory, is on.
const raceEnabled = true
