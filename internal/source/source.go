// Package source turns the paths given on the command line into the list of
// article files to check: files as named, directories walked recursively for
// files matching the include globs, hidden folders skipped, "-" for standard input.
package source

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// DefaultInclude is the glob a directory's files must match when none is given.
const DefaultInclude = "*.txt"

// Options says which files of a directory to take.
type Options struct {
	// Include globs match a file's base name or its path relative to the
	// directory walked; empty means DefaultInclude.
	Include []string
	// Exclude globs, matched the same way, win over Include and also prune
	// directories.
	Exclude []string
}

// Problem is a path that could not be expanded.
type Problem struct {
	Path, Message string
}

// Expand returns the files to check, in the order given (directories' files
// sorted), without duplicates, and the paths that could not be used.
func Expand(paths []string, opts Options) ([]string, []Problem, error) {
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
		found, walkProblems := walkDir(p, fileKey(p), include, opts.Exclude)
		problems = append(problems, walkProblems...)
		slices.SortFunc(found, func(a, b walked) int { return strings.Compare(a.path, b.path) })
		for _, f := range found {
			add(f.path, f.key)
		}
	}
	return files, problems, nil
}

// walkDir lists the files under the directory p (whose fileKey is root) that
// the globs take, with the paths it could not read, in the order a walk
// meets them. Each folder right under p is walked on a goroutine of its own,
// a processor's worth at a time: on a corpus of thousands of files, listing
// them was a run's one long stretch on a single core.
func walkDir(p, root string, include, exclude []string) ([]walked, []Problem) {
	w := walker{root: root, clean: filepath.Clean(p), include: include, exclude: exclude}
	// parts holds, in walk order, what each folder right under p found, and
	// between them what the walk of p itself found: the last part takes
	// what p's walk meets next.
	parts := []*listing{{}}
	slots := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	w.walk(p, func() *listing { return parts[len(parts)-1] }, func(folder string) {
		sub := &listing{}
		parts = append(parts, sub, &listing{})
		wg.Add(1)
		go func() {
			defer wg.Done()
			slots <- struct{}{}
			defer func() { <-slots }()
			w.walk(folder, func() *listing { return sub }, nil)
		}()
	})
	wg.Wait()
	var found []walked
	var problems []Problem
	for _, l := range parts {
		found = append(found, l.found...)
		problems = append(problems, l.problems...)
	}
	return found, problems
}

// walker is what the walks of one directory given on the command line share.
type walker struct {
	root, clean      string // the directory's fileKey, and its path cleaned
	include, exclude []string
}

// listing is what a walk took: files, and paths it could not read.
type listing struct {
	found    []walked
	problems []Problem
}

// walk walks the tree at dir (the directory given, or a folder under it),
// adding what it meets to the listing out returns at that moment. When split
// is not nil, the folders right under dir are not walked but handed to it.
func (w *walker) walk(dir string, out func() *listing, split func(folder string)) {
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			l := out()
			l.problems = append(l.problems, Problem{Path: path, Message: Reason(err)})
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		rel := w.rel(path)
		if d.IsDir() {
			if path == dir {
				return nil
			}
			if strings.HasPrefix(d.Name(), ".") || matchAny(w.exclude, d.Name(), rel) {
				return filepath.SkipDir
			}
			if split != nil {
				split(path)
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
		if matchAny(w.include, d.Name(), rel) && !matchAny(w.exclude, d.Name(), rel) {
			key := joinClean(w.root, rel)
			if d.Type()&fs.ModeSymlink != 0 {
				key = fileKey(path)
			}
			l := out()
			l.found = append(l.found, walked{path: path, key: key})
		}
		return nil
	})
	if err != nil {
		l := out()
		l.problems = append(l.problems, Problem{Path: dir, Message: Reason(err)})
	}
}

// rel is filepath.Rel(given directory, path) for a path the walk met: a walk
// joins names to the cleaned directory, so the path after it is relative and
// clean already.
func (w *walker) rel(path string) string {
	switch {
	case w.clean == ".":
		if path != "." && !filepath.IsAbs(path) && !strings.HasPrefix(path, "..") {
			return path
		}
	case len(path) > len(w.clean) && strings.HasPrefix(path, w.clean) && path[len(w.clean)] == filepath.Separator && w.clean != string(filepath.Separator):
		return path[len(w.clean)+1:]
	}
	rel, _ := filepath.Rel(w.clean, path)
	return rel
}

// joinClean is filepath.Join(dir, rel) for a clean dir and a clean relative
// rel below it.
func joinClean(dir, rel string) string {
	if dir == string(filepath.Separator) || rel == "." || rel == "" {
		return filepath.Join(dir, rel)
	}
	return dir + string(filepath.Separator) + rel
}

// walked is a file a directory walk took: its path and its fileKey.
type walked struct {
	path, key string
}

// fileKey names the file at path whatever the spelling: its absolute path,
// cleaned, with symbolic links resolved when they can be. A directory's
// files are keyed by the directory's key joined with their relative path,
// so a walk resolves links once per directory given, not once per file;
// only the files that are themselves links are resolved one by one.
func fileKey(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.Clean(path)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real
	}
	return abs
}

func matchAny(globs []string, name, rel string) bool {
	rel = filepath.ToSlash(rel)
	for _, g := range globs {
		if ok, _ := filepath.Match(g, name); ok {
			return true
		}
		if ok, _ := filepath.Match(g, rel); ok {
			return true
		}
	}
	return false
}

// Reason is the short reason a path could not be used or read, for a message
// that already names the path: "no such file or directory", "permission
// denied", or the error under a path error, however deeply it is wrapped.
func Reason(err error) string {
	var pe *fs.PathError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or directory"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	case errors.As(err, &pe):
		return pe.Err.Error()
	}
	return err.Error()
}
