package fix

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDiffGolden(t *testing.T) {
	tests := []struct {
		name     string
		path     string
		old, new string
		notes    []Note
		want     string
	}{
		{
			name: "equal texts give no diff",
			path: "a.txt", old: "same\n", new: "same\n",
			want: "",
		},
		{
			name:  "LF, one change with context cut at the file's start",
			path:  "./news/a.txt",
			old:   "Judul\n\nBaca Juga: lain\n\nIsi berita.\nAkhir.\n",
			new:   "Judul\n\nIsi berita.\nAkhir.\n",
			notes: []Note{{Line: 3, Rule: "artifact/read-more", Message: `"Baca Juga: …" line left by the scraper`}},
			want: "# artifact/read-more: \"Baca Juga: …\" line left by the scraper\n" +
				"--- a/news/a.txt\n+++ b/news/a.txt\n" +
				"@@ -1,6 +1,4 @@\n Judul\n \n-Baca Juga: lain\n-\n Isi berita.\n Akhir.\n",
		},
		{
			name: "CRLF line ends kept byte for byte",
			path: "a.txt",
			old:  "satu\r\ndua  spasi\r\ntiga\r\n",
			new:  "satu\r\ndua spasi\r\ntiga\r\n",
			want: "--- a/a.txt\n+++ b/a.txt\n@@ -1,3 +1,3 @@\n satu\r\n-dua  spasi\r\n+dua spasi\r\n tiga\r\n",
		},
		{
			name: "no final newline on both sides",
			path: "a.txt",
			old:  "a\nb\nc",
			new:  "a\nB\nc",
			want: "--- a/a.txt\n+++ b/a.txt\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n\\ No newline at end of file\n",
		},
		{
			name: "final newline removed",
			path: "a.txt",
			old:  "a\nb\n",
			new:  "a\nb",
			want: "--- a/a.txt\n+++ b/a.txt\n@@ -1,2 +1,2 @@\n a\n-b\n+b\n\\ No newline at end of file\n",
		},
		{
			name: "final newline added",
			path: "a.txt",
			old:  "a\nb",
			new:  "a\nb\n",
			want: "--- a/a.txt\n+++ b/a.txt\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n",
		},
		{
			name: "insertion into an empty file",
			path: "a.txt", old: "", new: "x\n",
			want: "--- a/a.txt\n+++ b/a.txt\n@@ -0,0 +1,1 @@\n+x\n",
		},
		{
			name: "a name with a quote is quoted as git quotes it",
			path: `say "hi".txt`, old: "x\n", new: "",
			want: "--- \"a/say \\\"hi\\\".txt\"\n+++ \"b/say \\\"hi\\\".txt\"\n@@ -1,1 +0,0 @@\n-x\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Diff(tt.path, tt.old, tt.new, tt.notes)
			assert.Equal(t, tt.want, got)
			if tt.old != tt.new {
				back, err := applyPatch(tt.old, got)
				require.NoError(t, err)
				assert.Equal(t, tt.new, back)
			}
		})
	}
}

// numbered returns lines "1\n".."n\n".
func numbered(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = strings.Repeat("x", i%3) + string(rune('a'+i%26)) + "\n"
	}
	return out
}

func TestDiffSectionsPerAnnotatedHunk(t *testing.T) {
	old := numbered(30)
	new := append([]string(nil), old...)
	new[2] = "three\n"                                                          // line 3 changed
	new = append(new[:14], append([]string{"ins\n", "ins2\n"}, new[14:]...)...) // 2 lines after line 14
	new = append(new[:26], new[27:]...)                                         // old line 25 ("y") deleted
	oldText, newText := strings.Join(old, ""), strings.Join(new, "")

	got := Diff("f.txt", oldText, newText, []Note{
		{Line: 25, Rule: "artifact/b", Message: "third hunk"},
		{Line: 3, Rule: "artifact/a", Message: "first hunk"},
		{Line: 15, Rule: "artifact/c", Message: "second\nhunk\r\n--- a/evil\n+++ b/evil\n@@ -1 +1 @@"},
		{Line: 0, Rule: "encoding/bom", Message: "whole file"},
	})
	want := "# encoding/bom: whole file\n" +
		"# artifact/a: first hunk\n" +
		"--- a/f.txt\n+++ b/f.txt\n" +
		"@@ -1,6 +1,6 @@\n a\n xb\n-xxc\n+three\n d\n xe\n xxf\n" +
		"# artifact/c: second hunk --- a/evil +++ b/evil @@ -1 +1 @@\n" +
		"--- a/f.txt\n+++ b/f.txt\n" +
		"@@ -12,6 +12,8 @@\n" + " xxl\n m\n xn\n+ins\n+ins2\n xxo\n p\n xq\n" +
		"# artifact/b: third hunk\n" +
		"--- a/f.txt\n+++ b/f.txt\n" +
		"@@ -24,7 +24,6 @@\n" + " v\n xw\n xxx\n-y\n xz\n xxa\n b\n"
	assert.Equal(t, want, got)

	back, err := applyPatch(oldText, got)
	require.NoError(t, err)
	assert.Equal(t, newText, back)
}

