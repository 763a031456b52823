package engine

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// The compact store gives back exactly the facts it was given, each key's
// sorted by path (the order files are added in) then span, and each held
// file's own facts in export order.
func TestFactStoreRoundTrip(t *testing.T) {
	pos := func(off, line, col int) finding.Position {
		return finding.Position{Offset: off, Line: line, Column: col, RuneColumn: col - 1, UTF16Column: col - 2}
	}
	a := []rule.OwnFact{
		{Key: "k", Fact: rule.Fact{Path: "a.txt", Span: finding.Span{Start: 5, End: 9}, Range: finding.Range{Start: pos(5, 1, 6), End: pos(9, 1, 10)}, Value: []byte{1, 2, 3}}},
		// A whole-file fact: no range.
		{Key: "k", Fact: rule.Fact{Path: "a.txt", Span: finding.Span{Start: 0, End: 0}}},
		{Key: "other", Fact: rule.Fact{Path: "a.txt", Span: finding.Span{Start: 1, End: 3}, Value: []byte(nil)}},
	}
	b := []rule.OwnFact{
		{Key: "k", Fact: rule.Fact{Path: "b.txt", Span: finding.Span{Start: 10, End: 20}, Range: finding.Range{Start: pos(10, 2, 3), End: pos(20, 2, 13)}, Value: "x"}},
		// A range whose offsets are not the span's, numbers beyond 32 bits.
		{Key: "k", Fact: rule.Fact{Path: "b.txt", Span: finding.Span{Start: 1, End: 2}, Range: finding.Range{Start: pos(7, 1<<40, 8), End: pos(8, 1, 1<<35)}, Value: 42}},
	}
	s := newFactStore()
	s.add(s.addFile("a.txt"), map[string][]rule.OwnFact{"duplicate/x": a})
	s.add(s.addFile("no-facts.txt"), nil)
	s.add(s.addFile("b.txt"), map[string][]rule.OwnFact{"duplicate/x": b, "duplicate/y": b[1:]})
	v := s.view("duplicate/x")
	want := []rule.Fact{a[1].Fact, a[0].Fact, b[1].Fact, b[0].Fact}
	assert.Equal(t, want, v.Lookup("k"))
	assert.Equal(t, len(want), v.Len("k"))
	for i := range want {
		assert.Equal(t, want[i], v.At("k", i))
	}
	assert.Equal(t, []rule.Fact{a[2].Fact}, v.Lookup("other"))
	assert.Nil(t, v.Lookup("none"))
	assert.Equal(t, 0, v.Len("none"))
	assert.Nil(t, s.view("duplicate/none").Lookup("k"))
	assert.Equal(t, a, s.own("duplicate/x", 0))
	assert.Nil(t, s.own("duplicate/x", 1))
	assert.Equal(t, b, s.own("duplicate/x", 2))
	assert.Nil(t, s.own("duplicate/y", 0))
	assert.Equal(t, b[1:], s.own("duplicate/y", 2))
	assert.Nil(t, s.own("duplicate/none", 2))
}
