package findingtext_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/findingtext"
)

func TestQuote(t *testing.T) {
	assert.Equal(t, "“a b c”", findingtext.Quote("  a \t b\n\nc  "), "white space folded and trimmed")
	assert.Equal(t, "“ab”", findingtext.Quote("a\u200b\x00b\ufeff"), "control and zero-width characters dropped")
	assert.Equal(t, "“a b”", findingtext.Quote("a \u200b b"), "a dropped character leaves no double space")
	long := strings.Repeat("kata ", 20) // 100 characters
	got := findingtext.Quote(long)
	assert.Equal(t, "“"+strings.TrimSpace(long)[:findingtext.QuoteLimit]+"…”", got, "cut after the limit, spaces counted")
	exact := strings.Repeat("x", findingtext.QuoteLimit)
	assert.Equal(t, "“"+exact+"”", findingtext.Quote(exact), "no ellipsis when nothing is cut")
}

func TestDeleteLineFix(t *testing.T) {
	d := document.Parse("a.txt", []byte("Judul\nBaca juga: x\nIsi.\n"))
	fx := findingtext.DeleteLineFix(d, 1)
	assert.Equal(t, "delete the line “Baca juga: x”", fx.Message)
	assert.True(t, fx.Safe)
	if assert.Len(t, fx.Edits, 1) {
		e := fx.Edits[0]
		assert.Equal(t, "Baca juga: x\n", d.Text[e.Start:e.End])
		assert.Empty(t, e.New)
	}
}
