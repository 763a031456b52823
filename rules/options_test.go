package rules_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/corpuslint/corpuslint/internal/engine"
	"github.com/corpuslint/corpuslint/internal/lexicon"
	"github.com/corpuslint/corpuslint/internal/rule"
	"github.com/corpuslint/corpuslint/rules"
)

// countWith runs one rule over text with the given options and returns how
// many findings it reports.
func countWith(t *testing.T, r *rule.Rule, lang, text string, options map[string]any) int {
	t.Helper()
	packs, err := lexicon.Embedded()
	require.NoError(t, err)
	checked := map[string]any{}
	for k, v := range options {
		c, err := r.CheckOption(k, v)
		require.NoError(t, err)
		checked[k] = c
	}
	profile := &engine.Profile{Rules: []*rule.Rule{r}, Lang: lang, Options: map[string]map[string]any{r.ID: checked}}
	res, err := engine.Run(context.Background(), engine.Options{
		Rules: []*rule.Rule{r}, Lexicons: packs, Jobs: 1,
		ProfileFor: func(string) *engine.Profile { return profile },
	}, []engine.Input{{Path: "a.txt", Data: []byte(text)}})
	require.NoError(t, err)
	require.Empty(t, res.Errors)
	return len(res.Findings)
}

func ruleByID(t *testing.T, id string) *rule.Rule {
	t.Helper()
	for _, r := range rules.All() {
		if r.ID == id {
			return r
		}
	}
	t.Fatalf("no rule %s", id)
	return nil
}

// TestOptionsChangeWhatRulesReport checks that every declared option is read:
// the default reports, the configured value does not (or the other way round).
func TestOptionsChangeWhatRulesReport(t *testing.T) {
	for _, tc := range []struct {
		rule, lang, text string
		options          map[string]any
		byDefault, with  int
	}{
		{"duplicate/repeated-paragraph", "id",
			"Judul Berita\n\nPedagang kembali berjualan di pasar pagi sejak hari Senin.\n\nIsi lain.\n\nPedagang kembali berjualan di pasar pagi sejak hari Senin.\n",
			map[string]any{"min-words": 10}, 1, 0},
		{"duplicate/repeated-paragraph", "id",
			"Judul Berita\n\nPedagang kembali berjualan di pasar pagi sejak hari Senin lalu.\n\nIsi lain.\n\nPedagang kembali berjualan di pasar pagi sejak hari Senin kemarin.\n",
			map[string]any{"near-similarity": 0.8}, 0, 1},
		{"attribution/unattributed-quote", "id",
			"Kunjungan itu berlangsung singkat.\n\n“Kami akan membalas setiap serangan dengan kekuatan penuh.”\n",
			map[string]any{"min-words": 9}, 1, 0},
		{"artifact/cut-dateline", "id",
			"Judul Berita\n\nParagraf satu.\n\nParagraf dua.\n\n- Harga cabai rawit di pasar induk naik hampir dua kali lipat.\n",
			map[string]any{"lead-paragraphs": 3}, 1, 0},
		{"punctuation/period-after-function-word", "id",
			"Judul Berita\n\nPedagang memilih cabai atau. Tomat untuk dijual di pasar.\n",
			map[string]any{"allow": []any{"atau"}}, 1, 0},
	} {
		t.Run(tc.rule, func(t *testing.T) {
			r := ruleByID(t, tc.rule)
			assert.Equal(t, tc.byDefault, countWith(t, r, tc.lang, tc.text, nil), "with the defaults")
			assert.Equal(t, tc.with, countWith(t, r, tc.lang, tc.text, tc.options), "with %v", tc.options)
		})
	}
}

// TestDeclaredOptionsAreTested keeps the table above in step with the rules.
func TestDeclaredOptionsAreTested(t *testing.T) {
	var got []string
	for _, r := range rules.All() {
		for _, o := range r.Options {
			got = append(got, r.ID+" "+o.Name)
		}
	}
	assert.ElementsMatch(t, []string{
		"artifact/cut-dateline lead-paragraphs",
		"attribution/unattributed-quote min-words",
		"duplicate/repeated-paragraph min-words",
		"duplicate/repeated-paragraph near-similarity",
		"punctuation/period-after-function-word allow",
	}, got, "a new option needs a case in TestOptionsChangeWhatRulesReport")
}

// TestAllowedFunctionWordIsLeftToPeriodBeforeLowercase: a word that
// period-after-function-word's allow option lets end a sentence is not its to
// report, so a lower-case word after its period is period-before-lowercase's.
// The two rules run together, as they do by default.
func TestAllowedFunctionWordIsLeftToPeriodBeforeLowercase(t *testing.T) {
	after, before := ruleByID(t, "punctuation/period-after-function-word"), ruleByID(t, "punctuation/period-before-lowercase")
	packs, err := lexicon.Embedded()
	require.NoError(t, err)
	run := func(options map[string]any) []string {
		checked := map[string]any{}
		for k, v := range options {
			c, err := after.CheckOption(k, v)
			require.NoError(t, err)
			checked[k] = c
		}
		both := []*rule.Rule{after, before}
		profile := &engine.Profile{Rules: both, Lang: "id", Options: map[string]map[string]any{after.ID: checked}}
		res, err := engine.Run(context.Background(), engine.Options{
			Rules: both, Lexicons: packs, Jobs: 1,
			ProfileFor: func(string) *engine.Profile { return profile },
		}, []engine.Input{{Path: "a.txt", Data: []byte("Judul Berita\n\nPedagang memilih cabai atau. tomat untuk dijual di pasar.\n")}})
		require.NoError(t, err)
		var ids []string
		for _, f := range res.Findings {
			ids = append(ids, f.Rule)
		}
		return ids
	}
	assert.Equal(t, []string{after.ID}, run(nil), "by default the function word's rule reports it, alone")
	assert.Equal(t, []string{before.ID}, run(map[string]any{"allow": []any{"atau"}}), "an allowed word hands the period to the other rule")
}
