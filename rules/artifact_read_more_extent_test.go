package rules_test

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/linttest"
	"github.com/corpuslint/corpuslint/internal/rule"
	"github.com/corpuslint/corpuslint/rules"
)

// TestReadMoreExtentOnRealCorpora scores where artifact/read-more ends an inline
// widget's headline against the hand-checked ends of
// testdata/measure/read-more-extent.tsv, on the real corpora beside the project
// (../shared, absent from a fresh clone: the test is skipped there). A safe fix
// at a wrong end would delete article text, so none is allowed.
func TestReadMoreExtentOnRealCorpora(t *testing.T) {
	corpus := filepath.Join("..", "..", "shared", "corpus", "real")
	if _, err := os.Stat(corpus); err != nil {
		t.Skip("../shared/corpus/real is not present")
	}
	f, err := os.Open(filepath.Join("..", "testdata", "measure", "read-more-extent.tsv"))
	require.NoError(t, err)
	defer f.Close()
	want := map[string]map[int]int{} // file → widget start → headline end
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		require.Len(t, cols, 3, line)
		start, err1 := strconv.Atoi(cols[1])
		end, err2 := strconv.Atoi(cols[2])
		require.NoError(t, err1)
		require.NoError(t, err2)
		if want[cols[0]] == nil {
			want[cols[0]] = map[int]int{}
		}
		want[cols[0]][start] = end
	}
	require.NoError(t, sc.Err())

	var n, exact, short, long, missing, safeWrong, safe int
	for file, ends := range want {
		data, err := os.ReadFile(filepath.Join(corpus, filepath.FromSlash(file)))
		require.NoError(t, err)
		got := map[int]finding.Finding{}
		for _, fd := range linttest.Run(t, []*rule.Rule{rules.ReadMore}, "", linttest.File{Path: file, Text: string(data)}) {
			got[fd.Span.Start] = fd
		}
		for start, end := range ends {
			n++
			fd, ok := got[start]
			if !ok {
				missing++
				continue
			}
			sure := len(fd.Fixes) > 0 && fd.Fixes[0].Safe
			switch {
			case fd.Span.End == end:
				exact++
				if sure {
					safe++
				}
				continue
			case fd.Span.End < end:
				short++
			default:
				long++
			}
			if sure {
				safeWrong++
				t.Errorf("%s:%d: a safe fix ends the headline at byte %d, the hand-checked end is %d", file, start, fd.Span.End, end)
			}
		}
	}
	t.Logf("%d inline widgets: %d exact (%d of them with a safe fix), %d too short, %d too long, %d not found", n, exact, safe, short, long, missing)
	assert.Equal(t, 0, missing, "widgets no longer found")
	assert.Equal(t, 0, safeWrong, "safe fixes at a wrong end")
	assert.GreaterOrEqual(t, float64(exact)/float64(n), 0.88, "fewer headline ends right than measured (400 of 448)")
}
