package rules_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/linttest"
	"github.com/corpuslint/corpuslint/internal/rule"
	"github.com/corpuslint/corpuslint/rules"
)

// punctuationRules returns every punctuation rule, optional ones included.
func punctuationRules(t *testing.T) []*rule.Rule {
	t.Helper()
	var out []*rule.Rule
	for _, r := range rules.All() {
		if finding.Category(r.ID) == "punctuation" {
			out = append(out, r)
		}
	}
	require.NotEmpty(t, out)
	return out
}

// readCases reads the .txt files of dir, keyed by name; the name without
// extension is the language.
func readCases(t *testing.T, dir string) map[string]string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	require.NoError(t, err)
	require.NotEmpty(t, paths, "no cases in %s", dir)
	out := map[string]string{}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		out[filepath.Base(p)] = string(data)
	}
	return out
}

// TestPunctuationNeverFlag: running text holding every never-flag example of
// issue 5 (abbreviations, numbers, times, initials, ellipses, list numbers,
// domains, URLs, e-mail addresses, file names, sentence-final "kita semua",
// stranded English prepositions) gives no finding from any punctuation rule.
func TestPunctuationNeverFlag(t *testing.T) {
	all := punctuationRules(t)
	for name, text := range readCases(t, filepath.Join("..", "testdata", "punctuation", "never-flag")) {
		t.Run(name, func(t *testing.T) {
			lang := strings.TrimSuffix(name, ".txt")
			fs := linttest.Run(t, all, lang, linttest.File{Path: name, Text: text})
			assert.Empty(t, linttest.Text(t, fs), "never-flag text must be clean")
		})
	}
}

// TestPunctuationFixRoundTrip: after --fix with every punctuation rule,
// re-running reports none of the fixed findings and no new ones; only the
// findings without a safe fix remain.
func TestPunctuationFixRoundTrip(t *testing.T) {
	all := punctuationRules(t)
	for name, text := range readCases(t, filepath.Join("..", "testdata", "punctuation", "round-trip")) {
		t.Run(name, func(t *testing.T) {
			lang := strings.TrimSuffix(name, ".txt")
			before := linttest.Run(t, all, lang, linttest.File{Path: name, Text: text})
			var fixable, unfixable []string
			rulesSeen := map[string]bool{}
			for _, f := range before {
				rulesSeen[f.Rule] = true
				if hasSafeFix(f) {
					fixable = append(fixable, f.Rule+": "+f.Message)
				} else {
					unfixable = append(unfixable, f.Rule+": "+f.Message)
				}
			}
			require.GreaterOrEqual(t, len(rulesSeen), 6, "the case must exercise most punctuation rules: %v", rulesSeen)
			require.NotEmpty(t, fixable)
			fixed, res := linttest.Fix(t, all, lang, linttest.File{Path: "-", Text: text})
			require.NotEqual(t, text, fixed, "--fix must change the text")
			for _, s := range res.Fixes {
				assert.Empty(t, s.Skipped, "no fix may be skipped")
			}
			after := linttest.Run(t, all, lang, linttest.File{Path: name, Text: fixed})
			var left []string
			for _, f := range after {
				left = append(left, f.Rule+": "+f.Message)
			}
			assert.ElementsMatch(t, unfixable, left, "after --fix only the findings without a safe fix remain")
			again, _ := linttest.Fix(t, all, lang, linttest.File{Path: "-", Text: fixed})
			assert.Equal(t, fixed, again, "a second --fix changes nothing")
		})
	}
}

func hasSafeFix(f finding.Finding) bool {
	for _, x := range f.Fixes {
		if x.Safe {
			return true
		}
	}
	return false
}
