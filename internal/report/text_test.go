package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/corpuslint/corpuslint/internal/finding"
)

func renderText(t *testing.T, in *Input) string {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, Write(&buf, "text", in))
	return buf.String()
}

func TestTextLines(t *testing.T) {
	out := renderText(t, sampleInput(t))
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")

	// One line per finding, plus one per first fix and one per related location.
	assert.Len(t, lines, 6+3+1)
	assert.Contains(t, lines, "news/kompas, 2024.txt: error: file looks decoded twice: 3 lines hold Ã sequences [encoding/mojibake]",
		"a whole-file finding has no line or column")
	assert.Contains(t, lines, "\tfix: delete the line “Baca Juga: Harga cabai turun”", "a safe fix has no note")
	assert.Contains(t, lines, "\tfix: replace \" ,\" with \", \" (not applied by --fix: review it)")
	assert.Contains(t, lines, "\tsee news/kompas, 2024.txt:1:1: first article with this headline")
	assert.NotContains(t, out, "\x1b", "no colour unless asked")
	assert.NotContains(t, out, "rusak.txt", "file errors are the command line's business")
}

func TestTextColor(t *testing.T) {
	in := sampleInput(t)
	in.Color = true
	out := renderText(t, in)
	assert.Contains(t, out, "news/a.txt:3:15: \x1b[31merror\x1b[0m: space before a comma \x1b[2m[punctuation/space-before-comma]\x1b[0m\n")
	assert.Contains(t, out, "\x1b[33mwarning\x1b[0m")
	assert.Contains(t, out, "\x1b[36minfo\x1b[0m")
}

func TestTextEscapesControlCharacters(t *testing.T) {
	in := &Input{Findings: []finding.Finding{{
		Rule: "artifact/x", Path: "a\nb.txt", Severity: finding.Warning,
		Message: "line one\nline two\x1b[2J\r\u0085end\tok",
	}}}
	out := renderText(t, in)
	assert.Equal(t, `a\nb.txt: warning: line one\nline two\x1b[2J\r\u0085end`+"\tok [artifact/x]\n", out)
}