func TestDiffHunksWithoutNotesShareASection(t *testing.T) {
	old := numbered(30)
	new := append([]string(nil), old...)
	new[2], new[24] = "three\n", "twentyfive\n"
	got := Diff("f.txt", strings.Join(old, ""), strings.Join(new, ""), nil)
	assert.Equal(t, 1, strings.Count(got, "--- a/f.txt\n"))
	assert.Equal(t, 2, strings.Count(got, "\n@@ "))
	assert.Contains(t, got, "@@ -22,7 +22,7 @@\n")
}

func TestDiffMergesCloseChanges(t *testing.T) {
	old := numbered(20)
	new := append([]string(nil), old...)
	new[2], new[9] = "A\n", "B\n" // 6 unchanged lines between: one hunk
	got := Diff("f.txt", strings.Join(old, ""), strings.Join(new, ""), nil)
	assert.Equal(t, 1, strings.Count(got, "@@ -"))
	assert.Contains(t, got, "@@ -1,13 +1,13 @@\n")

	new = append([]string(nil), old...)
	new[2], new[10] = "A\n", "B\n" // 7 unchanged lines between: two hunks
	got = Diff("f.txt", strings.Join(old, ""), strings.Join(new, ""), nil)
	assert.Equal(t, 2, strings.Count(got, "@@ -"))
}

func TestFoldLine(t *testing.T) {
	assert.Equal(t, "a b c d", foldLine("a\r\nb\nc\rd"))
	assert.Equal(t, "tab\tkept, nul gone ", foldLine("tab\tkept, nul gone\x00"))
	assert.Equal(t, "“kutipan” — ok", foldLine("“kutipan”\u2028— ok"))
}

func TestNoteLinesCannotLookLikePatchLines(t *testing.T) {
	for _, msg := range []string{"--- a/x", "+++ b/x", "@@ -1 +1 @@", "diff --git a/x b/x", "+added", "-removed", " context", "\n--- a/x"} {
		for _, rule := range []string{"", "artifact/x"} {
			line := noteLine(Note{Rule: rule, Message: msg})
			assert.True(t, strings.HasPrefix(line, "# "), line)
			assert.Equal(t, 1, strings.Count(line, "\n"), line)
			assert.True(t, strings.HasSuffix(line, "\n"), line)
		}
	}
}

func TestAttachNotesNearestHunk(t *testing.T) {
	hunks := []hunk{{oldStart: 0, oldLen: 6}, {oldStart: 20, oldLen: 7}}
	got := attachNotes(hunks, []Note{{Line: 10, Rule: "x/near-first"}, {Line: 17, Rule: "x/near-second"}, {Line: 99, Rule: "x/after"}, {Line: 24, Rule: "x/inside"}})
	require.Len(t, got, 2)
	assert.Equal(t, []Note{{Line: 10, Rule: "x/near-first"}}, got[0])
	assert.Equal(t, []Note{{Line: 17, Rule: "x/near-second"}, {Line: 24, Rule: "x/inside"}, {Line: 99, Rule: "x/after"}}, got[1])
	// On a tie the earlier hunk takes the note: line 13 is 7 from both.
	got = attachNotes(hunks, []Note{{Line: 13}})
	assert.Len(t, got[0], 1)
	assert.Empty(t, got[1])
}

func TestFileHeader(t *testing.T) {
	assert.Equal(t, "--- a/x/y.txt\n+++ b/x/y.txt\n", fileHeader("././x/y.txt"))
	assert.Equal(t, "--- a/berita lama.txt\n+++ b/berita lama.txt\n", fileHeader("berita lama.txt"))
	assert.Equal(t, "--- a/tmp/corpus/x.txt\n+++ b/tmp/corpus/x.txt\n", fileHeader("/tmp/corpus/x.txt"), "an absolute path loses its leading slash, as in git diff --no-index")
	assert.Equal(t, "--- \"a/tab\\there\\001.txt\"\n+++ \"b/tab\\there\\001.txt\"\n", fileHeader("tab\there\x01.txt"))
}
