package userrule_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/linttest"
	"github.com/corpuslint/corpuslint/internal/rule"
	"github.com/corpuslint/corpuslint/internal/userrule"
)

func build(t *testing.T, s userrule.Spec) *rule.Rule {
	t.Helper()
	r, err := userrule.Build(s)
	require.NoError(t, err)
	return r
}

func TestSubstitutionIsCaseSensitive(t *testing.T) {
	r := build(t, userrule.Spec{ID: "punctuation/site-names", Kind: userrule.Substitution,
		Replace: []userrule.Pair{{Wrong: "Moscow", Right: "Moskow"}, {Wrong: "MOSCOW", Right: "MOSKOW"}}})
	text := "Dari Moscow ke MOSCOW, bukan moscow atau Moscowville.\n"
	fixed, _ := linttest.Fix(t, []*rule.Rule{r}, "id", linttest.File{Path: "a.txt", Text: text})
	assert.Equal(t, "Dari Moskow ke MOSKOW, bukan moscow atau Moscowville.\n", fixed)
}

func TestLinePatterns(t *testing.T) {
	r := build(t, userrule.Spec{ID: "artifact/site-widget", Kind: userrule.Line, Phrases: []string{"Tonton juga:"},
		Regexps: []string{`Halaman \d+ dari \d+`}, DeleteLine: true, Severity: finding.Info})
	text := "Judul\n\n  tonton JUGA:  \n\nIsi. Halaman 1 dari 2\n\nHalaman 2 dari 2\n"
	fs := linttest.Run(t, []*rule.Rule{r}, "id", linttest.File{Path: "a.txt", Text: text})
	require.Len(t, fs, 2, "whole lines only: %s", linttest.Text(t, fs))
	assert.Equal(t, 3, fs[0].Range.Start.Line)
	assert.Equal(t, 3, fs[0].Range.Start.Column, "the span leaves the indentation out")
	assert.Equal(t, 7, fs[1].Range.Start.Line)
	fixed, _ := linttest.Fix(t, []*rule.Rule{r}, "id", linttest.File{Path: "a.txt", Text: text})
	assert.Equal(t, "Judul\n\nIsi. Halaman 1 dari 2\n", fixed)

	cased := build(t, userrule.Spec{ID: "artifact/site-widget", Kind: userrule.Line, Phrases: []string{"Tonton juga:"}, MatchCase: true})
	assert.Empty(t, linttest.Run(t, []*rule.Rule{cased}, "id", linttest.File{Path: "a.txt", Text: text}))
}

func TestExistenceReportsEveryMatchWithoutFix(t *testing.T) {
	r := build(t, userrule.Spec{ID: "artifact/site-promo", Kind: userrule.Existence, Message: "promo",
		Phrases: []string{"berita pilihan"}, Regexps: []string{`Ikuti kami di \w+`}})
	text := "Judul\n\nDapatkan Berita Pilihan hari ini. Ikuti kami di Instagram. Beritapilihan bukan.\n"
	fs := linttest.Run(t, []*rule.Rule{r}, "id", linttest.File{Path: "a.txt", Text: text})
	require.Len(t, fs, 2, linttest.Text(t, fs))
	assert.Equal(t, "promo: “Berita Pilihan”", fs[0].Message)
	assert.Equal(t, "promo: “Ikuti kami di Instagram”", fs[1].Message)
	assert.Empty(t, fs[0].Fixes)
	assert.Equal(t, finding.Warning, fs[0].Severity, "the default severity")
}

func TestBuildRejects(t *testing.T) {
	for _, tc := range []struct {
		spec  userrule.Spec
		field string
		index int
	}{
		{userrule.Spec{ID: "artifact/promo", Kind: userrule.Existence, Phrases: []string{"x"}}, "id", -1},
		{userrule.Spec{ID: "site/site-promo", Kind: userrule.Existence, Phrases: []string{"x"}}, "id", -1},
		{userrule.Spec{ID: "artifact/site-Promo", Kind: userrule.Existence, Phrases: []string{"x"}}, "id", -1},
		{userrule.Spec{ID: "artifact/site-x", Kind: "forbid", Phrases: []string{"x"}}, "kind", -1},
		{userrule.Spec{ID: "artifact/site-x", Kind: userrule.Existence, Regexps: []string{"ok", "a*"}}, "regexps", 1},
		{userrule.Spec{ID: "artifact/site-x", Kind: userrule.Existence, Phrases: []string{"x", " "}}, "phrases", 1},
		{userrule.Spec{ID: "artifact/site-x", Kind: userrule.Substitution, Replace: []userrule.Pair{{Wrong: "a", Right: "a"}}}, "replace", 0},
	} {
		_, err := userrule.Build(tc.spec)
		var fe *userrule.FieldError
		require.ErrorAs(t, err, &fe, "%+v", tc.spec)
		assert.Equal(t, tc.field, fe.Field, "%+v: %v", tc.spec, err)
		assert.Equal(t, tc.index, fe.Index, "%+v: %v", tc.spec, err)
	}
}

func TestExistenceReportsASpanOnce(t *testing.T) {
	r := build(t, userrule.Spec{ID: "artifact/site-promo", Kind: userrule.Existence,
		Phrases: []string{"baca juga"}, Regexps: []string{`(?i)baca juga`, `[Bb]aca juga`}})
	text := "Judul\n\nIsi berita. Baca juga berita lain.\n"
	fs := linttest.Run(t, []*rule.Rule{r}, "id", linttest.File{Path: "a.txt", Text: text})
	require.Len(t, fs, 1, "a phrase and two regexps match the same text: %s", linttest.Text(t, fs))
	assert.Equal(t, "“Baca juga” matches the site pattern artifact/site-promo", fs[0].Message)
}
