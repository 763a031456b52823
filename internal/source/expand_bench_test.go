package source

import (
	"os"
	"testing"
)

// BenchmarkExpand lists the files of the directory CORPUSLINT_BENCH_CORPUS
// names (the reference corpus of bench/run, say): the part of a run that
// comes before the first file is checked.
//
//	CORPUSLINT_BENCH_CORPUS=/tmp/ref16 go test ./internal/source -run '^$' -bench Expand
func BenchmarkExpand(b *testing.B) {
	dir := os.Getenv("CORPUSLINT_BENCH_CORPUS")
	if dir == "" {
		b.Skip("CORPUSLINT_BENCH_CORPUS names no directory")
	}
	files, _, err := Expand([]string{dir}, Options{Include: []string{"*"}})
	if err != nil || len(files) == 0 {
		b.Fatalf("%s: %d files, %v", dir, len(files), err)
	}
	b.ResetTimer()
	for range b.N {
		if got, _, _ := Expand([]string{dir}, Options{Include: []string{"*"}}); len(got) != len(files) {
			b.Fatalf("%d files, then %d", len(files), len(got))
		}
	}
	b.ReportMetric(float64(len(files)), "files")
}
