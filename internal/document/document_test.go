package document_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/lexicon"
)

func TestLineEndsAndBOM(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		bom        bool
		eol        document.LineEnding
		lines      []string
	}{
		{"lf", "a\nb\n", false, document.LF, []string{"a", "b"}},
		{"crlf", "a\r\nb\r\n\r\nc", false, document.CRLF, []string{"a", "b", "", "c"}},
		{"cr", "a\rb\r", false, document.CR, []string{"a", "b"}},
		{"bom", "\xef\xbb\xbfJudul\n", true, document.LF, []string{"Judul"}},
		{"empty", "", false, document.LF, []string{""}},
		{"no final eol", "a\n\nb", false, document.LF, []string{"a", "", "b"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := document.Parse("x.txt", []byte(tc.data))
			assert.Equal(t, tc.bom, d.BOM)
			assert.Equal(t, tc.eol, d.LineEnding)
			var got []string
			for i := range d.Lines {
				got = append(got, d.LineText(i))
			}
			assert.Equal(t, tc.lines, got)
		})
	}
}

func TestParagraphsAndHeadline(t *testing.T) {
	d := document.Parse("x.txt", []byte("\n\nJudul berita\n\nSatu.\nDua.\n\u00a0\nTiga.\n"))
	require.Len(t, d.Paragraphs, 3, "a line of only a non-breaking space separates paragraphs")
	assert.Equal(t, "Satu.\nDua.", d.Slice(d.Paragraphs[1].Span))
	assert.Equal(t, 2, d.Headline())
	assert.False(t, d.Flattened())
	long := document.Parse("x.txt", []byte(strings.Repeat("Kalimat panjang sekali. ", 40)))
	assert.True(t, long.Flattened())
}

// Positions in bytes, code points and UTF-16 units differ on news text full of
// curly quotes, em dashes and the odd emoji; each must be pinned.
func TestPositionUnits(t *testing.T) {
	text := "Judul\n“Kami siap” — kata Kim 😀 lagi\n"
	d := document.Parse("x.txt", []byte(text))
	off := strings.Index(text, "kata")
	p := d.Position(off)
	assert.Equal(t, 2, p.Line)
	// “Kami siap” — : “ (3 bytes) Kami siap (9) ” (3) space (1) — (3) space (1) = 20 bytes, 16 code points
	assert.Equal(t, 21, p.Column)
	assert.Equal(t, 15, p.RuneColumn)
	assert.Equal(t, 15, p.UTF16Column)
	off = strings.Index(text, "lagi")
	p = d.Position(off)
	assert.Equal(t, 2, p.Line)
	assert.Equal(t, off-6+1, p.Column)
	// the emoji is one code point and two UTF-16 units
	assert.Equal(t, 26, p.RuneColumn)
	assert.Equal(t, 27, p.UTF16Column)
	// out of order and past the end still work (the cache must not leak)
	assert.Equal(t, 1, d.Position(0).Column)
	end := d.Position(len(text))
	assert.Equal(t, 2, end.Line)
	r := d.Range(finding.Span{Start: strings.Index(text, "Kami"), End: strings.Index(text, " —")})
	assert.Equal(t, 2, r.Start.RuneColumn)
	assert.Equal(t, 12, r.End.RuneColumn)
}

func TestInvalidUTF8(t *testing.T) {
	d := document.Parse("x.txt", []byte("ab\x93cd\x94\x95e"))
	assert.Equal(t, []finding.Span{{Start: 2, End: 3}, {Start: 5, End: 7}}, d.InvalidUTF8)
}

func TestBinary(t *testing.T) {
	assert.True(t, document.IsBinary([]byte("PK\x03\x04\x00\x00")))
	assert.False(t, document.IsBinary([]byte("teks biasa")))
}

func TestSentences(t *testing.T) {
	packs, err := lexicon.Embedded()
	require.NoError(t, err)
	for _, tc := range []struct {
		lang, text string
		want       []string
	}{
		{"id", "Kantor di Jl. Sudirman No. 10 buka pukul 10.30 WIB. PT Bank Rakyat Indonesia (Persero) Tbk. membukukan laba Rp 1.500 miliar. Situs Kompas.com melaporkan.",
			[]string{"Kantor di Jl. Sudirman No. 10 buka pukul 10.30 WIB.", "PT Bank Rakyat Indonesia (Persero) Tbk. membukukan laba Rp 1.500 miliar.", "Situs Kompas.com melaporkan."}},
		{"id", "Prof. Dr. Siti dkk. menulis. “Kami siap,” katanya. Dia pergi!",
			[]string{"Prof. Dr. Siti dkk. menulis.", "“Kami siap,” katanya.", "Dia pergi!"}},
		{"en", "U.S. officials met Mr. Lee at 5 p.m. on Jan. 12. J. R. R. Tolkien wrote it... Then he left.",
			[]string{"U.S. officials met Mr. Lee at 5 p.m. on Jan. 12.", "J. R. R. Tolkien wrote it...", "Then he left."}},
	} {
		d := document.Parse("x.txt", []byte(tc.text))
		var got []string
		for _, s := range d.Segment(packs.Pack(tc.lang)) {
			got = append(got, d.Slice(s))
		}
		assert.Equal(t, tc.want, got)
	}
}

func TestDeleteLinesEdit(t *testing.T) {
	apply := func(text string, e finding.Edit) string { return text[:e.Start] + e.New + text[e.End:] }
	for _, tc := range []struct {
		name, text  string
		first, last int
		want        string
	}{
		{"middle paragraph", "A\n\nX\n\nB\n", 2, 2, "A\n\nB\n"},
		{"inside a paragraph", "A\nX\nB\n", 1, 1, "A\nB\n"},
		{"first line", "X\n\nA\n", 0, 0, "A\n"},
		{"last line with eol", "A\n\nX\n", 2, 2, "A\n"},
		{"last line without eol", "A\n\nX", 2, 2, "A"},
		{"last lines after several blanks", "A\n\n\u00a0\n\nX", 4, 4, "A"},
		{"block", "A\n\nX\n\nY\n\nB", 2, 4, "A\n\nB"},
		{"only line", "X", 0, 0, ""},
		{"crlf", "A\r\n\r\nX\r\n\r\nB\r\n", 2, 2, "A\r\n\r\nB\r\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := document.Parse("x.txt", []byte(tc.text))
			assert.Equal(t, tc.want, apply(tc.text, d.DeleteLinesEdit(tc.first, tc.last)))
		})
	}
}

// The position cache must give the same answer whatever order offsets come in.
func TestPositionOrderIndependent(t *testing.T) {
	text := "Judul “satu”\n" + strings.Repeat("kata “kutip” — ya 😀 ", 50) + "\nakhir"
	fresh := func(off int) finding.Position { return document.Parse("x.txt", []byte(text)).Position(off) }
	d := document.Parse("x.txt", []byte(text))
	for _, off := range []int{len(text) - 1, 20, 400, 30, 900, 899, 14, 0, 905, 600} {
		for off < len(text) && !utf8.RuneStart(text[off]) {
			off++
		}
		assert.Equal(t, fresh(off), d.Position(off), "offset %d", off)
	}
}
