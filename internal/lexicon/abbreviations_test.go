package lexicon_test

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/lexicon"
)

// checkAbbreviations compares p.Abbreviations() with p.IsAbbreviation, the
// definition, on tok.
func checkAbbreviations(t *testing.T, p *lexicon.Pack, tok string) {
	t.Helper()
	got := false
	if a := p.Abbreviations(); a != nil {
		got = a.IsAbbreviation(tok)
	}
	if want := p.IsAbbreviation(tok); got != want {
		t.Fatalf("%s: Abbreviations().IsAbbreviation(%q) = %v, IsAbbreviation says %v", p.Lang, tok, got, want)
	}
}

// abbreviationVariants are tok in other cases and cut or stretched, with
// the letters whose lower case changes their length (Kelvin sign, dotted İ).
func abbreviationVariants(tok string) []string {
	out := []string{tok, strings.ToUpper(tok), strings.ToLower(tok), strings.TrimSuffix(tok, "."), tok + ".", "x" + tok}
	if tok != "" {
		out = append(out, tok[1:], strings.ToUpper(tok[:1])+tok[1:], tok[:len(tok)-1])
	}
	for _, r := range []struct{ from, to string }{{"k", "\u212a"}, {"K", "\u212a"}, {"i", "İ"}, {"I", "İ"}, {"s", "ſ"}, {"a", "á"}} {
		out = append(out, strings.Replace(tok, r.from, r.to, 1))
	}
	return out
}

func TestAbbreviationsMatchIsAbbreviation(t *testing.T) {
	packs, err := lexicon.Embedded()
	require.NoError(t, err)
	// A user's list whose entries are not ASCII, one of them lower-casing
	// to ASCII ("kxq." for the Kelvin sign's, "miq." for the dotted İ's).
	require.NoError(t, packs.Add(fstest.MapFS{
		"id/abbreviations.txt": {Data: []byte("\u212axq.\nmİq.\nÖlç.\nİst.\nmm.\n")},
		"xx/abbreviations.txt": {Data: []byte("Zz.\n")},
	}))
	var nilPack *lexicon.Pack
	assert.Nil(t, nilPack.Abbreviations())
	assert.Nil(t, (&lexicon.Pack{}).Abbreviations(), "no list, no abbreviations")
	langs := append(packs.Languages(), "none")
	r := rand.New(rand.NewPCG(9, 6))
	alphabet := []string{"a", "b", "d", "k", "m", "n", "o", "r", "s", "t", "D", "J", "K", "N", "S", "U", ".", "-", "1", "\u212a", "İ", "ı", "ſ", "é", "Ö", "\xff"}
	for _, lang := range langs {
		p := packs.Pack(lang)
		if p != nil {
			assert.Same(t, p.Abbreviations(), p.Abbreviations(), "built once")
		}
		entries := append(p.List("abbreviations").Entries, lexicon.Entry{Phrase: "kxq."}, lexicon.Entry{Phrase: "miq."}, lexicon.Entry{Phrase: ""})
		for _, e := range entries {
			for _, v := range abbreviationVariants(e.Phrase) {
				checkAbbreviations(t, p, v)
			}
		}
		for range 30000 {
			var b strings.Builder
			for range r.IntN(9) {
				b.WriteString(alphabet[r.IntN(len(alphabet))])
			}
			b.WriteString(".")
			checkAbbreviations(t, p, b.String())
		}
		checkAbbreviations(t, p, strings.Repeat("a", 62)+".")
		checkAbbreviations(t, p, strings.Repeat("a", 70)+".")
	}
}

// TestAbbreviationsOnCorpus asks both about every token before a period of
// the benchmark corpus (CORPUSLINT_BENCH_CORPUS), as the segmenter does.
func TestAbbreviationsOnCorpus(t *testing.T) {
	dir := os.Getenv("CORPUSLINT_BENCH_CORPUS")
	if dir == "" || testing.Short() {
		t.Skip("CORPUSLINT_BENCH_CORPUS not set")
	}
	packs, err := lexicon.Embedded()
	require.NoError(t, err)
	paths, _ := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	more, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	paths = append(paths, more...)
	require.NotEmpty(t, paths)
	n := 0
	for _, path := range paths {
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		text := string(data)
		for i := strings.IndexByte(text, '.'); i >= 0; {
			tok := document.TokenBefore(text, i)
			for _, lang := range packs.Languages() {
				checkAbbreviations(t, packs.Pack(lang), text[i-len(tok):i+1])
				n++
			}
			j := strings.IndexByte(text[i+1:], '.')
			if j < 0 {
				break
			}
			i += 1 + j
		}
	}
	t.Logf("%d tokens compared", n)
}
