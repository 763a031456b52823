package rules_test

import (
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

// TestMojibakeWorkGrowsLinearly runs encoding/mojibake and
// encoding/invisible-char on long runs of characters that mojibake is made of
// (Latin-1 letters, a valid mojibake run, soft hyphens among them) at two
// lengths, four times apart, and compares the bytes each allocates. Repairing
// every prefix of a run from every start (as findMojibake once did: 1,000 "é"
// took 3 s, 20,000 never finished in invisible-char) allocates with the cube
// of the run's length and fails here; four times the text may cost about four
// times the memory. Bytes are counted, not time, so the test does not depend
// on the machine.
func TestMojibakeWorkGrowsLinearly(t *testing.T) {
	packs, err := lexicon.Embedded()
	require.NoError(t, err)
	pack := packs.Pack("id")
	require.NotNil(t, pack)
	allocated := func(rl *rule.Rule, text string) (uint64, int) {
		d := document.Parse("run.txt", []byte(text))
		d.Lang = "id"
		d.Segment(pack)
		findings := 0
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		pass := rule.NewPass(rl, d, packs, pack, func(string, rule.Fact) {}, func(finding.Finding) { findings++ })
		rl.Run(pass)
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc, findings
	}
	units := map[string]string{
		"latin-1":            "é",
		"valid mojibake":     "Ã©",
		"latin-1 and hyphen": "éé\u00ad",
		"mojibake and space": "Ã©\u00a0",
	}
	for name, unit := range units {
		text := func(n int) string { return "Kata " + strings.Repeat(unit, n) + " selesai.\n" }
		for _, rl := range []*rule.Rule{rules.Mojibake, rules.InvisibleChar} {
			a, fa := allocated(rl, text(400))
			b, fb := allocated(rl, text(1600))
			t.Logf("%-20s %-24s %8d B at 400, %9d B at 1600", name, rl.ID, a, b)
			require.LessOrEqualf(t, fb, 4*fa+1, "%s on %s: findings grow with the text", rl.ID, name)
			// A few kilobytes are the pass's own, whatever the text.
			require.LessOrEqualf(t, b, 6*a+16<<10, "%s on %s allocates %d B at 400 and %d B at 1600: more than linear growth", rl.ID, name, a, b)
		}
	}
}
