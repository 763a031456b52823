package fix

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

var hunkHeader = regexp.MustCompile(`^@@ -(\d+),(\d+) \+(\d+),(\d+) @@\n$`)

// applyPatch applies a patch as Diff writes it to text, strictly: commentary
// only before a section's header, sections in turn, and each hunk exactly at the
// old and new lines its header states, with its old lines matching byte for byte.
func applyPatch(text, patch string) (string, error) {
	lines := splitLines(patch)
	image := splitLines(text)
	i := 0
	sections := 0
	for i < len(lines) {
		l := lines[i]
		if !strings.HasSuffix(l, "\n") {
			return "", fmt.Errorf("line %d has no line end: %q", i+1, l)
		}
		if strings.HasPrefix(l, "#") {
			i++
			continue
		}
		if !strings.HasPrefix(l, "--- a/") && !strings.HasPrefix(l, `--- "a/`) {
			return "", fmt.Errorf("line %d: want a comment or a --- header, got %q", i+1, l)
		}
		if i+1 >= len(lines) || !strings.HasPrefix(lines[i+1], "+++ ") {
			return "", fmt.Errorf("line %d: --- without +++", i+1)
		}
		i += 2
		sections++
		var out []string
		pos := 0
		hunks := 0
		for i < len(lines) && strings.HasPrefix(lines[i], "@@") {
			m := hunkHeader.FindStringSubmatch(lines[i])
			if m == nil {
				return "", fmt.Errorf("line %d: bad hunk header %q", i+1, lines[i])
			}
			i++
			hunks++
			n := make([]int, 4)
			for k := range n {
				n[k], _ = strconv.Atoi(m[k+1])
			}
			var oldL, newL []string
			lastOld, lastNew := false, false // whether the previous body line reached each side
			for len(oldL) < n[1] || len(newL) < n[3] || (i < len(lines) && strings.HasPrefix(lines[i], `\`)) {
				if i >= len(lines) {
					return "", fmt.Errorf("hunk %d of section %d ends early", hunks, sections)
				}
				b := lines[i]
				i++
				if b == noNewline {
					if !lastOld && !lastNew {
						return "", fmt.Errorf("line %d: misplaced no-newline marker", i)
					}
					if lastOld {
						oldL[len(oldL)-1] = strings.TrimSuffix(oldL[len(oldL)-1], "\n")
					}
					if lastNew {
						newL[len(newL)-1] = strings.TrimSuffix(newL[len(newL)-1], "\n")
					}
					lastOld, lastNew = false, false
					continue
				}
				body := b[1:]
				switch b[0] {
				case ' ':
					oldL, newL = append(oldL, body), append(newL, body)
					lastOld, lastNew = true, true
				case '-':
					oldL = append(oldL, body)
					lastOld, lastNew = true, false
				case '+':
					newL = append(newL, body)
					lastOld, lastNew = false, true
				default:
					return "", fmt.Errorf("line %d: bad hunk line %q", i, b)
				}
			}
			if len(oldL) != n[1] || len(newL) != n[3] {
				return "", fmt.Errorf("hunk %d of section %d: counts %d,%d, header says %d,%d", hunks, sections, len(oldL), len(newL), n[1], n[3])
			}
			start := n[0] - 1
			if n[1] == 0 {
				start = n[0]
			}
			if start < pos || start+n[1] > len(image) {
				return "", fmt.Errorf("hunk %d of section %d: old lines %d+%d out of order or range (file has %d)", hunks, sections, start, n[1], len(image))
			}
			if got := strings.Join(image[start:start+n[1]], ""); got != strings.Join(oldL, "") {
				return "", fmt.Errorf("hunk %d of section %d: old lines %q do not match %q", hunks, sections, strings.Join(oldL, ""), got)
			}
			out = append(out, image[pos:start]...)
			wantNew := n[2] - 1
			if n[3] == 0 {
				wantNew = n[2]
			}
			if wantNew != len(out) {
				return "", fmt.Errorf("hunk %d of section %d: new start %d, but %d lines precede it", hunks, sections, n[2], len(out))
			}
			out = append(out, newL...)
			pos = start + n[1]
		}
		if hunks == 0 {
			return "", fmt.Errorf("section %d has no hunk", sections)
		}
		image = append(out, image[pos:]...)
		for k := 0; k+1 < len(image); k++ {
			if !strings.HasSuffix(image[k], "\n") {
				// A hunk removed the end of a line that another follows: join them.
				image = splitLines(strings.Join(image, ""))
				break
			}
		}
	}
	return strings.Join(image, ""), nil
}
