package rules

import (
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/lexicon"
	"github.com/corpuslint/corpuslint/internal/linttest"
)

// The attribution rules' fast paths must find what the plain code they
// replace finds, on the repository's test texts and on random text made of
// the characters they treat apart.

func sampleTexts(t *testing.T, alphabet []string, n int) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir("../testdata", func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(path, ".txt") {
			return err
		}
		b, err := os.ReadFile(path)
		out = append(out, string(b))
		return err
	})
	require.NoError(t, err)
	r := rand.New(rand.NewPCG(1, 2))
	for range n {
		var b strings.Builder
		for range r.IntN(40) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		out = append(out, b.String())
	}
	return out
}

func TestAppendWordsSplitsAsDocumentWords(t *testing.T) {
	alphabet := []string{"a", "Z", "7", " ", "-", "'", "’", ".", "é", "\u0301", "“", "\u00a0", "\xe2", "\x80", "\xff", "ß", "٣"}
	for _, text := range sampleTexts(t, alphabet, 20000) {
		for _, s := range []finding.Span{{Start: 0, End: len(text)}, {Start: len(text) / 3, End: len(text) - len(text)/4}} {
			require.Equal(t, document.Words(text, s), appendWords(nil, text, s), "%q", text[s.Start:s.End])
			for _, limit := range []int{1, 5} {
				require.Equal(t, document.CountWords(text, s, limit), countWordsFast(text, s, limit))
			}
		}
	}
}

// findQuotesByRune is findQuotes as it was written first, decoding every rune.
func findQuotesByRune(text string, s finding.Span) []quoteSpan {
	q := quotePairing{open: -1}
	for i := s.Start; i < s.End; {
		r, n := utf8.DecodeRuneInString(text[i:s.End])
		q.mark(text, s, r, i, n)
		i += n
	}
	return q.out
}

// maskQuotesByByte is maskQuotes as it was written first, blanking a copy.
func maskQuotesByByte(text string, s finding.Span) masked {
	b := []byte(text[s.Start:s.End])
	var m masked
	for _, q := range findQuotes(text, s) {
		inner := q.inner(text)
		last, n := utf8.DecodeLastRuneInString(inner)
		keep := 0
		if unicode.IsPunct(last) {
			keep = n
		}
		from := q.close - len(inner) - s.Start
		for i := from; i < q.close-s.Start-keep; i++ {
			b[i] = ' '
		}
		m.ends = append(m.ends, q.end-s.Start)
		m.sentence = append(m.sentence, strings.ContainsRune(".!?", last))
	}
	m.text = string(b)
	return m
}

func TestFindQuotesJumpsToEveryMark(t *testing.T) {
	alphabet := []string{"“", "”", "\"", "’", "—", "a", " ", ".", ",", "\xe2", "\x80", "\x9c", "\xe2\x80", "kata"}
	found := 0
	for _, text := range sampleTexts(t, alphabet, 20000) {
		for _, s := range []finding.Span{{Start: 0, End: len(text)}, {Start: len(text) / 3, End: len(text) - len(text)/4}} {
			want := findQuotesByRune(text, s)
			found += len(want)
			require.Equal(t, want, findQuotes(text, s), "%q", text[s.Start:s.End])
			require.Equal(t, maskQuotesByByte(text, s), maskQuotes(text, s), "%q", text[s.Start:s.End])
		}
	}
	require.Greater(t, found, 1000, "the texts must hold quotes")
}

// TestQuoteMaskerReusesItsBuffer checks that one quoteMasker, masking
// stretches of all sizes one after the other (longer and shorter than its
// buffer, with quotes and without), gives each time what masking a fresh copy
// gives.
func TestQuoteMaskerReusesItsBuffer(t *testing.T) {
	alphabet := []string{"“", "”", "\"", "’", "a", " ", ".", ",", "!", "?", "kata", "é", "\xe2"}
	r := rand.New(rand.NewPCG(9, 9))
	var mk quoteMasker
	masked := 0
	for _, text := range sampleTexts(t, alphabet, 20000) {
		for range 3 {
			from := r.IntN(len(text) + 1)
			to := from + r.IntN(len(text)-from+1)
			s := finding.Span{Start: from, End: to}
			want := maskQuotesByByte(text, s)
			got := mk.mask(text, s)
			require.Equal(t, want, got, "%q", text[from:to])
			if len(want.ends) > 0 {
				masked++
			}
		}
	}
	require.Greater(t, masked, 1000, "the stretches must hold quotes")
}

