package linttest

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// LineKey names one line of one file of an annotated folder.
type LineKey struct {
	File string
	Line int
}

// String renders the key as file:line.
func (k LineKey) String() string { return k.File + ":" + strconv.Itoa(k.Line) }

// Score is how findings compare with an annotated folder's expected.tsv, the
// same measure as ../shared/bin/corpus-score: recall of owed lines, precision
// of flagged non-blank lines.
type Score struct {
	Recall, Precision float64
	// Hits and Owed count expected lines found and expected lines in all.
	Hits, Owed int
	// Flagged counts scored lines that some finding covers; FalseAlarms lists
	// those that should have stayed clean.
	Flagged     int
	FalseAlarms []LineKey
	// Missed lists expected lines no finding of their categories covers.
	Missed []LineKey
}

// String summarises the score with the lines that went wrong.
func (s Score) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "recall %.2f (%d/%d), precision %.2f (%d/%d)", s.Recall, s.Hits, s.Owed, s.Precision, s.Flagged-len(s.FalseAlarms), s.Flagged)
	for _, k := range s.Missed {
		fmt.Fprintf(&b, "\nmissed      %s", k)
	}
	for _, k := range s.FalseAlarms {
		fmt.Fprintf(&b, "\nfalse alarm %s", k)
	}
	return b.String()
}

// ScoreAnnotated runs rules over every .txt file in dir (language lang, "" to
// detect) and scores the findings against dir/expected.tsv (rows
// FILE<TAB>LINE<TAB>expect<TAB>cat1|cat2 or FILE<TAB>LINE<TAB>any<TAB>-). When
// categories is non-empty only findings of those categories count, and expected
// rows naming none of them are not scored.
func ScoreAnnotated(t testing.TB, dir string, rules []*rule.Rule, lang string, categories ...string) Score {
	t.Helper()
	expect, anyLine := readExpected(t, filepath.Join(dir, "expected.tsv"), categories)
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	require.NoError(t, err)
	require.NotEmpty(t, paths, "no articles in %s", dir)
	var files []File
	blank := map[LineKey]bool{}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		name := filepath.Base(p)
		files = append(files, File{Path: name, Text: string(data)})
		text := strings.ReplaceAll(strings.TrimPrefix(string(data), "\uFEFF"), "\r\n", "\n")
		for i, line := range strings.Split(text, "\n") {
			if strings.TrimSpace(line) == "" {
				blank[LineKey{name, i + 1}] = true
			}
		}
	}
	covered := map[LineKey][]string{}
	for _, f := range Run(t, rules, lang, files...) {
		cat := finding.Category(f.Rule)
		if len(categories) > 0 && !slices.Contains(categories, cat) {
			continue
		}
		if f.Range.Start.Line == 0 {
			continue // whole-file findings cover no line
		}
		end := max(f.Range.End.Line, f.Range.Start.Line)
		for n := f.Range.Start.Line; n <= end; n++ {
			k := LineKey{filepath.Base(f.Path), n}
			covered[k] = append(covered[k], cat)
		}
	}
	var s Score
	for k, cats := range expect {
		s.Owed++
		if slices.ContainsFunc(covered[k], func(c string) bool { return slices.Contains(cats, c) }) {
			s.Hits++
		} else {
			s.Missed = append(s.Missed, k)
		}
	}
	for k := range covered {
		if anyLine[k] || blank[k] {
			continue
		}
		s.Flagged++
		if _, ok := expect[k]; !ok {
			s.FalseAlarms = append(s.FalseAlarms, k)
		}
	}
	s.Recall = 1
	if s.Owed > 0 {
		s.Recall = float64(s.Hits) / float64(s.Owed)
	}
	if s.Flagged > 0 {
		s.Precision = float64(s.Flagged-len(s.FalseAlarms)) / float64(s.Flagged)
	}
	less := func(a, b LineKey) bool { return a.File < b.File || a.File == b.File && a.Line < b.Line }
	sort.Slice(s.Missed, func(i, j int) bool { return less(s.Missed[i], s.Missed[j]) })
	sort.Slice(s.FalseAlarms, func(i, j int) bool { return less(s.FalseAlarms[i], s.FalseAlarms[j]) })
	return s
}

func readExpected(t testing.TB, path string, categories []string) (map[LineKey][]string, map[LineKey]bool) {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	expect, anyLine := map[LineKey][]string{}, map[LineKey]bool{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		row := sc.Text()
		if row == "" || strings.HasPrefix(row, "#") {
			continue
		}
		cols := strings.Split(row, "\t")
		require.Len(t, cols, 4, "%s:%d: want FILE LINE expect|any CATS", path, n)
		line, err := strconv.Atoi(cols[1])
		require.NoError(t, err, "%s:%d", path, n)
		k := LineKey{cols[0], line}
		switch cols[2] {
		case "expect":
			cats := strings.Split(cols[3], "|")
			if len(categories) > 0 {
				cats = slices.DeleteFunc(cats, func(c string) bool { return !slices.Contains(categories, c) })
				if len(cats) == 0 {
					anyLine[k] = true
					continue
				}
			}
			expect[k] = cats
		case "any":
			anyLine[k] = true
		default:
			t.Fatalf("%s:%d: kind %q, want expect or any", path, n, cols[2])
		}
	}
	require.NoError(t, sc.Err())
	return expect, anyLine
}
