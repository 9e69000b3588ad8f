package parser

// lists builds the slices of one element type for one parse. While a list
// is open its elements sit on a stack shared by all lists of the type (lists
// nest as the rules that build them do: an inner list is closed before the
// outer one); a closed list is copied into a chunk of exactly sized slices.
// A file's lists then cost a few allocations instead of one or more each.
//
// Every rule that opens a list (mark) must close it (take or drop) on each
// path out, or an enclosing list would take the leftovers.
type lists[T any] struct {
	stack []T
	chunk []T
}

// Chunk sizes: small files get small chunks; a long list is allocated alone.
const (
	minChunk = 16
	maxChunk = 512
)

// mark opens a list: it returns where the list starts on the stack.
func (l *lists[T]) mark() int { return len(l.stack) }

// push adds x to the innermost open list.
func (l *lists[T]) push(x T) { l.stack = append(l.stack, x) }

// count is the number of elements of the list opened at mark.
func (l *lists[T]) count(mark int) int { return len(l.stack) - mark }

// drop closes the list opened at mark, discarding its elements.
func (l *lists[T]) drop(mark int) {
	clear(l.stack[mark:])
	l.stack = l.stack[:mark]
}

// take closes the list opened at mark and returns its elements, nil when
// there are none.
func (l *lists[T]) take(mark int) []T {
	n := len(l.stack) - mark
	if n == 0 {
		return nil
	}
	out := l.alloc(n)
	copy(out, l.stack[mark:])
	l.drop(mark)
	return out
}

// reclaim empties the stack for the next parse, dropping what an error
// left open, and returns it.
func (l *lists[T]) reclaim() []T {
	clear(l.stack)
	return l.stack[:0]
}

// one returns a one-element slice holding x.
func (l *lists[T]) one(x T) []T {
	out := l.alloc(1)
	out[0] = x
	return out
}

// alloc returns a zeroed slice of length and capacity n: an append to it
// reallocates instead of overwriting a neighbour.
func (l *lists[T]) alloc(n int) []T {
	if n > cap(l.chunk)-len(l.chunk) {
		if n > maxChunk/4 {
			return make([]T, n)
		}
		l.chunk = make([]T, 0, max(n, min(max(2*cap(l.chunk), minChunk), maxChunk)))
	}
	i := len(l.chunk)
	l.chunk = l.chunk[:i+n]
	return l.chunk[i : i+n : i+n]
}
