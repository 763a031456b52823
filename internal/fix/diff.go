package fix

import (
	"strconv"
	"strings"
)

// noNewline marks a diff line that has no line end in its file.
const noNewline = "\\ No newline at end of file\n"

// Diff returns a unified diff, with 3 lines of context, that turns old into new,
// for the file at path ("--- a/PATH", "+++ b/PATH"). It is empty when old equals
// new. Lines are compared whole with their line ends, so CRLF line ends are kept
// byte for byte, and a side without a final line end gets "\ No newline at end
// of file".
//
// Each note is printed, as a "# RULE: MESSAGE" line, above the hunk that changes
// its line (or the nearest hunk). git apply reads no commentary between the
// hunks of one file, so a hunk that has notes starts a section of its own, with
// its own "---"/"+++" header after the notes; git apply applies the sections of
// one file in turn, and each section's old line numbers count the lines of the
// file as the sections before it left it. The output can be piped to git apply.
func Diff(path string, old, new string, notes []Note) string {
	if old == new {
		return ""
	}
	hunks := groupHunks(diffLines(old, new), contextLines)
	attached := attachNotes(hunks, notes)
	header := fileHeader(path)
	var b strings.Builder
	shift := 0 // net lines added by the hunks written so far
	sectionShift := 0
	for i, h := range hunks {
		if i == 0 || len(attached[i]) > 0 {
			for _, n := range attached[i] {
				b.WriteString(noteLine(n))
			}
			b.WriteString(header)
			sectionShift = shift
		}
		writeHunk(&b, h, sectionShift)
		shift += h.newLen - h.oldLen
	}
	return b.String()
}

// writeHunk writes h; shift is added to its old line numbers.
func writeHunk(b *strings.Builder, h hunk, shift int) {
	b.WriteString("@@ -")
	b.WriteString(hunkRange(h.oldStart+shift, h.oldLen))
	b.WriteString(" +")
	b.WriteString(hunkRange(h.newStart, h.newLen))
	b.WriteString(" @@\n")
	for _, l := range h.lines {
		b.WriteByte(byte(l.kind))
		b.WriteString(l.text)
		if !strings.HasSuffix(l.text, "\n") {
			b.WriteString("\n")
			b.WriteString(noNewline)
		}
	}
}

// hunkRange formats "l,s" for a hunk that starts after `before` lines and spans
// n lines; an empty range names the line before it, as diff -u does.
func hunkRange(before, n int) string {
	start := before + 1
	if n == 0 {
		start = before
	}
	return strconv.Itoa(start) + "," + strconv.Itoa(n)
}
