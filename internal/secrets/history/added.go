package history

import "bytes"

// addedLines returns the 1-based numbers of the lines of data whose text old
// does not have, counting repeats: a line the commit moved is not new, a line
// it wrote a second time is. Unlike a minimal diff, this takes linear time on
// any input, and a secret that was already in the file is not new wherever it
// moves. A nil old (a new file) makes every line added.
func addedLines(old, data []byte) map[int]bool {
	have := map[string]int{}
	forLines(old, func(_ int, line []byte) {
		have[string(bytes.TrimRight(line, "\r"))]++
	})
	added := map[int]bool{}
	forLines(data, func(n int, line []byte) {
		k := string(bytes.TrimRight(line, "\r"))
		if have[k] > 0 {
			have[k]--
			return
		}
		if len(bytes.TrimSpace(line)) > 0 {
			added[n] = true
		}
	})
	return added
}

// forLines calls fn with each line of data and its 1-based number.
func forLines(data []byte, fn func(n int, line []byte)) {
	for n := 1; len(data) > 0; n++ {
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			fn(n, data)
			return
		}
		fn(n, data[:i])
		data = data[i+1:]
	}
}
