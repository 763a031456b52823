package baseline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/corpuslint/corpuslint/internal/finding"
)

// at builds a finding of rule on the first occurrence of needle in text.
func at(t *testing.T, rule, path, text, needle string) finding.Finding {
	t.Helper()
	i := strings.Index(text, needle)
	require.GreaterOrEqual(t, i, 0, needle)
	line := strings.Count(text[:i], "\n") + 1
	return finding.Finding{
		Rule: rule, Path: path, Span: finding.Span{Start: i, End: i + len(needle)},
		Range:   finding.Range{Start: finding.Position{Line: line, Column: 1}, End: finding.Position{Line: line, Column: 2}},
		Message: "m at line " + string(rune('0'+line)), Severity: finding.Warning,
	}
}

// reader serves texts from a map.
func reader(texts map[string]string) ReadFunc {
	return func(p string) ([]byte, error) {
		s, ok := texts[p]
		if !ok {
			return nil, os.ErrNotExist
		}
		return []byte(s), nil
	}
}

const before = "Judul Berita\n\nParagraf pertama.\nBaca Juga: Berita Lain\nParagraf kedua.\nBaca Juga: Berita Lain\n"

func TestFindingsSurviveLinesMoving(t *testing.T) {
	dir := t.TempDir()
	bl := filepath.Join(dir, "baseline.json")
	p := filepath.Join(dir, "a.txt")

	old := []finding.Finding{
		at(t, "artifact/read-more", p, before, "Baca Juga: Berita Lain"),
		at(t, "punctuation/x", p, before, "kedua"),
	}
	fp, err := NewFingerprints(bl, reader(map[string]string{p: before}))
	require.NoError(t, err)
	b, err := fp.Build(old)
	require.NoError(t, err)
	require.NoError(t, Write(bl, b))

	// Two paragraphs added above, the widget now on another line; and a new
	// widget line.
	after := "Judul Berita\n\nTambahan.\n\nTambahan lagi.\n\nParagraf pertama.\nBaca Juga: Berita Lain\nParagraf kedua.\nBaca Juga: Kabar Baru\n"
	now := []finding.Finding{
		at(t, "artifact/read-more", p, after, "Baca Juga: Berita Lain"),
		at(t, "punctuation/x", p, after, "kedua"),
		at(t, "artifact/read-more", p, after, "Baca Juga: Kabar Baru"),
	}
	assert.NotEqual(t, old[0].Range.Start.Line, now[0].Range.Start.Line, "the line moved")
	loaded, err := Read(bl)
	require.NoError(t, err)
	fp, err = NewFingerprints(bl, reader(map[string]string{p: after}))
	require.NoError(t, err)
	fresh, err := fp.New(loaded, now)
	require.NoError(t, err)
	require.Len(t, fresh, 1)
	assert.Equal(t, now[2], fresh[0], "only the new widget is reported")
}

func TestRepeatsAreCounted(t *testing.T) {
	dir := t.TempDir()
	bl := filepath.Join(dir, "b.json")
	p := filepath.Join(dir, "a.txt")
	text := "x\nBaca Juga: Sama\ny\nBaca Juga: Sama\nz\nBaca Juga: Sama\n"
	second := strings.Index(text, "y\n") + 2
	third := strings.Index(text, "z\n") + 2
	mk := func(start int) finding.Finding {
		f := at(t, "artifact/read-more", p, text, "Baca Juga: Sama")
		f.Span = finding.Span{Start: start, End: start + len("Baca Juga: Sama")}
		return f
	}
	all := []finding.Finding{mk(2), mk(second), mk(third)}
	fp, err := NewFingerprints(bl, reader(map[string]string{p: text}))
	require.NoError(t, err)
	b, err := fp.Build(all[:2])
	require.NoError(t, err)
	require.Len(t, b.Findings, 1)
	assert.Equal(t, 2, b.Findings[0].Count)
	fresh, err := fp.New(b, all)
	require.NoError(t, err)
	assert.Len(t, fresh, 1, "two recorded copies absorb two findings; the third is new")
}

