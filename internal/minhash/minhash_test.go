package minhash

import (
	"cmp"
	"encoding/hex"
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// words returns n words drawn from a vocabulary of vocab words by a seeded
// generator: texts that share nothing but chance words.
func words(r *rand.Rand, n, vocab int) []string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = fmt.Sprintf("w%d", r.IntN(vocab))
	}
	return ws
}

// shingles is the exact set of word 5-grams Sign hashes.
func shingles(ws []string) map[string]bool {
	m := map[string]bool{}
	for i := 0; i+ShingleWords <= len(ws); i++ {
		m[strings.Join(ws[i:i+ShingleWords], " ")] = true
	}
	return m
}

func trueJaccard(a, b []string) float64 {
	sa, sb := shingles(a), shingles(b)
	inter := 0
	for s := range sa {
		if sb[s] {
			inter++
		}
	}
	return float64(inter) / float64(len(sa)+len(sb)-inter)
}

func TestFNV1aMatchesStdlib(t *testing.T) {
	for _, s := range []string{"", "a", "putin", "pyongyang", "ekonomi 2025"} {
		h := fnv.New64a()
		h.Write([]byte(s))
		assert.Equal(t, h.Sum64(), fnv1a(s), s)
	}
}

// TestSignIsStable pins one signature: a change of hashing would silently make
// stored signatures or reported similarities differ between versions.
func TestSignIsStable(t *testing.T) {
	sig := Sign(strings.Fields("presiden rusia vladimir putin tiba di pyongyang pada rabu dini hari"))
	again := Sign(strings.Fields("presiden rusia vladimir putin tiba di pyongyang pada rabu dini hari"))
	assert.Equal(t, sig, again)
	assert.Equal(t, "9c63880588f19dda", hex.EncodeToString(sig[:8]), "the signature's first bytes changed")
}

func TestSimilarityOfCopies(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	a := words(r, 300, 5000)
	sa, sb := Sign(a), Sign(append([]string(nil), a...))
	assert.Equal(t, 1.0, Similarity(&sa, &sb))
	short := Sign([]string{"dua", "kata"})
	assert.Equal(t, 1.0, Similarity(&short, &short), "a text shorter than a shingle is one shingle")
}

func TestSimilarityEstimatesJaccard(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, edits := range []int{0, 3, 6, 12, 25, 60} {
		a := words(r, 400, 5000)
		b := append([]string(nil), a...)
		for range edits {
			b[r.IntN(len(b))] = fmt.Sprintf("x%d", r.IntN(1000000))
		}
		want := trueJaccard(a, b)
		sa, sb := Sign(a), Sign(b)
		got := Similarity(&sa, &sb)
		// 112 samples: the standard error is at most sqrt(0.25/112) = 0.047.
		assert.InDelta(t, want, got, 0.15, "%d edits: Jaccard %.3f, estimate %.3f", edits, want, got)
	}
	a, b := words(r, 400, 5000), words(r, 400, 5000)
	sa, sb := Sign(a), Sign(b)
	assert.Less(t, Similarity(&sa, &sb), 0.1, "unrelated texts")
}

func TestCandidateProbability(t *testing.T) {
	assert.InDelta(t, 0.924, CandidateProbability(0.8), 0.001)
	assert.Less(t, CandidateProbability(0.5), 0.06)
	assert.Greater(t, CandidateProbability(0.9), 0.999)
	assert.Equal(t, 1.0, CandidateProbability(1))
	assert.Equal(t, 0.0, CandidateProbability(0))
}

// nearCopy replaces the last word of every step words of ws: each
// replacement changes up to five shingles.
func nearCopy(r *rand.Rand, ws []string, step int) []string {
	b := append([]string(nil), ws...)
	for i := step - 1; i < len(b); i += step {
		b[i] = fmt.Sprintf("y%d", r.IntN(1000000))
	}
	return b
}

func TestEarliest(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	a := words(r, 400, 5000)
	texts := [][]string{
		a,                   // 0
		words(r, 400, 5000), // 1: unrelated
		nearCopy(r, a, 100), // 2: near copy of 0 (Jaccard 0.90)
		words(r, 400, 5000), // 3: unrelated
		a,                   // 4: exact copy of 0
		nearCopy(r, a, 80),  // 5: near copy of 0 (Jaccard 0.88)
	}
	x := NewIndex(len(texts))
	for _, ws := range texts {
		s := Sign(ws)
		x.Add(&s)
	}
	require.Equal(t, len(texts), x.Len())
	require.Equal(t, len(texts)*Size, x.Bytes())
	ms := x.Earliest(0.7, nil, nil)
	var got []string
	for _, m := range ms {
		got = append(got, fmt.Sprintf("%d->%d", m.Doc, m.First))
		assert.GreaterOrEqual(t, m.Similarity, 0.7)
	}
	assert.Equal(t, []string{"2->0", "4->0", "5->0"}, got)

	// skip rejects exact copies: 4 is then left out, and 5 still points at 0.
	exact := func(doc, first int) bool { return doc == 4 || first == 4 }
	got = nil
	for _, m := range x.Earliest(0.7, nil, exact) {
		got = append(got, fmt.Sprintf("%d->%d", m.Doc, m.First))
	}
	assert.Equal(t, []string{"2->0", "5->0"}, got)

	assert.Empty(t, x.Earliest(1.01, nil, nil), "a threshold above 1 confirms nothing")
}

