package lexicon

import (
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
	// Literal text ending with a colon or a period, then more of them.
	colon := newList("x", []Entry{{Phrase: "Baca juga:"}, {Phrase: "Lihat <n> foto."}}).LinePattern()
	for _, line := range []string{"Baca juga:", "BACA JUGA: .", "Lihat 3 foto.", "Lihat 3 foto. :"} {
		assert.NotNil(t, colon.Match(line), "%q", line)
		assert.True(t, colon.MayMatch(line), "%q", line)
	}
	assert.Nil(t, colon.Match("Baca juga"))
	assert.False(t, colon.MayMatch("Lihat foto itu"))
	// An empty list matches nothing.
	assert.Nil(t, (&List{Name: "empty"}).LinePattern().Match("anything"))
}

// oneExpression is how line patterns were matched before each got its own
// expression: one regular expression of every pattern as alternatives, the
// first alternative that matches winning. Match must agree with it.
func oneExpression(t *testing.T, l *List) func(string) *Entry {
	alts := make([]string, len(l.Entries))
	for i, e := range l.Entries {
		alts[i] = "(" + patternRegexp(e.Phrase) + ")"
	}
	re := regexp.MustCompile(`^(?i:` + strings.Join(alts, "|") + `)[\s:.]*$`)
	return func(line string) *Entry {
		m := re.FindStringSubmatchIndex(line)
		if m == nil {
			return nil
		}
		for i := range l.Entries {
			if m[2*(i+1)] >= 0 {
				return &l.Entries[i]
			}
		}
		t.Fatalf("no group matched %q", line)
		return nil
	}
}

// patternLines returns lines that match the patterns or nearly do: each
// pattern with its slots filled, in several cases, with the letters that fold
// to ASCII ones (the Kelvin sign, the long s), cut short, with words added.
func patternLines(l *List) []string {
	fills := map[string][]string{
		"<n>":    {"2", "12", "1234"},
		"<year>": {"2024", "1999", "24"},
		"<date>": {"Senin, 12 Maret 2024 10:15 WIB", "March 4, 2024", "12/03/2024", "kemarin", "Senin, Maret 12, 2024"},
		"<name>": {"admin", "Dewi Lestari", "Redaksi Kompas dan Tim Liputan Khusus"},
		"<site>": {"Kompas.com+", "detikcom", "The Daily News Today"},
		"<text>": {"our weekly", "x", "Kompas Gramedia. All rights reserved"},
		"<rest>": {"", " today", " and get 50% off"},
	}
	var out []string
	for _, e := range l.Entries {
		for v := range 5 {
			var b strings.Builder
			for _, tok := range patternTokens(e.Phrase) {
				if tok.kind == slotToken {
					f := fills[tok.text]
					b.WriteString(f[v%len(f)])
				} else {
					b.WriteString(tok.text)
				}
			}
			s := b.String()
			out = append(out, s, strings.ToUpper(s), strings.ToLower(s), s+".", s+" :",
				strings.ReplaceAll(strings.ReplaceAll(s, "k", "\u212a"), "s", "\u017f"),
				strings.ReplaceAll(s, " ", "  "), s[:len(s)/2], s+" lalu pergi", "Kata dia "+s, "\u201c"+s)
		}
	}
	return out
}

// testdataLines returns the lines, with white space folded as the rules
// fold them, of the repository's test articles.
func testdataLines(t *testing.T) []string {
	var out []string
	err := filepath.WalkDir("../../testdata", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, line := range strings.Split(string(b), "\n") {
			if key := strings.Join(strings.Fields(line), " "); key != "" {
				out = append(out, key)
			}
		}
		return nil
	})
	require.NoError(t, err)
	return out
}

func TestLinePatternAgreesWithOneExpression(t *testing.T) {
	packs, err := Embedded()
	require.NoError(t, err)
	l := packs.Union("widget-patterns")
	require.Greater(t, l.Len(), 50)
	want := oneExpression(t, l)
	lp := l.LinePattern()
	lines := append(patternLines(l), testdataLines(t)...)
	if dir := os.Getenv("CORPUSLINT_PATTERN_CORPUS"); dir != "" {
		// Any folder of articles, e.g. ../shared/corpus: every line of up
		// to 40 words, as the rules try them.
		require.NoError(t, filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for _, line := range strings.Split(string(b), "\n") {
				if f := strings.Fields(line); len(f) > 0 && len(f) <= 40 {
					lines = append(lines, strings.TrimRight(strings.Join(f, " "), ":."))
				}
			}
			return nil
		}))
	}
	matched := 0
	for _, line := range lines {
		got, exp := lp.Match(line), want(line)
		if !assert.Equal(t, exp, got, "%q", line) {
			continue
		}
		if got != nil {
			matched++
			// MayMatch never rules out a line whose key matches.
			for _, raw := range []string{line, line + " .", "\u00a0" + strings.ReplaceAll(line, " ", " \u00a0\t") + ":"} {
				assert.True(t, lp.MayMatch(raw), "MayMatch(%q) is false, Match(%q) is %q", raw, line, got.Phrase)
			}
		}
	}
	t.Logf("%d lines, %d matched", len(lines), matched)
	assert.Greater(t, matched, len(l.Entries), "the lines exercise the patterns")
	assert.NoError(t, lp.Err())
}