// TestMaskWindowAsSlice checks quoteMasker.maskWindow against masking the
// whole stretch and slicing the window out of it (the code before), on
// windows of all sizes inside stretches of the sample texts, one masker
// reused throughout.
func TestMaskWindowAsSlice(t *testing.T) {
	alphabet := []string{"“", "”", "\"", "’", "a", " ", ".", ",", "!", "?", "kata", "é", "\xe2"}
	r := rand.New(rand.NewPCG(7, 7))
	var mk quoteMasker
	blanked := 0
	for _, text := range sampleTexts(t, alphabet, 20000) {
		from := r.IntN(len(text) + 1)
		u := finding.Span{Start: from, End: from + r.IntN(len(text)-from+1)}
		quotes := findQuotes(text, u)
		whole := maskQuotes(text, u)
		for range 4 {
			a := u.Start + r.IntN(u.Len()+1)
			w := finding.Span{Start: a, End: a + r.IntN(u.End-a+1)}
			want := whole.slice(w.Start-u.Start, w.End-u.Start)
			got := mk.maskWindow(text, u, quotes, w)
			require.Equal(t, want.text, got.text, "%q in %q", text[w.Start:w.End], text[u.Start:u.End])
			require.Equal(t, want.base, got.base)
			require.Equal(t, len(want.ends), len(got.ends))
			if len(want.ends) > 0 {
				require.Equal(t, want.ends, got.ends)
				require.Equal(t, want.sentence, got.sentence)
			}
			if want.text != text[w.Start:w.End] {
				blanked++
			}
		}
	}
	require.Greater(t, blanked, 1000, "the windows must hold blanks")
}

func TestOpensWithDatelineAsPattern(t *testing.T) {
	alphabet := []string{"J", "a", "Ö", "é", " ", " ", " ", ",", ".", "'", "’", "(", ")", "-", "–", "—", "\u00a0", "\t", "1", ":", "\u2009", "\xff", "AP"}
	texts := sampleTexts(t, alphabet, 50000)
	matched := 0
	for _, text := range texts {
		for line := range strings.Lines(text) {
			line = strings.TrimSpace(line)
			want := datelinePattern().MatchString(line)
			require.Equal(t, want, opensWithDateline(line), "%q", line)
			if want {
				matched++
			}
		}
	}
	require.Greater(t, matched, 100, "the texts must hold datelines")
}

func TestPhraseFilterMissesNoMatch(t *testing.T) {
	packs, err := lexicon.Embedded()
	require.NoError(t, err)
	for _, lang := range packs.Languages() {
		testPhraseFilter(t, packs.Pack(lang).List("vague-sources"))
		if nv := packs.Pack(lang).List("not-vague"); len(nv.Entries) > 0 {
			testPhraseFilter(t, nv)
		}
	}
}

