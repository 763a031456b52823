package rules_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/lexicon"
	"github.com/corpuslint/corpuslint/internal/rule"
	"github.com/corpuslint/corpuslint/rules"
)

// TestLongLineWorkGrowsLinearly runs every rule on an article flattened to one
// line of 256 KB and of 1 MB (the repository's Indonesian test articles, line
// breaks replaced by spaces, repeated) and compares the bytes each allocates:
// four times the text may cost about four times the memory, not sixteen. A
// rule that copies, splits or lower-cases the text before every quote, period
// or phrase (as unattributed-quote once did, and never finished a 20 MB line)
// allocates with the square of the line's length and fails here. Bytes
// allocated are counted, not time, so the test does not depend on the machine.
// The line is tried twice: as written, and with every '.', '!' and '?' taken
// out, so that the whole line is one sentence: a rule that reads a match's
// whole sentence (as vague-source's hedges once did) grows with the square of
// the line there and nowhere else.
// Work that reads without allocating (a search back to the line's start) is
// watched by BenchmarkRuleSingleLine instead.
func TestLongLineWorkGrowsLinearly(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every rule on a megabyte")
	}
	flat := flatTestArticles(t)
	noEnds := strings.Map(func(r rune) rune {
		if r == '.' || r == '!' || r == '?' {
			return -1
		}
		return r
	}, flat)
	for _, c := range []struct{ name, flat string }{{"as written", flat}, {"no sentence ends", noEnds}} {
		t.Run(c.name, func(t *testing.T) { checkLinearAllocation(t, c.flat) })
	}
}

// checkLinearAllocation runs every rule on flat repeated to 256 KB and to 1 MB
// and fails when a rule allocates more than about four times as much on the
// longer line.
func checkLinearAllocation(t *testing.T, flat string) {
	packs, err := lexicon.Embedded()
	require.NoError(t, err)
	parse := func(size int) (*document.Document, *lexicon.Pack) {
		text := singleLine(flat, size)
		d := document.Parse("single.txt", []byte(text))
		d.Lang = packs.Detect(d.Text)
		pack := packs.Pack(d.Lang)
		require.NotNil(t, pack, "the flattened articles' language is detected")
		d.Segment(pack)
		return d, pack
	}
	small, smallPack := parse(256 << 10)
	big, bigPack := parse(1 << 20)
	allocated := func(rl *rule.Rule, d *document.Document, pack *lexicon.Pack) uint64 {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		pass := rule.NewPass(rl, d, packs, pack, func(string, rule.Fact) {}, func(finding.Finding) {})
		if rl.Run != nil {
			rl.Run(pass)
		}
		if rl.Collect != nil {
			rl.Collect(pass)
		}
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	for _, rl := range rules.All() {
		a, b := allocated(rl, small, smallPack), allocated(rl, big, bigPack)
		t.Logf("%-42s %9d B at 256 KB, %10d B at 1 MB", rl.ID, a, b)
		// Below a few hundred kilobytes at 1 MB a rule allocates next to
		// nothing per byte of text, and the ratio of small numbers is noise.
		if b > 512<<10 {
			require.LessOrEqualf(t, b, 6*a, "%s allocates %d B on 256 KB and %d B on 1 MB: more than linear growth", rl.ID, a, b)
		}
	}
}

// flatTestArticles joins the repository's Indonesian test articles into one
// line of text.
func flatTestArticles(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	for _, dir := range []string{"../testdata/rules", "../testdata/annotated"} {
		err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() || !strings.HasSuffix(p, ".txt") || strings.HasSuffix(p, "-en.txt") {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			b.WriteString(strings.Join(strings.Fields(string(data)), " "))
			b.WriteByte(' ')
			return nil
		})
		require.NoError(t, err)
	}
	require.Greater(t, b.Len(), 64<<10, "test articles to flatten")
	return b.String()
}
