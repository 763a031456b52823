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
	"sort"
	"strings"
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
		sort.Slice(found, func(a, b int) bool { return found[a].path < found[b].path })
		for _, f := range found {
			add(f.path, f.key)
		}
	}
	return files, problems, nil
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