func TestEarliestEmpty(t *testing.T) {
	assert.Empty(t, NewIndex(0).Earliest(0.8, nil, nil))
}

// genArticle writes article i of a generated corpus: 40 words of a 20,000-word
// vocabulary; every 500th article is a near copy of the one 250 before it
// (its last word changed: Jaccard 35/37).
func genArticle(r *rand.Rand, prev [][]string, i int) []string {
	if i%500 == 499 {
		return nearCopy(r, prev[(i-250)%len(prev)], 40)
	}
	return words(r, 40, 20000)
}

// BenchmarkIndex builds the cross-file index of a generated corpus of short
// articles at several sizes and reports the heap it holds per article
// (bytes/article, measured from runtime.MemStats after a collection), the
// extra heap the near-duplicate search allocates per article (search-B/article)
// and the near copies it found. Run with
//
//	go test ./internal/minhash -run '^$' -bench Index -benchtime 1x
//
// A constant bytes/article across sizes is linear growth.
func BenchmarkIndex(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			for range b.N {
				r := rand.New(rand.NewPCG(7, uint64(n)))
				ring := make([][]string, 512)
				var before, after, searched runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&before)
				x := NewIndex(n)
				for i := range n {
					ws := genArticle(r, ring, i)
					ring[i%len(ring)] = ws
					s := Sign(ws)
					x.Add(&s)
				}
				ring = nil
				runtime.GC()
				runtime.ReadMemStats(&after)
				ms := x.Earliest(0.8, nil, nil)
				runtime.ReadMemStats(&searched)
				if len(ms) != n/500 {
					b.Fatalf("found %d near copies, planted %d", len(ms), n/500)
				}
				for _, m := range ms {
					if m.Doc%500 != 499 || m.First != m.Doc-250 {
						b.Fatalf("article %d matched %d, not the copy planted", m.Doc, m.First)
					}
				}
				held := float64(after.HeapAlloc) - float64(before.HeapAlloc)
				b.ReportMetric(math.Max(held, 0)/float64(n), "bytes/article")
				b.ReportMetric(float64(searched.TotalAlloc-after.TotalAlloc)/float64(n), "search-B/article")
				b.ReportMetric(float64(len(ms)), "near-copies")
				runtime.KeepAlive(x)
			}
		})
	}
}

// TestSortBand pins sortBand to a comparison sort by value, then text, on
// values that share some of their bytes.
func TestSortBand(t *testing.T) {
	r := rand.New(rand.NewPCG(31, 32))
	for range 500 {
		n := r.IntN(300)
		entries := make([]bandEntry, n)
		for i := range entries {
			k := r.Uint64()
			switch r.IntN(3) {
			case 0:
				k &= 0xff00 // most bytes shared
			case 1:
				k = uint64(r.IntN(4)) << 56 // equal values
			}
			entries[i] = bandEntry{key: k, doc: int32(i)}
		}
		want := slices.Clone(entries)
		slices.SortFunc(want, func(p, q bandEntry) int {
			return cmp.Or(cmp.Compare(p.key, q.key), cmp.Compare(p.doc, q.doc))
		})
		sortBand(entries, make([]bandEntry, n))
		if !slices.Equal(entries, want) {
			t.Fatalf("sortBand of %d entries differs from a comparison sort", n)
		}
	}
}

// Texts marked alone take no match, exactly as when skip rejects every pair
// of theirs: on clusters of exact and near copies, with random marks and a
// random skip, buckets past MaxScan included.
func TestEarliestAloneIsSkipOfEveryPair(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for round := range 6 {
		var texts [][]string
		for range 12 + round*8 {
			a := words(r, 60, 3000)
			copies := 1 + r.IntN(4)
			if round == 5 {
				copies = MaxScan + 20 // one bucket longer than the scan
			}
			for range copies {
				switch r.IntN(3) {
				case 0:
					texts = append(texts, a)
				case 1:
					texts = append(texts, nearCopy(r, a, 20))
				default:
					texts = append(texts, words(r, 60, 3000))
				}
			}
		}
		r.Shuffle(len(texts), func(i, j int) { texts[i], texts[j] = texts[j], texts[i] })
		x := NewIndex(len(texts))
		for _, ws := range texts {
			s := Sign(ws)
			x.Add(&s)
		}
		alone := make([]bool, len(texts))
		for i := range alone {
			alone[i] = r.IntN(3) == 0
		}
		rejected := map[[2]int]bool{}
		skip := func(doc, first int) bool {
			k := [2]int{doc, first}
			if v, ok := rejected[k]; ok {
				return v
			}
			rejected[k] = r.IntN(4) == 0
			return rejected[k]
		}
		want := x.Earliest(0.6, nil, func(doc, first int) bool { return alone[doc] || skip(doc, first) })
		got := x.Earliest(0.6, alone, skip)
		require.Equal(t, want, got, "round %d", round)
		require.NotEmpty(t, got, "round %d finds matches", round)
	}
}
