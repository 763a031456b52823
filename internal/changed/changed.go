// Package changed finds the lines of files that were added or changed since a
// git revision, for reporting only the findings a pull request brings in
// (--new-from-rev). It runs git in each file's repository: `git diff REV` for
// the tracked files (renames followed, so a moved file brings no new lines) and
// `git ls-files` to tell untracked files, all of whose lines are new.
package changed

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/corpuslint/corpuslint/internal/document"
)

// Lines records, for a set of files, which of their lines are new since a
// revision. Line numbers are 1-based and count lines as corpuslint does (a
// lone CR ends a line too).
type Lines struct {
	files map[string]*fileLines // by key(path)
	// given indexes the same by the paths as Since was given them: lookups
	// come once a finding, by those paths, and key() costs two system calls.
	given map[string]*fileLines
}

// fileLines is what changed in one file.
type fileLines struct {
	// all is set for a file git does not track: every line is new.
	all bool
	// lines holds the new lines of a tracked file.
	lines map[int]bool
}

// Since returns the lines of paths added or changed since rev, comparing the
// working tree (staged or not) with rev. Paths may be relative to the current
// directory or absolute, and may lie in different repositories. A path outside
// any git repository, or a rev that names no commit, is an error.
func Since(ctx context.Context, rev string, paths []string) (*Lines, error) {
	if rev == "" || strings.HasPrefix(rev, "-") {
		return nil, fmt.Errorf("revision %q is not a git revision", rev)
	}
	out := &Lines{files: map[string]*fileLines{}, given: map[string]*fileLines{}}
	repos := map[string]*repo{} // by toplevel
	tops := map[string]string{} // directory -> toplevel
	for _, p := range paths {
		k, err := key(p)
		if err != nil {
			return nil, err
		}
		dir := filepath.Dir(k)
		top, ok := tops[dir]
		if !ok {
			if top, err = toplevel(ctx, dir); err != nil {
				return nil, err
			}
			tops[dir] = top
		}
		r := repos[top]
		if r == nil {
			if r, err = loadRepo(ctx, top, rev); err != nil {
				return nil, err
			}
			repos[top] = r
		}
		rel, err := filepath.Rel(top, k)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		rel = filepath.ToSlash(rel)
		fl := &fileLines{}
		switch {
		case r.diff[rel] != nil:
			fl.lines, err = ownLines(k, r.diff[rel])
			if err != nil {
				return nil, fmt.Errorf("%s: %w", p, err)
			}
		case !r.tracked[rel]:
			fl.all = true
		}
		out.files[k] = fl
		out.given[p] = fl
	}
	return out, nil
}

// Touches reports whether any of the lines first to last (inclusive) of path
// is new. A file Since was not asked about has no new lines.
func (l *Lines) Touches(path string, first, last int) bool {
	fl := l.lookup(path)
	if fl == nil {
		return false
	}
	if fl.all {
		return true
	}
	for n := first; n <= last; n++ {
		if fl.lines[n] {
			return true
		}
	}
	return false
}

// AnyNew reports whether path has at least one new line (it is untracked, or
// its diff adds lines).
func (l *Lines) AnyNew(path string) bool {
	fl := l.lookup(path)
	return fl != nil && (fl.all || len(fl.lines) > 0)
}

// lookup finds path as Since was given it, or else (the same file named
// another way) by its key.
func (l *Lines) lookup(path string) *fileLines {
	if fl, ok := l.given[path]; ok {
		return fl
	}
	k, err := key(path)
	if err != nil {
		return nil
	}
	return l.files[k]
}

// key is the absolute path of p with its directory's symbolic links resolved,
// so that the same file named two ways, or inside a linked temporary folder,
// maps to one place in its repository.
func key(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", fmt.Errorf("%s: %w", p, err)
	}
	dir, err := filepath.EvalSymlinks(filepath.Dir(abs))
	if err != nil {
		return "", fmt.Errorf("%s: %w", p, err)
	}
	return filepath.Join(dir, filepath.Base(abs)), nil
}

// repo is what one repository's git said.
type repo struct {
	// diff maps a slash path relative to the top level to the lines the diff
	// adds, in git's line numbering (LF only).
	diff map[string]map[int]bool
	// tracked holds the files in the index.
	tracked map[string]bool
}

// toplevel is the root of the work tree holding dir.
func toplevel(ctx context.Context, dir string) (string, error) {
	out, err := git(ctx, dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return "", fmt.Errorf("%s is not in a git repository (--new-from-rev compares with a git revision): %w", dir, err)
	}
	top := strings.TrimRight(string(out), "\r\n")
	if resolved, err := filepath.EvalSymlinks(top); err == nil {
		top = resolved
	}
	return filepath.Clean(top), nil
}

