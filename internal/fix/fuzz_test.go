package fix

import (
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// byteSource hands out the bytes of a fuzz input, then zeros.
type byteSource struct{ data []byte }

func (s *byteSource) next() int {
	if len(s.data) == 0 {
		return 0
	}
	b := s.data[0]
	s.data = s.data[1:]
	return int(b)
}

// fuzzTexts are the pieces new text is made of: multibyte and line ends included.
var fuzzTexts = []string{"", "", " ", "x", "“", "”", "—", "\n", "\r\n", "Baca Juga: ", "é"}

var fuzzRules = []string{"artifact/read-more", "punctuation/doubled-space", "punctuation/quotes", "duplicate/line"}

// fuzzFindings builds up to 15 findings with random fixes over a text of
// textLen bytes; some edits fall outside the text or are reversed on purpose.
func fuzzFindings(src *byteSource, textLen int) []finding.Finding {
	n := src.next() % 16
	fs := make([]finding.Finding, n)
	for i := range fs {
		f := finding.Finding{Rule: fuzzRules[src.next()%len(fuzzRules)], Range: finding.Range{Start: finding.Position{Line: src.next() % 5}}}
		for nf := src.next() % 3; nf > 0; nf-- {
			fx := finding.Fix{Safe: src.next()%4 != 0}
			for ne := 1 + src.next()%3; ne > 0; ne-- {
				start := src.next()%(textLen+3) - 1
				end := start + src.next()%10 - 1
				if src.next()%3 == 0 {
					end = start
				}
				fx.Edits = append(fx.Edits, finding.Edit{Span: finding.Span{Start: start, End: end}, New: fuzzTexts[src.next()%len(fuzzTexts)]})
			}
			f.Fixes = append(f.Fixes, fx)
		}
		fs[i] = f
	}
	return fs
}

func FuzzMerge(f *testing.F) {
	f.Add("Judul\n\nBaca Juga: “lain”\n\nIsi  berita — ini.\n", []byte{5, 0, 1, 1, 0, 1, 14, 20, 1, 1, 1, 1, 2, 2, 1, 1, 2, 3, 1, 5, 30, 2, 1, 1, 3, 1})
	f.Add("“kutipan”  —  é\r\nbaris\r\n", []byte{9, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
	f.Add("", []byte{3, 0, 0, 1, 1, 1, 0, 0, 0})
	f.Add("abc", []byte{})
	f.Fuzz(func(t *testing.T, text string, choices []byte) {
		src := &byteSource{data: choices}
		findings := fuzzFindings(src, len(text))
		plan := Merge(len(text), findings)

		require.NoError(t, checkEdits(len(text), plan.Edits), "plan edits not sorted, disjoint and in bounds")
		for i := 1; i < len(plan.Edits); i++ {
			require.LessOrEqual(t, plan.Edits[i-1].End, plan.Edits[i].Start)
		}
		_, err := Apply(text, plan.Edits)
		require.NoError(t, err)

		inPlan := map[finding.Edit]bool{}
		for _, e := range plan.Edits {
			inPlan[e] = true
		}
		seen := map[int]bool{}
		used := map[finding.Edit]bool{}
		for _, i := range plan.Applied {
			require.False(t, seen[i], "finding %d listed twice", i)
			seen[i] = true
			fx := findings[i].SafeFix()
			require.NotNil(t, fx, "finding %d has no safe fix", i)
			for _, e := range fx.Edits {
				if e.Len() == 0 && e.New == "" {
					continue
				}
				if inPlan[e] {
					used[e] = true
					continue
				}
				// A deletion may have been united with deletions it overlaps.
				covering := false
				for _, pe := range plan.Edits {
					if e.New == "" && pe.New == "" && pe.Contains(e.Span) {
						used[pe] = true
						covering = true
					}
				}
				require.True(t, covering, "edit %+v of applied finding %d is not in the plan", e, i)
			}
		}
		assert.Len(t, used, len(plan.Edits), "the plan holds edits of no applied fix")
		for _, s := range plan.Skipped {
			require.False(t, seen[s.Index], "finding %d listed twice", s.Index)
			seen[s.Index] = true
			require.NotNil(t, findings[s.Index].SafeFix())
			require.NotEmpty(t, s.Reason)
		}
		for i := range findings {
			assert.Equal(t, findings[i].SafeFix() != nil, seen[i], "finding %d", i)
		}

		// The same findings in reverse order give the same edits.
		rev := make([]finding.Finding, len(findings))
		for i := range findings {
			rev[len(findings)-1-i] = findings[i]
		}
		assert.Equal(t, plan.Edits, Merge(len(text), rev).Edits)
	})
}

func FuzzDiff(f *testing.F) {
	f.Add("Judul\n\nBaca Juga: lain\n\nIsi berita.\n", "Judul\n\nIsi berita.\n", 3, "“Baca Juga” line\n--- a/x")
	f.Add("satu\r\ndua  “spasi”\r\ntiga —\r\n", "satu\r\ndua “spasi”\r\ntiga —", 2, "doubled space")
	f.Add("a\nb\nc", "a\nc\n", 0, "")
	f.Add("", "é\n", 1, "@@ -1 +1 @@")
	f.Add("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n", "1\n2\nx\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\ny\n16", 15, "+++ b/x\r\n- y")
	f.Fuzz(func(t *testing.T, old, new string, line int, msg string) {
		notes := []Note{{Line: line, Rule: "artifact/x", Message: msg}, {Line: line / 2, Message: msg}}
		d := Diff("./dir/f.txt", old, new, notes)
		if old == new {
			require.Empty(t, d)
			return
		}
		require.True(t, strings.HasSuffix(d, "\n"))
		got, err := applyPatch(old, d)
		require.NoError(t, err, "patch:\n%s", d)
		require.Equal(t, new, got)
		comments := 0
		for _, l := range splitLines(d) {
			if strings.HasPrefix(l, "#") {
				comments++
			}
		}
		require.Equal(t, len(notes), comments)
	})
}