func TestContextTellsEqualSpansApart(t *testing.T) {
	text := "Dia berkata  bahwa.\nKami berkata  bahwa.\n"
	f1 := at(t, "punctuation/irregular-space", "a.txt", text, "  ")
	f2 := f1
	i := strings.Index(text[20:], "  ") + 20
	f2.Span = finding.Span{Start: i, End: i + 2}
	assert.NotEqual(t, Fingerprint(&f1, text), Fingerprint(&f2, text), "the same two spaces on different lines")

	moved := "Baris baru.\n" + strings.ReplaceAll(text, "\n", "\r\n")
	f3 := f1
	f3.Span.Start += len("Baris baru.\n")
	f3.Span.End += len("Baris baru.\n")
	assert.Equal(t, Fingerprint(&f1, text), Fingerprint(&f3, moved), "moved, and with CRLF line ends")

	spaced := "Dia\tberkata  bahwa.\n"
	f4 := at(t, "punctuation/irregular-space", "a.txt", spaced, "  ")
	assert.Equal(t, Fingerprint(&f1, text), Fingerprint(&f4, spaced), "white space in the context is collapsed")
}

func TestWholeFileFinding(t *testing.T) {
	f := finding.Finding{Rule: "duplicate/same-body", Path: "a.txt", Message: "same body as b.txt"}
	g := f
	g.Message = "same body as c.txt"
	assert.NotEqual(t, Fingerprint(&f, "text"), Fingerprint(&g, "text"))
	assert.Equal(t, Fingerprint(&f, "text"), Fingerprint(&f, "other text"), "the text does not matter")
}

func TestPathsAreRelativeToTheBaseline(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "corpus"), 0o755))
	bl := filepath.Join(dir, "corpuslint-baseline.json")
	text := "Baca Juga: X\n"
	t.Chdir(dir)
	fp, err := NewFingerprints("corpuslint-baseline.json", reader(map[string]string{"corpus/a.txt": text}))
	require.NoError(t, err)
	b, err := fp.Build([]finding.Finding{at(t, "artifact/read-more", "corpus/a.txt", text, "Baca Juga: X")})
	require.NoError(t, err)
	assert.Equal(t, "corpus/a.txt", b.Findings[0].Path)
	require.NoError(t, Write(bl, b))

	// Linted from inside the corpus folder, the baseline named from there.
	t.Chdir(filepath.Join(dir, "corpus"))
	fp, err = NewFingerprints("../corpuslint-baseline.json", reader(map[string]string{"a.txt": text}))
	require.NoError(t, err)
	loaded, err := Read("../corpuslint-baseline.json")
	require.NoError(t, err)
	fresh, err := fp.New(loaded, []finding.Finding{at(t, "artifact/read-more", "a.txt", text, "Baca Juga: X")})
	require.NoError(t, err)
	assert.Empty(t, fresh)
}

func TestWriteIsStableAndVersioned(t *testing.T) {
	dir := t.TempDir()
	bl := filepath.Join(dir, "b.json")
	b := &File{Version: Version, Tool: "corpuslint", Findings: []Entry{{Rule: "a/b", Path: "x.txt", Fingerprint: "00ff", Count: 2}}}
	require.NoError(t, Write(bl, b))
	data, err := os.ReadFile(bl)
	require.NoError(t, err)
	assert.Equal(t, `{
  "version": 1,
  "tool": "corpuslint",
  "findings": [
    {
      "rule": "a/b",
      "path": "x.txt",
      "fingerprint": "00ff",
      "count": 2
    }
  ]
}
`, string(data))
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary file is left behind")
}

func TestReadErrorsNameTheFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(s), 0o644))
		return p
	}
	tests := []struct{ path, want string }{
		{filepath.Join(dir, "missing.json"), "missing.json: no such file or directory"},
		{write("text.json", "Baca Juga\n"), "text.json: not a corpuslint baseline (JSON)"},
		{write("v2.json", `{"version": 2, "tool": "corpuslint", "findings": []}`), "v2.json: version 2 is not supported"},
		{write("v0.json", `{"findings": []}`), "v0.json: version 0 is not supported"},
		{write("bad-entry.json", `{"version": 1, "findings": [{"rule": "a/b", "path": "x", "fingerprint": "f", "count": 0}]}`), "bad-entry.json: finding 1 needs"},
		{write("extra.json", `{"version": 1, "findings": [], "color": "red"}`), "extra.json: not a corpuslint baseline"},
	}
	for _, tt := range tests {
		_, err := Read(tt.path)
		require.Error(t, err, tt.path)
		assert.Contains(t, err.Error(), tt.want)
	}
}

func TestUnreadableArticleIsAnError(t *testing.T) {
	dir := t.TempDir()
	fp, err := NewFingerprints(filepath.Join(dir, "b.json"), reader(nil))
	require.NoError(t, err)
	_, err = fp.Build([]finding.Finding{{Rule: "a/b", Path: filepath.Join(dir, "gone.txt"), Range: finding.Range{Start: finding.Position{Line: 1}}}})
	assert.ErrorContains(t, err, "gone.txt: reading for its fingerprint")
}
