package cli

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/corpuslint/corpuslint/internal/changed"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/gittest"
)

func TestOnNewLines(t *testing.T) {
	r := gittest.New(t)
	edited := r.Write("edited.txt", "one\ntwo\nthree\nfour\n")
	same := r.Write("same.txt", "one\n")
	base := r.Commit("base")
	r.Write("edited.txt", "one\ntwo\nTHREE\nfour\n")
	lines, err := changed.Since(context.Background(), base, []string{edited, same})
	require.NoError(t, err)

	rng := func(l1, c1, l2, c2 int) finding.Range {
		return finding.Range{Start: finding.Position{Line: l1, Column: c1}, End: finding.Position{Line: l2, Column: c2}}
	}
	tests := []struct {
		name string
		f    finding.Finding
		want bool
	}{
		{"on the changed line", finding.Finding{Path: edited, Range: rng(3, 1, 3, 4)}, true},
		{"on an old line", finding.Finding{Path: edited, Range: rng(2, 1, 2, 4)}, false},
		{"across the changed line", finding.Finding{Path: edited, Range: rng(2, 2, 4, 2)}, true},
		{"a line with its line end, up to column 1 of the changed line", finding.Finding{Path: edited, Range: rng(2, 1, 3, 1)}, false},
		{"an insertion point at column 1 of the changed line", finding.Finding{Path: edited, Range: rng(3, 1, 3, 1)}, true},
		{"the whole of a changed file", finding.Finding{Path: edited}, true},
		{"the whole of an unchanged file", finding.Finding{Path: same}, false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, onNewLines(lines, &tt.f), tt.name)
	}
}
