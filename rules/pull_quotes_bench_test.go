package rules

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/lexicon"
)

// pullText is the repository's test articles flattened to one line, repeated
// to size bytes, with its quotes.
func pullText(size int) (string, []quoteSpan) {
	var sb strings.Builder
	filepath.WalkDir("../testdata", func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && strings.HasSuffix(p, ".txt") {
			data, _ := os.ReadFile(p)
			sb.WriteString(strings.Join(strings.Fields(string(data)), " "))
			sb.WriteByte(' ')
		}
		return nil
	})
	flat := sb.String()
	var t strings.Builder
	for i := 0; t.Len() < size; i++ {
		t.WriteString(flat)
	}
	text := t.String()[:size]
	text = strings.ToValidUTF8(text, "")
	return text, findQuotes(text, finding.Span{Start: 0, End: len(text)})
}

// pullIndex is pullQuotes written with strings.Index over the lower-cased
// text, once per distinct quote.
func pullIndex(text string, quotes []quoteSpan) []bool {
	pulled := make([]bool, len(quotes))
	marks := make([]int, 0, 2*len(quotes))
	for _, q := range quotes {
		marks = append(marks, q.open, q.end)
	}
	lower, at := lowerMapped(text, marks)
	inQuotes := newSpanCover(len(quotes), func(i int) (int, int) { return at[2*i], at[2*i+1] })
	found := map[string]bool{}
	for i, q := range quotes {
		core := strings.ToLower(strings.TrimRight(strings.TrimSpace(q.inner(text)), ".,!?…"))
		if wordCount(core) < 5 {
			continue
		}
		f, ok := found[core]
		if !ok {
			for j := 0; !f; j++ {
				k := strings.Index(lower[j:], core)
				if k < 0 {
					break
				}
				j += k
				f = !inQuotes.overlaps(j, j+len(core))
			}
			found[core] = f
		}
		pulled[i] = f
	}
	return pulled
}

// pullLexicon is pullQuotes written with a lexicon list of the quotes'
// words (which also asks for word boundaries and finds no overlapping
// occurrences, unlike pullQuotes).
func pullLexicon(text string, quotes []quoteSpan) []bool {
	pulled := make([]bool, len(quotes))
	marks := make([]int, 0, 2*len(quotes))
	var cores []string
	for _, q := range quotes {
		marks = append(marks, q.open, q.end)
		core := strings.ToLower(strings.TrimRight(strings.TrimSpace(q.inner(text)), ".,!?…"))
		if wordCount(core) >= 5 {
			cores = append(cores, core)
		}
	}
	lower, at := lowerMapped(text, marks)
	inQuotes := newSpanCover(len(quotes), func(i int) (int, int) { return at[2*i], at[2*i+1] })
	found := map[string]bool{}
	for _, m := range lexicon.NewList("pull", cores).FindAll(lower) {
		if !inQuotes.overlaps(m.Start, m.End) {
			found[m.Entry.Phrase] = true
		}
	}
	for i, q := range quotes {
		pulled[i] = found[strings.ToLower(strings.TrimRight(strings.TrimSpace(q.inner(text)), ".,!?…"))]
	}
	return pulled
}

// BenchmarkPullQuotes compares pullQuotes's one-pass search with the two
// simpler searches it could be (see the comment on findAll):
//
//	go test ./rules -run '^$' -bench PullQuotes -benchmem
func BenchmarkPullQuotes(b *testing.B) {
	for _, size := range []int{256 << 10, 1 << 20} {
		text, quotes := pullText(size)
		b.Logf("%d bytes, %d quotes", size, len(quotes))
		for _, v := range []struct {
			name string
			f    func(string, []quoteSpan) []bool
		}{{"findAll", pullQuotes}, {"index", pullIndex}, {"lexicon", pullLexicon}} {
			b.Run(v.name+"/"+itoa(size>>10)+"KB", func(b *testing.B) {
				for range b.N {
					v.f(text, quotes)
				}
			})
		}
	}
}
