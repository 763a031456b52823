package lexicon

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLinePattern(t *testing.T) {
	l := newList("widget-patterns", []Entry{
		{Phrase: "<n> dari <n> halaman", Fields: []string{"nav"}},
		{Phrase: "Posted on <date> by <name>", Fields: []string{"meta"}},
		{Phrase: "© <year> <site>", Fields: []string{"copyright"}},
		{Phrase: "Sign up for <text> newsletter<rest>", Fields: []string{"pitch"}},
		{Phrase: "Kategori: <text>", Fields: []string{"meta"}},
	})
	lp := l.LinePattern()
	assert.NoError(t, lp.Err())
	kind := func(line string) string {
		if e := lp.Match(line); e != nil {
			return e.Phrase
		}
		return ""
	}
	// Whole lines, any case, any white space, trailing colon or period.
	assert.Equal(t, "<n> dari <n> halaman", kind("2 dari 3 halaman"))
	assert.Equal(t, "<n> dari <n> halaman", kind("2  DARI 3 Halaman."))
	assert.Equal(t, "Posted on <date> by <name>", kind("Posted on March 4, 2024 by Linda Park"))
	assert.Equal(t, "Posted on <date> by <name>", kind("Posted on Senin, 12 Maret 2024 10:15 WIB by admin"))
	assert.Equal(t, "© <year> <site>", kind("© 2024 Kompas.com"))
	assert.Equal(t, "Sign up for <text> newsletter<rest>", kind("Sign up for our newsletter"))
	assert.Equal(t, "Sign up for <text> newsletter<rest>", kind("Sign up for our daily newsletter to get the news."))
	assert.Equal(t, "Kategori: <text>", kind("Kategori: Berita Daerah"))
	// Not a whole line, or a slot that does not fit.
	assert.Empty(t, kind("Halaman 2 dari 3 halaman buku itu hilang"))
	assert.Empty(t, kind("Posted on the wall by the door was a notice"))
	assert.Empty(t, kind("© 2024 Kompas.com dan mitra-mitranya bekerja sama untuk menerbitkan laporan tahunan"))
	assert.Empty(t, kind("Sign up for the program opened on Monday"))
	// Literal text is literal: no regular-expression syntax leaks from the data.
	dot := newList("x", []Entry{{Phrase: "a.b (c)"}}).LinePattern()
	assert.NotNil(t, dot.Match("a.b (c)"))
	assert.Nil(t, dot.Match("axb c"))
	// An empty list matches nothing.
	assert.Nil(t, (&List{Name: "empty"}).LinePattern().Match("anything"))
}
