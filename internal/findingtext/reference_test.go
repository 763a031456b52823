package findingtext

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// referenceQuote is Quote as it was before its ASCII fast path: every rune
// decoded and tested against the unicode tables.
func referenceQuote(s string) string {
	var b strings.Builder
	n := 0
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if unicode.IsControl(r) || r == '\u200b' || r == '\ufeff' {
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
			n++
		}
		space = false
		if n >= QuoteLimit {
			b.WriteString("…")
			break
		}
		b.WriteRune(r)
		n++
	}
	return "\u201c" + b.String() + "\u201d"
}

// Quote gives what the reference gives: each rune alone and among others,
// invalid UTF-8, and text around the limit.
func TestQuoteLikeReference(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := Quote(s), referenceQuote(s); got != want {
			t.Fatalf("Quote(%q) = %q, want %q", s, got, want)
		}
	}
	for r := rune(0); r <= utf8.MaxRune; r++ {
		c := string(r)
		check(c)
		check("a" + c + "b")
		check(c + " x " + c)
	}
	for _, s := range []string{
		"", " ", "\xff", "a\xffb", "\xe2\x80", "x\u00a0y\u0085z", " \t\n\v\f\r ",
		strings.Repeat("é ", 40), strings.Repeat("a", QuoteLimit-1) + " b c",
		strings.Repeat("a", QuoteLimit) + " ", strings.Repeat("a", QuoteLimit) + " b",
		strings.Repeat("\xff", 100), strings.Repeat("日本", 50), "\x7f\x1fa\u200b \ufeffb",
	} {
		check(s)
		for i := range len(s) {
			check(s[:i])
			check(s[i:])
		}
	}
}

func FuzzQuote(f *testing.F) {
	f.Add("  a \t b\n\nc  ")
	f.Add("a\u200b\x00b\ufeff")
	f.Add(strings.Repeat("kata ", 20))
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Quote(s), referenceQuote(s); got != want {
			t.Fatalf("Quote(%q) = %q, want %q", s, got, want)
		}
	})
}
