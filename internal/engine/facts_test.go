package engine

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// The packed store gives back exactly the facts it was given, sorted by path
// then span.
func TestFactStoreRoundTrip(t *testing.T) {
	pos := func(off, line, col int) finding.Position {
		return finding.Position{Offset: off, Line: line, Column: col, RuneColumn: col - 1, UTF16Column: col - 2}
	}
	facts := []rule.Fact{
		{Path: "b.txt", Span: finding.Span{Start: 10, End: 20}, Range: finding.Range{Start: pos(10, 2, 3), End: pos(20, 2, 13)}, Value: "x"},
		{Path: "a.txt", Span: finding.Span{Start: 5, End: 9}, Range: finding.Range{Start: pos(5, 1, 6), End: pos(9, 1, 10)}},
		// A whole-file fact: no range.
		{Path: "a.txt", Span: finding.Span{Start: 0, End: 0}},
		// A range whose offsets are not the span's is kept whole.
		{Path: "c.txt", Span: finding.Span{Start: 1, End: 2}, Range: finding.Range{Start: pos(7, 1, 8), End: pos(8, 1, 9)}, Value: 42},
	}
	s := newFactStore()
	for _, f := range facts {
		s.add("duplicate/x", "k", f)
	}
	s.sort()
	got := s.view("duplicate/x").Lookup("k")
	assert.Equal(t, []rule.Fact{facts[2], facts[1], facts[0], facts[3]}, got)
	assert.Nil(t, s.view("duplicate/x").Lookup("other"))
	assert.Nil(t, s.view("duplicate/none").Lookup("k"))
}
