package rules

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/linttest"
)

// findPeriodSitesBefore is findPeriodSites as it was before the sites were
// kept as offsets: each with its strings.
func findPeriodSitesBefore(t string) []periodSite {
	out := make([]periodSite, 0, min(strings.Count(t, "."), 256))
	for off := 0; ; {
		k := strings.IndexByte(t[off:], '.')
		if k < 0 {
			return out
		}
		dot := off + k
		off = dot + 1
		if dot > 0 && t[dot-1] == '.' || dot+1 < len(t) && t[dot+1] == '.' {
			continue // ellipsis
		}
		j := skipHSpaceASCII(t, dot+1, len(t))
		if j == dot+1 || j >= len(t) || t[j] == '\n' || t[j] == '\r' {
			continue
		}
		e := j
		for e < len(t) {
			if c := t[e]; c < utf8.RuneSelf {
				if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-') {
					break
				}
				e++
				continue
			}
			r, n := utf8.DecodeRuneInString(t[e:])
			if !document.IsWordRune(r) {
				break
			}
			e += n
		}
		if e == j {
			continue
		}
		out = append(out, periodSite{dot: dot, prev: tokenBefore(t, dot), next: t[j:e], spaceStart: dot + 1, nextStart: j})
	}
}

var periodPieces = []string{
	".", ".", ". ", "..", "...", "…", " ", "  ", "\t", "\u00a0", "\u2003", "\n", "\r\n", "\r",
	"kata", "Jl", "dkk", "U.S", "a", "Ö", "é", "1", "10", "-", "(", "[", "\"", "'", "“", "”", ",",
	"\xe2", "\x80", "\xff",
}

// TestPeriodSitesAsBefore checks the sites periodSites hands the rules
// against the code before, on the benchmark corpus (the test data without
// it) and on random text.
func TestPeriodSitesAsBefore(t *testing.T) {
	files, _ := linttest.BenchCorpus(t)
	var texts []string
	for _, f := range files {
		texts = append(texts, f.Text)
	}
	r := rand.New(rand.NewPCG(6, 6))
	for range 20000 {
		texts = append(texts, randomText(r, periodPieces, 1+r.IntN(40)))
	}
	sites := 0
	for _, text := range texts {
		d := document.ParseString("t.txt", text)
		want := findPeriodSitesBefore(d.Text)
		sites += len(want)
		var got []periodSite
		periodSites(d, func(s periodSite) { got = append(got, s) })
		if len(want) == 0 {
			require.Empty(t, got, "%q", text)
			continue
		}
		require.Equal(t, want, got, "%q", text)
	}
	require.Greater(t, sites, 10000, "the texts must hold period sites")
}

// BenchmarkFindPeriodSites compares finding a document's period sites as
// offsets (now) with finding them with their strings (before), over the
// benchmark corpus.
func BenchmarkFindPeriodSites(b *testing.B) {
	files, _ := linttest.BenchSetup(b)
	b.Run("before", func(b *testing.B) {
		b.SetBytes(linttest.Size(files))
		b.ReportAllocs()
		for b.Loop() {
			for _, f := range files {
				findPeriodSitesBefore(f.Text)
			}
		}
	})
	b.Run("now", func(b *testing.B) {
		b.SetBytes(linttest.Size(files))
		b.ReportAllocs()
		for b.Loop() {
			for _, f := range files {
				findPeriodSites(f.Text)
			}
		}
	})
}
