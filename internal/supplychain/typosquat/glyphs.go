package typosquat

import (
	"math"
	"strings"
)

// glyphSkeleton folds character runs that look alike in most fonts into one
// form, so that "requirernents" and "requirements" share a skeleton. Lowercase
// only: names are compared normalised, which turns "jeIlyfish" into
// "jeilyfish" (an 'i' for an 'l').
var glyphSkeleton = strings.NewReplacer("rn", "m", "vv", "w", "cl", "d", "1", "l", "i", "l", "0", "o")

// skeleton is a name's look-alike form, without separators.
func skeleton(n string) string { return glyphSkeleton.Replace(collapse(n)) }

// lookAlike reports whether one character passes for the other.
func lookAlike(a, b byte) bool {
	pair := func(x, y byte) bool { return a == x && b == y || a == y && b == x }
	return pair('l', '1') || pair('l', 'i') || pair('i', '1') || pair('o', '0')
}

// qwertyRows are the rows of a QWERTY keyboard, top to bottom; keyPos knows
// how far each row is shifted from the one above.
const qwertyRows = "1234567890 qwertyuiop asdfghjkl zxcvbnm"

// keyPos places a key on a staggered QWERTY keyboard: its row and its column
// offset by the row's stagger.
func keyPos(c byte) (row, col float64, ok bool) {
	offsets := [...]float64{0, 0.5, 0.75, 1.25}
	for r, keys := range strings.Fields(qwertyRows) {
		if i := strings.IndexByte(keys, c); i >= 0 {
			return float64(r), float64(i) + offsets[r], true
		}
	}
	return 0, 0, false
}

// keyboardAdjacent reports whether two keys touch on a QWERTY keyboard.
func keyboardAdjacent(a, b byte) bool {
	ra, ca, oka := keyPos(a)
	rb, cb, okb := keyPos(b)
	if !oka || !okb || a == b {
		return false
	}
	dr, dc := math.Abs(ra-rb), math.Abs(ca-cb)
	switch dr {
	case 0:
		return dc == 1
	case 1:
		return dc <= 0.8
	}
	return false
}
