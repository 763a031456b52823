package report

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/rule"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/report")

// goldenDir holds the golden files and the SARIF schema.
var goldenDir = filepath.Join("..", "..", "testdata", "report")

// The two articles of the shared input. Curly quotes and the em dash take
// three bytes and one code point; the emoji takes four bytes, one code point
// and two UTF-16 units, so the three column counts differ on line 1.
const (
	pathA = "news/a.txt"
	textA = "📰 Menteri: “Harga beras naik” — kata Budi\n" +
		"Baca Juga: Harga cabai turun\n" +
		"Menurut sumber ,pemerintah akan bertindak\n"
	pathB = "news/kompas, 2024.txt"
	textB = "📰 Menteri: “Harga beras naik” — kata Budi\n" +
		"“Kami siap,” ujarnya.\n"
)

// position resolves a byte offset of text the way the engine does.
func position(text string, off int) finding.Position {
	line, start := 1, 0
	for i := 0; i < off; i++ {
		if text[i] == '\n' {
			line++
			start = i + 1
		}
	}
	seg := text[start:off]
	return finding.Position{
		Offset:      off,
		Line:        line,
		Column:      len(seg) + 1,
		RuneColumn:  utf8.RuneCountInString(seg) + 1,
		UTF16Column: len(utf16.Encode([]rune(seg))) + 1,
	}
}

// resolve turns a span of text into a range.
func resolve(text string, s finding.Span) finding.Range {
	return finding.Range{Start: position(text, s.Start), End: position(text, s.End)}
}

// spanOf is the span of the first occurrence of sub in text, extended by
// extra bytes.
func spanOf(t testing.TB, text, sub string, extra int) finding.Span {
	t.Helper()
	i := strings.Index(text, sub)
	require.GreaterOrEqual(t, i, 0, "%q not in text", sub)
	return finding.Span{Start: i, End: i + len(sub) + extra}
}

// at builds a located finding in text.
func at(t testing.TB, text string, f finding.Finding) finding.Finding {
	t.Helper()
	f.Range = resolve(text, f.Span)
	for i := range f.Fixes {
		for j := range f.Fixes[i].Edits {
			e := &f.Fixes[i].Edits[j]
			e.Range = resolve(text, e.Span)
		}
	}
	return f
}

// sampleRules are the rules of the shared input.
func sampleRules() []*rule.Rule {
	doc := func(what, why, bad, good string) rule.Doc {
		return rule.Doc{What: what, Why: why, Bad: bad, Good: good, Lang: "id"}
	}
	return []*rule.Rule{
		{ID: "artifact/read-also", Title: "“Baca Juga” links left in the body", Severity: finding.Warning, FixSafe: true,
			Doc: doc("Finds “Baca Juga:” lines that link to other articles.", "They are navigation, not text of the article.",
				"Harga naik.\nBaca Juga: Cabai turun\nPasar ramai.\n", "Harga naik.\nPasar ramai.\n")},
		{ID: "attribution/unattributed-quote", Title: "quotes without a named source", Severity: finding.Info,
			Doc: doc("Finds quotations no one is said to have spoken.", "Readers cannot weigh an anonymous quote.",
				"“Kami siap.”\n", "“Kami siap,” kata Budi.\n")},
		{ID: "duplicate/headline", Title: "headlines used by more than one article", Severity: finding.Warning,
			Doc: doc("Finds articles whose headline another article already has.", "Duplicates skew a corpus.",
				"Harga naik\n", "Harga naik lagi\n")},
		{ID: "encoding/mojibake", Title: "text decoded with the wrong encoding", Severity: finding.Error,
			Doc: doc("Finds text that was decoded twice, such as `Ã©` for `é`.", "Mojibake corrupts every word it touches.",
				"CafÃ© ```ramai```\n", "Café ```ramai```\n")},
		{ID: "punctuation/missing-final-period", Title: "paragraphs without a final period", Severity: finding.Info, FixSafe: true,
			Doc: doc("Finds paragraphs that end without punctuation.", "Sentence splitters need it.",
				"Pasar ramai\n", "Pasar ramai.\n")},
		{ID: "punctuation/space-before-comma", Title: "a space before a comma", Severity: finding.Error,
			Doc: doc("Finds a space typed before a comma instead of after it.", "It breaks tokenisation.",
				"sumber ,pemerintah\n", "sumber, pemerintah\n")},
	}
}