// testPhraseFilter checks list's phraseFilter, first and findAllFrom
// against the list's matcher on sample texts made of its entries.
func testPhraseFilter(t *testing.T, list *lexicon.List) {
	f := newPhraseFilter(list)
	var alphabet []string
	for _, e := range list.Entries {
		alphabet = append(alphabet, e.Phrase, strings.ToUpper(e.Phrase[:2]), e.Phrase[1:])
	}
	alphabet = append(alphabet, " ", "-", "x", "“", "’", "é")
	matched := 0
	for _, text := range sampleTexts(t, alphabet, 5000) {
		// the eight-byte scan finds what a byte-by-byte one does
		scalar, scalarFirst := false, -1
		for i := range len(text) {
			if (i == 0 || !isASCIIWordByte(text[i-1])) && f.startsEntry(text, i) {
				scalar = true
				if scalarFirst < 0 {
					scalarFirst = i
				}
			}
		}
		require.Equal(t, scalar, f.mayMatch(text), "%q", text)
		require.Equal(t, scalarFirst, f.first(text), "%q", text)
		if first := f.first(text); first >= 0 {
			require.Equal(t, list.FindAll(text), findAllFrom(list, text, first), "%q", text)
			require.Equal(t, list.FindAll(text), findAllNear(list, text, first), "%q", text)
		}
		require.Equal(t, len(list.FindAll(text)), len(findAllFiltered(list, text)), "%q", text)
		if len(list.FindAll(text)) > 0 {
			require.True(t, f.mayMatch(text), "%q", text)
			matched++
		}
	}
	require.Greater(t, matched, 100, "the texts must hold matches")
}

func TestNonWordBytesAsIsASCIIWordByte(t *testing.T) {
	for c := range 256 {
		for k := range 8 {
			x := uint64(0x4141414141414141) &^ (0xff << (8 * k)) // 'A' around
			x |= uint64(c) << (8 * k)
			m := nonWordBytes(x)
			require.Equal(t, !isASCIIWordByte(byte(c)), m&(0x80<<(8*k)) != 0, "byte %#x at %d", c, k)
			require.Zero(t, m&^(0x80<<(8*k)), "byte %#x at %d", c, k)
		}
	}
}

// appendWords appends to out the words of text[s.Start:s.End] as
// nextWordFast finds them one after the other.
func appendWords(out []finding.Span, text string, s finding.Span) []finding.Span {
	for i := s.Start; ; {
		start, end, _, ok := nextWordFast(text, i, s.End)
		if !ok {
			return out
		}
		out = append(out, finding.Span{Start: start, End: end})
		i = end
	}
}

// inByWords is speakers.in as it was written first: the several-word verbs
// with FindAll, then every word split with document.Words and looked up.
func inByWords(sp speakers, m masked) bool {
	for _, e := range sp.verbs.FindAll(m.text) {
		if strings.Contains(e.Entry.Phrase, " ") {
			return true
		}
	}
	words := document.Words(m.text, finding.Span{Start: 0, End: len(m.text)})
	for k, w := range words {
		if dot := strings.IndexByte(m.text[w.Start:w.End], '.'); dot > 0 {
			w.End = w.Start + dot
			words[k] = w
		}
		e := sp.verbs.Lookup(m.text[w.Start:w.End])
		if e == nil {
			continue
		}
		shape := e.Field(0)
		switch {
		case shape == "":
			return true
		case sp.afterQuote(m, words, k):
			return true
		case shape == "clause" && sp.setOff(m.text, w):
			return true
		case (shape == "speaker-after" || shape == "speaker-either") && sp.speakerAfter(m.text, w):
			return true
		case shape == "speaker-either" && sp.speakerBefore(m.text, words, k):
			return true
		}
	}
	return false
}

