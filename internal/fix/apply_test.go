package fix

import (
	"testing"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestApply(t *testing.T) {
	const text = "Dia berkata “halo”  — lalu pergi.\n"
	tests := []struct {
		name  string
		edits []finding.Edit
		want  string
	}{
		{name: "no edits", want: text},
		{
			name: "curly quotes and em dash replaced",
			edits: []finding.Edit{
				edit(t, text, "“", 0, `"`),
				edit(t, text, "”", 0, `"`),
				edit(t, text, "  — ", 0, " - "),
			},
			want: "Dia berkata \"halo\" - lalu pergi.\n",
		},
		{
			name: "ASCII replaced by multibyte",
			edits: []finding.Edit{
				edit(t, text, "Dia", 0, "Ia — kata"),
				edit(t, text, "pergi", 0, "“pergi”"),
			},
			want: "Ia — kata berkata “halo”  — lalu “pergi”.\n",
		},
		{
			name:  "insertion before a replacement at the same offset",
			edits: []finding.Edit{insertAt(0, "» "), edit(t, text, "Dia", 0, "Ia")},
			want:  "» Ia berkata “halo”  — lalu pergi.\n",
		},
		{
			name:  "insertion at the end and deletion of everything before",
			edits: []finding.Edit{span(0, len(text), ""), insertAt(len(text), "—")},
			want:  "—",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Apply(text, tt.edits)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestApplyRejects(t *testing.T) {
	const text = "0123456789"
	tests := []struct {
		name  string
		edits []finding.Edit
		want  string
	}{
		{"past the end", []finding.Edit{span(8, 11, "")}, "edit 1 (bytes 8 to 11) lies outside the text (10 bytes)"},
		{"negative", []finding.Edit{span(-1, 1, "")}, "edit 1 (bytes -1 to 1) lies outside the text (10 bytes)"},
		{"reversed", []finding.Edit{span(4, 3, "")}, "edit 1 (bytes 4 to 3) lies outside the text (10 bytes)"},
		{"unsorted", []finding.Edit{span(5, 6, ""), span(1, 2, "")}, "edit 2 (bytes 1 to 2) overlaps or precedes edit 1 (bytes 5 to 6); edits must be sorted and must not overlap"},
		{"overlapping", []finding.Edit{span(1, 4, ""), span(3, 6, "")}, "edit 2 (bytes 3 to 6) overlaps or precedes edit 1 (bytes 1 to 4); edits must be sorted and must not overlap"},
		{"two insertions at one offset", []finding.Edit{insertAt(3, "a"), insertAt(3, "b")}, "edit 2 (bytes 3 to 3) overlaps or precedes edit 1 (bytes 3 to 3); edits must be sorted and must not overlap"},
		{"insertion after a replacement at its start", []finding.Edit{span(3, 5, "x"), insertAt(3, "b")}, "edit 2 (bytes 3 to 3) overlaps or precedes edit 1 (bytes 3 to 5); edits must be sorted and must not overlap"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Apply(text, tt.edits)
			require.EqualError(t, err, tt.want)
			assert.Empty(t, got)
		})
	}
}

func TestNormalizeNewlines(t *testing.T) {
	tests := []struct{ in, eol, want string }{
		{"a\nb\n", "\r\n", "a\r\nb\r\n"},
		{"a\r\nb\n", "\r\n", "a\r\nb\r\n"},
		{"a\r\nb\n", "\n", "a\nb\n"},
		{"a\nb", "\r", "a\rb"},
		{"“a”\n— b", "\r\n", "“a”\r\n— b"},
		{"no line end", "\r\n", "no line end"},
		{"lone\rcr\n", "\r\n", "lone\rcr\r\n"},
		{"a\n", "", "a\n"},
		{"", "\r\n", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, NormalizeNewlines(tt.in, tt.eol), "%q with %q", tt.in, tt.eol)
	}
}