// loadRepo resolves rev in the repository at top and reads its diff and index.
func loadRepo(ctx context.Context, top, rev string) (*repo, error) {
	out, err := git(ctx, top, "rev-parse", "--verify", "--quiet", rev+"^{commit}")
	if err != nil {
		hint := ""
		if shallow, _ := git(ctx, top, "rev-parse", "--is-shallow-repository"); strings.TrimSpace(string(shallow)) == "true" {
			hint = " (the clone is shallow: fetch the revision first, for example git fetch --depth=1 origin " + rev + ")"
		}
		return nil, fmt.Errorf("revision %q is not a commit in the repository %s%s", rev, top, hint)
	}
	commit := strings.TrimSpace(string(out))
	diffOut, err := git(ctx, top, "diff", "--no-color", "--no-ext-diff", "--no-textconv", "--text",
		"--find-renames", "--unified=0", "--src-prefix=a/", "--dst-prefix=b/", commit, "--")
	if err != nil {
		return nil, fmt.Errorf("git diff %s in %s: %w", rev, top, err)
	}
	diff, err := parseDiff(diffOut)
	if err != nil {
		return nil, fmt.Errorf("reading git diff %s in %s: %w", rev, top, err)
	}
	lsOut, err := git(ctx, top, "ls-files", "-z")
	if err != nil {
		return nil, fmt.Errorf("git ls-files in %s: %w", top, err)
	}
	tracked := map[string]bool{}
	for _, f := range strings.Split(string(lsOut), "\x00") {
		if f != "" {
			tracked[f] = true
		}
	}
	return &repo{diff: diff, tracked: tracked}, nil
}

// git runs git in dir and returns its standard output; a failure carries the
// first line of its standard error.
func git(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", append([]string{"-c", "core.quotePath=true"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_OPTIONAL_LOCKS=0", "LC_ALL=C")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if msg := strings.TrimSpace(stderr.String()); msg != "" && errors.As(err, &ee) {
			if i := strings.IndexByte(msg, '\n'); i >= 0 {
				msg = msg[:i]
			}
			return nil, fmt.Errorf("git %s: %s", args[0], msg)
		}
		return nil, fmt.Errorf("git %s: %w", args[0], err)
	}
	return out, nil
}

// parseDiff reads a unified diff with zero context and returns, for each new
// path, the line numbers on the new side of its hunks. A hunk's own lines are
// skipped by count, so article text that looks like a diff header ("+++ x")
// is never read as one.
func parseDiff(out []byte) (map[string]map[int]bool, error) {
	files := map[string]map[int]bool{}
	var cur map[int]bool
	pending := 0 // lines of the current hunk still to skip
	for _, line := range strings.Split(string(out), "\n") {
		if pending > 0 && (strings.HasPrefix(line, "-") || strings.HasPrefix(line, "+") || strings.HasPrefix(line, " ")) {
			pending--
			continue
		}
		switch {
		case strings.HasPrefix(line, `\`):
			// "\ No newline at end of file"
		case strings.HasPrefix(line, "diff --git "):
			cur, pending = nil, 0
		case strings.HasPrefix(line, "+++ "):
			name := strings.TrimSuffix(strings.TrimPrefix(line, "+++ "), "\t")
			if name == "/dev/null" {
				cur = nil // a deleted file
				continue
			}
			if strings.HasPrefix(name, `"`) {
				unq, err := strconv.Unquote(name)
				if err != nil {
					return nil, fmt.Errorf("file name %s: %w", name, err)
				}
				name = unq
			}
			name = strings.TrimPrefix(name, "b/")
			cur = map[int]bool{}
			files[name] = cur
		case strings.HasPrefix(line, "@@ ") && cur != nil:
			h, err := parseHunk(line)
			if err != nil {
				return nil, err
			}
			for n := h.newStart; n < h.newStart+h.newCount; n++ {
				cur[n] = true
			}
			pending = h.oldCount + h.newCount
		}
	}
	return files, nil
}

// hunk is a hunk header "@@ -oldStart,oldCount +newStart,newCount @@".
type hunk struct {
	oldStart, oldCount, newStart, newCount int
}

// parseHunk reads a hunk header; an omitted count is 1.
func parseHunk(header string) (hunk, error) {
	fields := strings.Fields(header)
	bad := fmt.Errorf("malformed hunk header %q", header)
	if len(fields) < 3 || !strings.HasPrefix(fields[1], "-") || !strings.HasPrefix(fields[2], "+") {
		return hunk{}, bad
	}
	var h hunk
	var ok1, ok2 bool
	h.oldStart, h.oldCount, ok1 = startCount(fields[1][1:])
	h.newStart, h.newCount, ok2 = startCount(fields[2][1:])
	if !ok1 || !ok2 {
		return hunk{}, bad
	}
	return h, nil
}

// startCount reads "start[,count]".
func startCount(spec string) (start, count int, ok bool) {
	count = 1
	var err error
	if i := strings.IndexByte(spec, ','); i >= 0 {
		if count, err = strconv.Atoi(spec[i+1:]); err != nil {
			return 0, 0, false
		}
		spec = spec[:i]
	}
	if start, err = strconv.Atoi(spec); err != nil {
		return 0, 0, false
	}
	return start, count, true
}

// ownLines converts git's new line numbers of the file at path to
// corpuslint's. They differ only in a file with lone CRs, which git does not
// count as line ends: every line of ours on a new git line is new.
func ownLines(path string, gitLines map[int]bool) (map[int]bool, error) {
	if len(gitLines) == 0 {
		return gitLines, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if !hasLoneCR(data) {
		return gitLines, nil
	}
	doc := document.Parse(path, data)
	offset := 0
	if doc.BOM {
		offset = len(document.BOMBytes)
	}
	own := map[int]bool{}
	gitLine, scanned := 1, 0
	for i, l := range doc.Lines {
		start := offset + l.Start
		gitLine += bytes.Count(data[scanned:start], []byte{'\n'})
		scanned = start
		if gitLines[gitLine] {
			own[i+1] = true
		}
	}
	return own, nil
}

// hasLoneCR reports whether data holds a CR not followed by LF.
func hasLoneCR(data []byte) bool {
	for i, c := range data {
		if c == '\r' && (i+1 == len(data) || data[i+1] != '\n') {
			return true
		}
	}
	return false
}