func TestSpeakersInAsByWords(t *testing.T) {
	packs, err := lexicon.Embedded()
	require.NoError(t, err)
	alphabet := []string{" ", " ", ", ", ". ", "“", "”", "\"", ",” ", ".” ", "Kim", "Smith", "jalan", "Ciptadana", "-", "\n"}
	for _, lang := range []string{"id", "en"} {
		pack := packs.Pack(lang)
		for _, list := range []string{"attribution-verbs", "pronouns", "speaker-leads"} {
			for _, e := range pack.List(list).Entries {
				alphabet = append(alphabet, e.Phrase, strings.ToUpper(e.Phrase[:1])+e.Phrase[1:], e.Phrase+".Ciptadana")
			}
		}
	}
	// A verb three words after a closing mark is attributed: its tests read
	// the four last words, and three of them would not do.
	known := []string{"“Halo semua,” x y z kata.", "“Halo semua,” x y z w kata.", "“Halo.” Xa y z kata."}
	attributed := 0
	r := rand.New(rand.NewPCG(3, 4))
	for _, text := range append(known, sampleTexts(t, alphabet, 5000)...) {
		d := document.Parse("t.txt", []byte(text))
		for _, lang := range []string{"id", "en"} {
			pack := packs.Pack(lang)
			sp := speakers{verbs: pack.List("attribution-verbs"), pronouns: pack.List("pronouns"), leads: pack.List("speaker-leads"),
				filter: wordFilterOf(pack.List("attribution-verbs"))}
			whole := maskQuotes(d.Text, finding.Span{Start: 0, End: len(d.Text)})
			require.Equal(t, inByWords(sp, whole), sp.in(whole), "%s %q", lang, whole.text)
			for range 4 {
				from := r.IntN(len(d.Text) + 1)
				to := from + r.IntN(len(d.Text)-from+1)
				for from > 0 && from < len(d.Text) && !utf8.RuneStart(d.Text[from]) {
					from--
				}
				for to < len(d.Text) && !utf8.RuneStart(d.Text[to]) {
					to++
				}
				m := maskQuotes(d.Text, finding.Span{Start: from, End: to})
				want := inByWords(sp, m)
				require.Equal(t, want, sp.in(m), "%s %q", lang, m.text)
				if want {
					attributed++
				}
			}
		}
	}
	require.Greater(t, attributed, 300, "the texts must hold attribution")
}

// TestInCaptionAsPattern checks inCaption's byte test against the regexp
// alone, at every offset of the sample texts.
func TestInCaptionAsPattern(t *testing.T) {
	alphabet := []string{" ", "(", ")", "Foto", "foto", "AP Photo", "ANTARA FOTO", ":", "/", ".", "!", "?", "\n", "kata", "é", "“"}
	credits := 0
	for _, text := range sampleTexts(t, alphabet, 5000) {
		for off := 0; off < len(text); off++ {
			want := captionCredit().MatchString(text[off:min(len(text), off+260)])
			require.Equal(t, want, inCaption(text, off), "%q at %d", text, off)
			if want {
				credits++
			}
		}
	}
	require.Greater(t, credits, 1000)
}

// TestLastNonSpaceAsTrim checks lastNonSpace against the plain code it
// replaces in isHardWrapped: trim the white space, decode the last rune.
func TestLastNonSpaceAsTrim(t *testing.T) {
	alphabet := []string{" ", "\t", "\r", "\v", "\f", "\u00a0", "\u2003", "\u0085", "\u3000", ".", "x", "”", "’", "…", "\"", ")", "é", "\xe2", "\x80", "\xff", "\x85"}
	asciiLast := 0
	for _, text := range sampleTexts(t, alphabet, 20000) {
		for _, line := range append(strings.Split(text, "\n"), text) {
			want, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(line, unicode.IsSpace))
			require.Equal(t, want, lastNonSpace(line), "%q", line)
			if want < utf8.RuneSelf && line != "" && line[len(line)-1] < utf8.RuneSelf {
				asciiLast++
			}
		}
	}
	require.Greater(t, asciiLast, 5000, "the lines must end in ASCII")
}

// TestFindAllNearOnCorpus checks findAllFiltered (the matcher on windows
// around the filter's offsets) against FindAll on the benchmark corpus
// (the test data without CORPUSLINT_BENCH_CORPUS).
func TestFindAllNearOnCorpus(t *testing.T) {
	packs, err := lexicon.Embedded()
	require.NoError(t, err)
	files, _ := linttest.BenchCorpus(t)
	found := 0
	for _, lang := range packs.Languages() {
		for _, name := range []string{"vague-sources", "not-vague"} {
			list := packs.Pack(lang).List(name)
			for _, f := range files {
				want := list.FindAll(f.Text)
				if len(want) == 0 {
					require.Empty(t, findAllFiltered(list, f.Text), f.Path)
					continue
				}
				require.Equal(t, want, findAllFiltered(list, f.Text), f.Path)
				found += len(want)
			}
		}
	}
	require.Greater(t, found, 20, "the corpus must hold matches")
}
