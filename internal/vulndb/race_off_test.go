//go:build !race

package vulndb

// raceEnabled says the race detector, which multiplies memory use, is on.
const raceEnabled = false
