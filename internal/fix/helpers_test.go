package fix

import (
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/stretchr/testify/require"
)

// edit builds an edit of text: it replaces the n-th (0-based) occurrence of old
// with new. An empty old is not allowed; use insertAt for insertions.
func edit(t testing.TB, text, old string, n int, new string) finding.Edit {
	t.Helper()
	require.NotEmpty(t, old)
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(text[off:], old)
		require.GreaterOrEqual(t, j, 0, "%q occurs fewer than %d times", old, n+1)
		if i == n {
			return finding.Edit{Span: finding.Span{Start: off + j, End: off + j + len(old)}, New: new}
		}
		off += j + len(old)
	}
}

// insertAt builds an insertion of new at byte offset off.
func insertAt(off int, new string) finding.Edit {
	return finding.Edit{Span: finding.Span{Start: off, End: off}, New: new}
}

// span builds an edit of bytes [start, end).
func span(start, end int, new string) finding.Edit {
	return finding.Edit{Span: finding.Span{Start: start, End: end}, New: new}
}

// safe builds a finding of rule at line with one safe fix made of edits.
func safe(rule string, line int, edits ...finding.Edit) finding.Finding {
	return finding.Finding{
		Rule:  rule,
		Range: finding.Range{Start: finding.Position{Line: line}},
		Fixes: []finding.Fix{{Message: "fix " + rule, Edits: edits, Safe: true}},
	}
}
