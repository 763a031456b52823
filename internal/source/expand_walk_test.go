package source

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestExpandAsOneWalk compares Expand, which walks the folders under a
// directory on goroutines of their own and makes paths relative by slicing,
// with expandReference, the single filepath.WalkDir it replaced, on a tree
// with what a walk must get right: names that sort before and after a
// folder's own ("a", "a.txt", "a-b", "a b", "a0"), hidden files and folders,
// excluded folders, symbolic links to files, folders and nothing, folders
// nested deeply, and the directory spelled in several ways.
func TestExpandAsOneWalk(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	write := func(p string) {
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte("Judul\n\nIsi.\n"), 0o644))
	}
	for i := range 12 {
		top := fmt.Sprintf("d/s%02d", i)
		for _, name := range []string{"a/x.txt", "a.txt", "a-b/y.txt", "a b.txt", "a0/z.txt", "a/b/c/d/e.txt", ".h/x.txt", ".h.txt", "drafts/x.txt", "x.md", "a/drafts.txt"} {
			write(filepath.Join(top, name))
		}
	}
	write("d/top.txt")
	write("d/a.txt")
	// Folders nested past the longest path the system opens: reading them
	// fails, in two of the folders walked apart, so the problems must come
	// back in walk order.
	deep := true
	for _, top := range []string{"d/s05/deep", "d/s09/deep"} {
		require.NoError(t, os.MkdirAll(top, 0o755))
		deep = deepen(t, top, 24) && deep
	}
	links := []struct{ target, name string }{{"top.txt", "d/link.txt"}, {"s01", "d/s99"}, {"missing.txt", "d/dangling.txt"}, {"../a.txt", "d/s02/up.txt"}}
	for _, l := range links {
		if err := os.Symlink(l.target, l.name); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	abs, err := filepath.Abs("d")
	require.NoError(t, err)
	for _, paths := range [][]string{{"d"}, {"./d"}, {"d/"}, {abs}, {"d/s03", "d"}, {"d/s04/a.txt", "d/s04"}, {"d/s99"}} {
		for _, opts := range []Options{{}, {Include: []string{"*"}}, {Exclude: []string{"drafts"}}, {Include: []string{"*.txt", "*.md"}, Exclude: []string{"a-b", "*/c"}}} {
			want, wantProblems, wantErr := expandReference(paths, opts)
			got, gotProblems, gotErr := Expand(paths, opts)
			require.Equal(t, wantErr, gotErr)
			require.Equal(t, want, got, "%v %+v", paths, opts)
			require.Equal(t, wantProblems, gotProblems, "%v %+v", paths, opts)
			if paths[0] != "d/s99" { // a link to a folder, given as such, is a file that is no article
				require.NotEmpty(t, got, "%v %+v", paths, opts)
			}
		}
	}
	if deep {
		_, problems, _ := Expand([]string{"d"}, Options{})
		require.Len(t, problems, 2, "one folder too deep to read in each of s05 and s09")
	}
	t.Chdir("d")
	want, _, _ := expandReference([]string{"."}, Options{})
	got, _, _ := Expand([]string{"."}, Options{})
	require.Equal(t, want, got)
	require.Greater(t, len(got), 90)
}

// expandReference is Expand as it was before the walk was split: one
// filepath.WalkDir per directory, paths made relative by filepath.Rel.
func expandReference(paths []string, opts Options) ([]string, []Problem, error) {
	include := opts.Include
	if len(include) == 0 {
		include = []string{DefaultInclude}
	}
	for _, g := range append(append([]string{}, include...), opts.Exclude...) {
		if _, err := filepath.Match(g, ""); err != nil {
			return nil, nil, fmt.Errorf("bad glob %q: %w", g, err)
		}
	}
	var files []string
	var problems []Problem
	// seen holds the files taken so far by identity (see fileKey): a file
	// named twice, in two spellings or through a symbolic link, is checked
	// once, under the first name it was given.
	seen := map[string]bool{}
	add := func(p, key string) {
		if !seen[key] {
			seen[key] = true
			files = append(files, p)
		}
	}
	for _, p := range paths {
		if p == "-" {
			add(p, p)
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			problems = append(problems, Problem{Path: p, Message: Reason(err)})
			continue
		}
		if !info.IsDir() {
			add(p, fileKey(p))
			continue
		}
		root := fileKey(p)
		var found []walked
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				problems = append(problems, Problem{Path: path, Message: Reason(err)})
				if d != nil && d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			rel, _ := filepath.Rel(p, path)
			if d.IsDir() {
				if path != p && (strings.HasPrefix(d.Name(), ".") || matchAny(opts.Exclude, d.Name(), rel)) {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0 {
				return nil
			}
			if strings.HasPrefix(d.Name(), ".") {
				return nil
			}
			if matchAny(include, d.Name(), rel) && !matchAny(opts.Exclude, d.Name(), rel) {
				key := filepath.Join(root, rel)
				if d.Type()&fs.ModeSymlink != 0 {
					key = fileKey(path)
				}
				found = append(found, walked{path: path, key: key})
			}
			return nil
		})
		if err != nil {
			problems = append(problems, Problem{Path: p, Message: Reason(err)})
		}
		slices.SortFunc(found, func(a, b walked) int { return strings.Compare(a.path, b.path) })
		for _, f := range found {
			add(f.path, f.key)
		}
	}
	return files, problems, nil
}
