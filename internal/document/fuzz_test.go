package document_test

import (
	"testing"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/lexicon"
)

// FuzzParse checks that any bytes parse without panic into spans that are in
// bounds, ordered and on rune boundaries, and that positions are consistent.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"", "a", "Judul\r\n\r\nIsi “kutipan” — ya.\r\n", "\xef\xbb\xbfx\ny", "a\rb\n\nc\xff\xfe", "Jl. Sudirman No. 10. U.S. officials.\n\u00a0\n"} {
		f.Add([]byte(s))
	}
	packs, err := lexicon.Embedded()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d := document.Parse("f.txt", data)
		n := len(d.Text)
		check := func(what string, s finding.Span) {
			if s.Start < 0 || s.End > n || s.Start > s.End {
				t.Fatalf("%s span %v out of bounds (%d)", what, s, n)
			}
			if utf8.Valid([]byte(d.Text)) && (!onBoundary(d.Text, s.Start) || !onBoundary(d.Text, s.End)) {
				t.Fatalf("%s span %v not on rune boundaries", what, s)
			}
		}
		prev := 0
		for _, l := range d.Lines {
			check("line", l.Span)
			check("full line", l.Full)
			if l.Full.Start != prev {
				t.Fatalf("lines do not tile the text at %d", prev)
			}
			prev = l.Full.End
		}
		if prev != n {
			t.Fatalf("lines end at %d, text at %d", prev, n)
		}
		for _, p := range d.Paragraphs {
			check("paragraph", p.Span)
		}
		for _, s := range d.Segment(packs.Pack("id")) {
			check("sentence", s)
		}
		for i := range d.Lines {
			e := d.DeleteLineEdit(i)
			check("delete-line edit", e.Span)
		}
		for off := 0; off <= n; off += 1 + n/16 {
			p := d.Position(off)
			if p.Line < 1 || p.Line > len(d.Lines) || p.Column < 1 || p.RuneColumn > p.Column || p.UTF16Column < p.RuneColumn {
				t.Fatalf("bad position %+v for offset %d", p, off)
			}
		}
	})
}

func onBoundary(s string, i int) bool { return i == 0 || i == len(s) || utf8.RuneStart(s[i]) }
