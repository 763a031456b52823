package linttest_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/linttest"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// dropRule reports an article that holds "HAPUS" with a safe fix that
// deletes the whole text.
var dropRule = &rule.Rule{
	ID: "artifact/test-drop", Title: "drop", Severity: finding.Warning, FixSafe: true,
	Run: func(p *rule.Pass) {
		if !strings.Contains(p.Doc.Text, "HAPUS") {
			return
		}
		all := finding.Span{Start: 0, End: len(p.Doc.Text)}
		p.Report(all, "drop it", finding.Fix{Message: "delete", Safe: true, Edits: []finding.Edit{{Span: all}}})
	},
}

// A fix that empties the article gives the empty text, not the original.
func TestFixThatEmptiesTheArticle(t *testing.T) {
	text, res := linttest.Fix(t, []*rule.Rule{dropRule}, "id", linttest.File{Path: "a.txt", Text: "HAPUS\n\nsemua.\n"})
	assert.Equal(t, "", text)
	assert.Equal(t, 1, res.Fixes[0].Applied)

	// No fix: the text as it was.
	text, _ = linttest.Fix(t, []*rule.Rule{dropRule}, "id", linttest.File{Path: "a.txt", Text: "Simpan\n\nsemua.\n"})
	assert.Equal(t, "Simpan\n\nsemua.\n", text)
}
