package fix

import (
	"fmt"
	"strings"
)

// fileHeader returns the "--- a/PATH" and "+++ b/PATH" lines of a patch of path.
// A leading "./" is dropped, and so is the leading "/" of an absolute path, as
// git diff --no-index does (git apply takes no absolute name); a name that a patch reader could not take as it is
// (one holding a quote, a backslash or a control character) is quoted the way
// git quotes it.
func fileHeader(path string) string {
	for strings.HasPrefix(path, "./") {
		path = path[2:]
	}
	path = strings.TrimLeft(path, "/")
	return "--- " + quotePath("a/"+path) + "\n+++ " + quotePath("b/"+path) + "\n"
}

// quotePath quotes name in C style, as git does, when it needs quoting.
func quotePath(name string) string {
	if !strings.ContainsFunc(name, needsQuote) {
		return name
	}
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch c {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\a':
			b.WriteString(`\a`)
		case '\b':
			b.WriteString(`\b`)
		case '\t':
			b.WriteString(`\t`)
		case '\n':
			b.WriteString(`\n`)
		case '\v':
			b.WriteString(`\v`)
		case '\f':
			b.WriteString(`\f`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if c < 0x20 || c == 0x7f {
				fmt.Fprintf(&b, `\%03o`, c)
			} else {
				b.WriteByte(c)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

func needsQuote(r rune) bool {
	return r < 0x20 || r == 0x7f || r == '"' || r == '\\'
}
