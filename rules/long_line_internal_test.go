package rules

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/lexicon"
)

// TestSentenceWindowIsBounded: in a megabyte line with no sentence end, the
// stretch read for a quote's speaker reaches windowReach either side of it,
// not the whole line.
func TestSentenceWindowIsBounded(t *testing.T) {
	packs, err := lexicon.Embedded()
	require.NoError(t, err)
	words := strings.Repeat("pemain itu berlari ke lapangan dan ", 30000)
	quote := "“Kami akan bermain dengan sangat baik malam ini,”"
	text := words + quote + " " + words + "\n"
	d := document.Parse("long.txt", []byte(text))
	d.Segment(packs.Pack("id"))
	u := d.Paragraphs[0].Span
	q := findQuotes(d.Text, u)
	require.Len(t, q, 1)
	w := sentenceWindow(d, u, q[0])
	assert.LessOrEqual(t, w.Len(), 2*windowReach+len(quote))
	assert.True(t, w.Start <= q[0].open && q[0].end <= w.End, "the window holds its quote")
	assert.Less(t, q[0].open-w.Start, windowReach+1)
	assert.Equal(t, byte(' '), d.Text[w.Start-1], "cut after a space")
}

// TestNearbyIsBounded: a headline's name is counted again in the article
// around it, not in megabytes of a flattened corpus.
func TestNearbyIsBounded(t *testing.T) {
	doc := strings.Repeat("x", 1<<20)
	assert.Len(t, nearby(doc, 1<<19, nameReach), 2*nameReach)
	assert.Len(t, nearby(doc, 10, nameReach), 10+nameReach)
	assert.Equal(t, "abc", nearby("abc", 1, nameReach))
}

// The helpers that replaced whole-text scans give the answers of the scans they
// replaced, on random text with white space, capitals, non-ASCII letters and
// invalid bytes.
func TestLinearHelpersAgreeWithWholeTextScans(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	pieces := []string{"a", "B", " ", "  ", "\n", "\u00a0", "\u3000", "É", "é", "İ", "\xff", "\xe2\x80", ",", ":", "(", ")", "kata", "Kami", "\t"}
	random := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
	for range 3000 {
		s := random(rng.IntN(30))
		ws := strings.Fields(s)
		want := ws[max(0, len(ws)-2):]
		if len(want) == 0 {
			want = nil
		}
		require.Equal(t, want, lastFields(s, 2), "lastFields(%q)", s)

		i := rng.IntN(len(s) + 1)
		require.Equal(t, strings.TrimSpace(s[strings.LastIndexByte(s[:i], '\n')+1:i]) == "", blankBefore(s, i), "blankBefore(%q, %d)", s, i)

		lower, at := lowerMapped(s, []int{0, len(s)})
		require.Equal(t, strings.ToLower(s), lower)
		require.Equal(t, []int{0, len(lower)}, at)
	}
}

// TestSpanCoverAgreesWithScan: spanCover answers as testing every span would,
// for covering and for overlapping.
func TestSpanCoverAgreesWithScan(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	for range 500 {
		var spans []finding.Span
		for range rng.IntN(8) {
			s := rng.IntN(50)
			spans = append(spans, finding.Span{Start: s, End: s + rng.IntN(20)})
		}
		c := newSpanCover(len(spans), func(i int) (int, int) { return spans[i].Start, spans[i].End })
		for range 20 {
			s := rng.IntN(60)
			e := s + rng.IntN(10)
			want := false
			for _, sp := range spans {
				want = want || sp.Start <= s && e <= sp.End
			}
			require.Equal(t, want, c.covers(s, e), "spans %v, stretch %d-%d", spans, s, e)
			overlap := false
			for _, sp := range spans {
				overlap = overlap || sp.Start < e && s < sp.End
			}
			require.Equal(t, overlap, c.overlaps(s, e), "overlap: spans %v, stretch %d-%d", spans, s, e)
		}
	}
}

// TestPullQuotesAgreeWithSearch: the one-pass search for pull-quotes finds
// what comparing the lower-cased text at every offset finds: the quote's words
// at a stretch that overlaps none of the quotes.
func TestPullQuotesAgreeWithSearch(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	sentences := []string{
		"“Kami akan bermain dengan baik malam ini.”",
		"“kami akan bermain dengan baik malam ini”",
		"“KAMI AKAN BERMAIN DENGAN BAIK malam ini!”",
		"“Ini pendek.”",
		"“Tim ini belum pernah kalah di kandang musim ini.”",
		"\"Tim ini belum pernah kalah di kandang musim ini\"",
		"Kami akan bermain dengan baik malam ini, kata pelatih.",
		"Pemain itu berlari ke lapangan.",
		"\xff İstanbul menang. ",
	}
	search := func(text string, quotes []quoteSpan, q quoteSpan) bool {
		core := strings.TrimRight(strings.TrimSpace(q.inner(text)), ".,!?…")
		if wordCount(core) < 5 {
			return false
		}
		core = strings.ToLower(core)
		for p := 0; p < len(text); p++ {
			// text[p:e] lower-cased rune by rune, as strings.ToLower does
			var lower strings.Builder
			for e := p; e < len(text) && strings.HasPrefix(core, lower.String()) && lower.Len() < len(core); {
				r, n := utf8.DecodeRuneInString(text[e:])
				lower.WriteRune(unicode.ToLower(r))
				e += n
				if lower.String() != core {
					continue
				}
				inQuote := false
				for _, o := range quotes {
					inQuote = inQuote || p < o.end && o.open < e
				}
				if !inQuote {
					return true
				}
			}
		}
		return false
	}
	for range 300 {
		var b strings.Builder
		for range 1 + rng.IntN(8) {
			b.WriteString(sentences[rng.IntN(len(sentences))])
			b.WriteByte(' ')
		}
		text := b.String()
		quotes := findQuotes(text, finding.Span{Start: 0, End: len(text)})
		got := pullQuotes(text, quotes)
		for i, q := range quotes {
			require.Equal(t, search(text, quotes, q), got[i], "quote %q of %q", q.inner(text), text)
		}
	}
}