func TestDigitField(t *testing.T) {
	assert.Equal(t, 1, digitField("12 Maret", 1))
	assert.Equal(t, 3, digitField(" \u00a0Senin, Maret 12, 2024", 3))
	assert.Equal(t, 0, digitField("Senin, Maret 12, 2024", 2))
	assert.Equal(t, 0, digitField("a b 1", 2))
	assert.Equal(t, 3, digitField("a\tb x1", 3))
	assert.Equal(t, 2, digitField("é 1x", 3))
	assert.Equal(t, 0, digitField("", 3))
}

// TestLineEndAndDigitFieldShortcuts compares the ASCII fast paths of
// trimLineEnd and digitField with unicode.IsSpace read rune by rune.
func TestLineEndAndDigitFieldShortcuts(t *testing.T) {
	plainDigitField := func(s string, n int) int {
		for k, f := range strings.FieldsFunc(s, unicode.IsSpace) {
			if k == n {
				return 0
			}
			if strings.ContainsAny(f, "0123456789") {
				return k + 1
			}
		}
		return 0
	}
	pieces := []string{"a", "Baca", "12", "x1", "0", "34", "56x", "78", "9", ":", ".", " ", "\t", "\n", "\r", "\v", "\f", "\u0085", "\u00a0", "\u2009", "\u3000", "é", "\xff", "\x1c", "\x00", "١"}
	r := rand.New(rand.NewSource(5))
	for range 20000 {
		var b strings.Builder
		for range r.Intn(12) {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		s := b.String()
		if got, want := trimLineEnd(s), strings.TrimRightFunc(s, isLineEnd); got != want {
			t.Fatalf("trimLineEnd(%q) = %q, want %q", s, got, want)
		}
		for n := 1; n <= 3; n++ {
			if got, want := digitField(s, n), plainDigitField(s, n); got != want {
				t.Fatalf("digitField(%q, %d) = %d, want %d", s, n, got, want)
			}
		}
	}
}

// TestASCIIFirstAsByFirst: the array candidates reads for a line's ASCII
// first letter holds what the map holds for it.
func TestASCIIFirstAsByFirst(t *testing.T) {
	packs, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	lists := []*List{packs.Union("widget-patterns"), NewList("t", []string{"Page <n>", "page <year>", "<n> x", "Élan <n>", "Kelvin", "\u212aelvin <n>", ":: <text>"})}
	known := 0
	for _, l := range lists {
		lp := l.LinePattern()
		for c := rune(0); c < utf8.RuneSelf; c++ {
			f := foldRune(c)
			want, ok := lp.byFirst[f]
			if lp.asciiKnown[f] != ok || !slices.Equal(lp.asciiFirst[f], want) {
				t.Fatalf("list %s, first %q: array %v %v, map %v %v", l.Name, c, lp.asciiKnown[f], lp.asciiFirst[f], ok, want)
			}
			if ok {
				known++
			}
		}
	}
	if known < 20 {
		t.Fatalf("only %d first letters known: the test tests too little", known)
	}
}

// TestFoldedPrefixAsDecoded: hasFoldedPrefix, which reads ASCII without
// decoding it, agrees with folding every rune decoded.
func TestFoldedPrefixAsDecoded(t *testing.T) {
	plain := func(s string, prefix []rune) bool {
		for _, want := range prefix {
			r, n := utf8.DecodeRuneInString(s)
			if n == 0 || foldRune(r) != want {
				return false
			}
			s = s[n:]
		}
		return true
	}
	pieces := []string{"a", "A", "Z", "z", "@", "[", "`", "{", "1", " ", "k", "K", "\u212a", "s", "S", "\u017f", "é", "É", "\xff", "\xe2\x80", ":", ""}
	r := rand.New(rand.NewSource(13))
	held := 0
	for range 50000 {
		var b, p strings.Builder
		for range r.Intn(5) {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		for range r.Intn(4) {
			p.WriteString(pieces[r.Intn(len(pieces))])
		}
		s, prefix := b.String(), foldedRunes(p.String())
		if r.Intn(2) == 0 { // a prefix of s itself, folded
			prefix = foldedRunes(s)[:r.Intn(utf8.RuneCountInString(s)+1)]
		}
		want := plain(s, prefix)
		if got := hasFoldedPrefix(s, prefix); got != want {
			t.Fatalf("hasFoldedPrefix(%q, %q) = %v, want %v", s, string(prefix), got, want)
		}
		if want && len(prefix) > 0 {
			held++
		}
	}
	if held < 1000 {
		t.Fatalf("only %d prefixes held: the test tests too little", held)
	}
}
