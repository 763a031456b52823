package fix

// contextLines is the number of unchanged lines shown around each change.
const contextLines = 3

// hunk is a run of diff lines: changes with their context.
type hunk struct {
	// oldStart and newStart count the lines of the old and new text before the
	// hunk's first line.
	oldStart, newStart int
	oldLen, newLen     int
	lines              []diffLine
}

// oldRange returns the 1-based first and last lines of the old text the hunk
// covers; for a hunk that covers no old line, both are the line before it.
func (h hunk) oldRange() (first, last int) {
	if h.oldLen == 0 {
		return h.oldStart, h.oldStart
	}
	return h.oldStart + 1, h.oldStart + h.oldLen
}

// groupHunks cuts a diff into hunks with up to ctx unchanged lines of context on
// each side of a change. Changes separated by at most 2*ctx unchanged lines
// share a hunk, as in diff -u.
func groupHunks(lines []diffLine, ctx int) []hunk {
	var hunks []hunk
	oldPos, newPos := 0, 0 // lines of each side before lines[pos]
	pos := 0
	advance := func(to int) {
		for ; pos < to; pos++ {
			if lines[pos].kind != add {
				oldPos++
			}
			if lines[pos].kind != remove {
				newPos++
			}
		}
	}
	for {
		first := pos
		for first < len(lines) && lines[first].kind == keep {
			first++
		}
		if first == len(lines) {
			return hunks
		}
		last := first // the hunk's last changed line
		for k := first + 1; k < len(lines); k++ {
			if lines[k].kind != keep {
				last = k
			} else if k-last > 2*ctx {
				break
			}
		}
		from := max(first-ctx, pos)
		to := min(last+1+ctx, len(lines))
		advance(from)
		h := hunk{oldStart: oldPos, newStart: newPos, lines: lines[from:to]}
		advance(to)
		h.oldLen, h.newLen = oldPos-h.oldStart, newPos-h.newStart
		hunks = append(hunks, h)
	}
}