// sampleInput is the shared input every format renders for its golden file:
// six findings in two files and one file that could not be checked.
func sampleInput(t testing.TB) *Input {
	t.Helper()
	headlineA := spanOf(t, textA, "📰 Menteri: “Harga beras naik” — kata Budi", 0)
	headlineB := spanOf(t, textB, "📰 Menteri: “Harga beras naik” — kata Budi", 0)
	readAlso := spanOf(t, textA, "Baca Juga: Harga cabai turun", 0)
	readAlsoLine := spanOf(t, textA, "Baca Juga: Harga cabai turun", 1) // with its line break
	comma := spanOf(t, textA, " ,", 0)
	lastWord := spanOf(t, textA, "bertindak", 0)
	quote := spanOf(t, textB, "“Kami siap,”", 0)

	return &Input{
		Version: "1.2.3",
		Files:   3,
		Rules:   sampleRules(),
		Errors:  []FileError{{Path: "news/rusak.txt", Message: "invalid UTF-8 at byte 12"}},
		Findings: []finding.Finding{
			at(t, textA, finding.Finding{
				Rule: "duplicate/headline", Path: pathA, Span: headlineA, Severity: finding.Warning,
				Message: "headline “Harga beras naik” — also heads another article",
				Related: []finding.Location{{
					Path: pathB, Span: headlineB, Range: resolve(textB, headlineB),
					Message: "first article with this headline",
				}},
			}),
			at(t, textA, finding.Finding{
				Rule: "artifact/read-also", Path: pathA, Span: readAlso, Severity: finding.Warning,
				Message: "“Baca Juga” link left in the article body",
				Fixes: []finding.Fix{{
					Message: "delete the line “Baca Juga: Harga cabai turun”", Safe: true,
					Edits: []finding.Edit{{Span: readAlsoLine}},
				}},
			}),
			at(t, textA, finding.Finding{
				Rule: "punctuation/space-before-comma", Path: pathA, Span: comma, Severity: finding.Error,
				Message: "space before a comma",
				Fixes: []finding.Fix{{
					Message: `replace " ," with ", "`,
					Edits:   []finding.Edit{{Span: comma, New: ", "}},
				}},
			}),
			at(t, textA, finding.Finding{
				Rule: "punctuation/missing-final-period", Path: pathA, Span: lastWord, Severity: finding.Info,
				Message: "paragraph ends without a period",
				Fixes: []finding.Fix{{
					Message: `insert "." after “bertindak”`, Safe: true,
					Edits: []finding.Edit{{Span: finding.Span{Start: lastWord.End, End: lastWord.End}, New: "."}},
				}},
			}),
			{
				Rule: "encoding/mojibake", Path: pathB, Severity: finding.Error,
				Message: "file looks decoded twice: 3 lines hold Ã sequences",
			},
			at(t, textB, finding.Finding{
				Rule: "attribution/unattributed-quote", Path: pathB, Span: quote, Severity: finding.Info,
				Message: "quote “Kami siap,” has no named source: 100% of quotes need one",
			}),
		},
	}
}

func TestGolden(t *testing.T) {
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, Write(&buf, format, sampleInput(t)))
			golden := filepath.Join(goldenDir, "golden."+format)
			if *update {
				require.NoError(t, os.WriteFile(golden, buf.Bytes(), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run go test ./internal/report -update to create it")
			assert.Equal(t, string(want), buf.String())
		})
	}
}

func TestFormats(t *testing.T) {
	assert.Equal(t, []string{"text", "json", "rdjsonl", "sarif", "github"}, Formats())
	for _, format := range Formats() {
		var buf bytes.Buffer
		require.NoError(t, Write(&buf, format, &Input{}), format)
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	var buf bytes.Buffer
	err := Write(&buf, "yaml", sampleInput(t))
	require.Error(t, err)
	assert.Contains(t, err.Error(), `"yaml"`)
	for _, format := range Formats() {
		assert.Contains(t, err.Error(), format)
	}
	assert.Zero(t, buf.Len(), "nothing is written for an unknown format")
}

func TestWriteNilInput(t *testing.T) {
	err := Write(&bytes.Buffer{}, "json", nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "json")
}

// failingWriter fails every write.
type failingWriter struct{ err error }

func (w failingWriter) Write([]byte) (int, error) { return 0, w.err }

func TestWriteReportsWriterErrors(t *testing.T) {
	boom := errors.New("disk full")
	for _, format := range Formats() {
		err := Write(failingWriter{boom}, format, sampleInput(t))
		require.Error(t, err, format)
		assert.ErrorIs(t, err, boom, format)
		assert.Contains(t, err.Error(), format)
	}
}

// TestColumnUnits checks that every format counts columns in its own unit:
// code points for text, SARIF and GitHub, bytes for rdjsonl, all three in JSON.
func TestColumnUnits(t *testing.T) {
	text := "📰 “A” — kata Budi\n"
	span := spanOf(t, text, "kata", 0)
	f := at(t, text, finding.Finding{Rule: "attribution/x", Path: "a.txt", Span: span, Severity: finding.Error, Message: "m"})
	// "📰 “A” — " is 4+1+3+1+3+1+3+1 = 17 bytes, 8 code points, 9 UTF-16 units.
	require.Equal(t, finding.Position{Offset: 17, Line: 1, Column: 18, RuneColumn: 9, UTF16Column: 10}, f.Range.Start)
	in := &Input{Findings: []finding.Finding{f}}

	render := func(format string) string {
		var buf bytes.Buffer
		require.NoError(t, Write(&buf, format, in))
		return buf.String()
	}
	assert.Equal(t, "a.txt:1:9: error: m [attribution/x]\n", render("text"))
	assert.Contains(t, render("rdjsonl"), `"range":{"start":{"line":1,"column":18},"end":{"line":1,"column":22}}`)
	sarif := render("sarif")
	assert.Contains(t, sarif, `"startColumn": 9,`)
	assert.Contains(t, sarif, `"endColumn": 13`)
	assert.Contains(t, render("github"), "col=9,endColumn=13,")
	js := render("json")
	assert.Contains(t, js, `"column": 18,`)
	assert.Contains(t, js, `"runeColumn": 9,`)
	assert.Contains(t, js, `"utf16Column": 10`)
}

func TestRuleAnchor(t *testing.T) {
	assert.Equal(t, "artifactread-also", ruleAnchor("artifact/read-also"))
	assert.Equal(t, "punctuationspace-before-comma", ruleAnchor("Punctuation/Space-Before-Comma"))
	assert.Equal(t, "https://github.com/corpuslint/corpuslint/blob/main/README.md#duplicateheadline", ruleDocURL("duplicate/headline"))
}
