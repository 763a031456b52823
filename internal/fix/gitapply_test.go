package fix

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// gitApplyCase is a file's text before and after, and the notes on the change.
type gitApplyCase struct {
	name     string
	file     string
	old, new string
	notes    []Note
}

func gitApplyCases() []gitApplyCase {
	lf := numbered(40)
	lfNew := append([]string(nil), lf...)
	lfNew[0] = "Judul baru\n"
	lfNew[12] = "“kutipan” — diganti\n"
	lfNew = append(lfNew[:20], lfNew[22:]...) // two lines gone
	lfNew = append(lfNew[:30], append([]string{"baru 1\n", "baru 2\n", "baru 3\n"}, lfNew[30:]...)...)

	crlf := make([]string, 30)
	for i := range crlf {
		crlf[i] = strings.TrimSuffix(numbered(30)[i], "\n") + " “baris” —\r\n"
	}
	crlfNew := append([]string(nil), crlf...)
	crlfNew[4] = "Baca Juga: dihapus\r\n"
	crlfNew = append(crlfNew[:15], crlfNew[16:]...)
	crlfNew[len(crlfNew)-1] = "akhir tanpa baris baru"

	noEOL := strings.Join(numbered(12), "") + "ekor tanpa akhir"
	noEOLNew := strings.Replace(noEOL, "ekor tanpa akhir", "ekor diganti", 1)
	noEOLNew = strings.Replace(noEOLNew, "xb\n", "B\n", 1)

	return []gitApplyCase{
		{
			name: "LF, four hunks, notes on three",
			file: "berita.txt",
			old:  strings.Join(lf, ""), new: strings.Join(lfNew, ""),
			notes: []Note{
				{Line: 1, Rule: "duplicate/headline", Message: "headline repeated"},
				{Line: 13, Rule: "punctuation/quotes", Message: "“straight” quotes\n--- a/berita.txt"},
				{Line: 31, Rule: "artifact/read-more", Message: "@@ -1,1 +1,1 @@\r\n+injected"},
			},
		},
		{
			name: "LF, notes on every hunk",
			file: "sub/dir/berita.txt",
			old:  strings.Join(lf, ""), new: strings.Join(lfNew, ""),
			notes: []Note{
				{Line: 1, Rule: "a/a", Message: "one"}, {Line: 13, Rule: "a/b", Message: "two"},
				{Line: 21, Rule: "a/c", Message: "three"}, {Line: 33, Rule: "a/d", Message: "diff --git a/x b/x"},
			},
		},
		{
			name: "CRLF with multibyte text and a removed final line end",
			file: "crlf.txt",
			old:  strings.Join(crlf, ""), new: strings.Join(crlfNew, ""),
			notes: []Note{
				{Line: 5, Rule: "artifact/read-more", Message: "“Baca Juga” —"},
				{Line: 16, Rule: "duplicate/paragraph", Message: "repeated"},
				{Line: 30, Rule: "encoding/eol", Message: "last line"},
			},
		},
		{
			name: "no final line end on either side",
			file: "noeol.txt",
			old:  noEOL, new: noEOLNew,
			notes: []Note{{Line: 13, Rule: "artifact/tail", Message: "tail"}, {Line: 2, Rule: "a/b", Message: "second line"}},
		},
		{
			name: "a name with a space and a quote",
			file: `berita "lama" 1.txt`,
			old:  "a\nb\nc\n", new: "a\nc\n",
			notes: []Note{{Line: 2, Rule: "a/b", Message: "x"}},
		},
		{
			name: "from empty",
			file: "empty.txt",
			old:  "", new: "isi\nbaru\n",
			notes: []Note{{Line: 1, Rule: "a/b", Message: "x"}},
		},
		{
			name: "to empty",
			file: "gone.txt",
			old:  "isi\nlama\n", new: "",
		},
	}
}

func TestDiffGitApply(t *testing.T) {
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git is not on PATH")
	}
	for _, tc := range gitApplyCases() {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			env := append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull, "HOME="+dir)
			run := func(stdin string, args ...string) string {
				cmd := exec.Command(git, args...)
				cmd.Dir, cmd.Env = dir, env
				cmd.Stdin = strings.NewReader(stdin)
				out, err := cmd.CombinedOutput()
				require.NoError(t, err, "git %s: %s", strings.Join(args, " "), out)
				return string(out)
			}
			run("", "init", "-q")
			path := filepath.Join(dir, tc.file)
			require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
			require.NoError(t, os.WriteFile(path, []byte(tc.old), 0o644))

			patch := Diff("./"+tc.file, tc.old, tc.new, tc.notes)
			require.NotEmpty(t, patch)
			for _, n := range tc.notes {
				assert.Contains(t, patch, "# "+n.Rule+": ")
			}
			out := run(patch, "apply", "-v")
			// Every hunk must apply exactly where it says, not found by searching.
			assert.NotContains(t, out, "offset")
			assert.NotContains(t, out, "fuzz")

			got, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.Equal(t, tc.new, string(got))

			back, err := applyPatch(tc.old, patch)
			require.NoError(t, err)
			assert.Equal(t, tc.new, back)
		})
	}
}
