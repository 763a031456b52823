package linttest

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// BenchCorpusEnv names a folder of *.txt articles the benchmarks read instead of
// their default corpus (for example ../shared/corpus/real/id-detik-summ).
const BenchCorpusEnv = "CORPUSLINT_BENCH_CORPUS"

// BenchCorpus returns the articles benchmarks run over: the *.txt files under
// $CORPUSLINT_BENCH_CORPUS when it is set, otherwise the Indonesian sets of
// ../shared/corpus/real when they sit beside the repository, otherwise the
// repository's own test data (so benchmarks run on a fresh clone). The second
// result names where the files came from.
func BenchCorpus(b testing.TB) ([]File, string) {
	b.Helper()
	root := RepoRoot(b)
	var dirs []string
	if d := os.Getenv(BenchCorpusEnv); d != "" {
		dirs = []string{d}
	} else if real := filepath.Join(root, "..", "shared", "corpus", "real"); isDir(real) {
		for _, d := range []string{"id-detik-summ", "id-detik-sport/raw", "id-kompas-kontan-bisnis"} {
			dirs = append(dirs, filepath.Join(real, filepath.FromSlash(d)))
		}
	} else {
		dirs = []string{filepath.Join(root, "testdata")}
	}
	var files []File
	for _, d := range dirs {
		err := filepath.WalkDir(d, func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() || !strings.HasSuffix(p, ".txt") {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			files = append(files, File{Path: p, Text: string(data)})
			return nil
		})
		if err != nil {
			b.Fatalf("reading the benchmark corpus: %v", err)
		}
	}
	if len(files) == 0 {
		b.Fatalf("benchmark corpus %v holds no *.txt file", dirs)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, strings.Join(dirs, ", ")
}

// Size is the number of bytes of files' texts.
func Size(files []File) int64 {
	var n int64
	for _, f := range files {
		n += int64(len(f.Text))
	}
	return n
}

// RepoRoot is the repository's root: the folder holding go.mod, found upwards
// from the working directory (go test runs in the package's folder).
func RepoRoot(b testing.TB) string {
	b.Helper()
	dir, err := os.Getwd()
	if err != nil {
		b.Fatalf("locating the repository: %v", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			b.Fatal("locating the repository: no go.mod above the working directory")
		}
		dir = parent
	}
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}
