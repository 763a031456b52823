// Package baseline records a corpus's findings as fingerprints, so that a
// later run reports only the findings that are new (--write-baseline,
// --baseline). A fingerprint is the rule, the file (relative to the baseline
// file's folder) and a hash of the finding's text with a few words of context
// on its line, whitespace collapsed: it survives lines moving, paragraphs being
// added elsewhere and the corpus being linted from another directory. Repeats
// are counted, so a third copy of a recorded widget line is new.
package baseline

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/finding"
)

// Version is the baseline format this package writes and reads.
const Version = 1

// contextRunes is how many code points of the finding's line, on each side of
// its text, go into its fingerprint.
const contextRunes = 24

// File is a baseline file.
type File struct {
	// Version is the format's version; Read refuses any other.
	Version int `json:"version"`
	// Tool names the program that wrote the file.
	Tool string `json:"tool"`
	// Findings are sorted by path, rule and fingerprint.
	Findings []Entry `json:"findings"`
}

// Entry is one recorded fingerprint and how many findings had it.
type Entry struct {
	Rule string `json:"rule"`
	// Path is slash-separated, relative to the baseline file's folder.
	Path        string `json:"path"`
	Fingerprint string `json:"fingerprint"`
	Count       int    `json:"count"`
}

// ReadFunc returns the bytes of a file a finding is in, as it was linted.
type ReadFunc func(path string) ([]byte, error)

// key identifies a fingerprint in a set.
type key struct{ rule, path, fingerprint string }

// Fingerprints computes the fingerprints of findings against one baseline
// file, whose folder paths are taken relative to. It reads each article once
// when the findings come sorted by path.
type Fingerprints struct {
	root  string
	read  ReadFunc
	dirs  map[string]string // directory -> resolved directory
	path  string            // path of the cached text
	text  string
	entry map[string]string // finding path -> baseline path
}

// NewFingerprints prepares fingerprinting for a baseline file at baseline,
// reading article text with read.
func NewFingerprints(baseline string, read ReadFunc) (*Fingerprints, error) {
	root, err := resolveDir(filepath.Dir(baseline))
	if err != nil {
		return nil, fmt.Errorf("baseline %s: %w", baseline, err)
	}
	return &Fingerprints{root: root, read: read, dirs: map[string]string{}, entry: map[string]string{}}, nil
}

// Build records findings as a baseline.
func (fp *Fingerprints) Build(findings []finding.Finding) (*File, error) {
	counts := map[key]int{}
	for i := range findings {
		k, err := fp.key(&findings[i])
		if err != nil {
			return nil, err
		}
		counts[k]++
	}
	b := &File{Version: Version, Tool: "corpuslint", Findings: make([]Entry, 0, len(counts))}
	for k, n := range counts {
		b.Findings = append(b.Findings, Entry{Rule: k.rule, Path: k.path, Fingerprint: k.fingerprint, Count: n})
	}
	sort.Slice(b.Findings, func(i, j int) bool {
		x, y := b.Findings[i], b.Findings[j]
		if x.Path != y.Path {
			return x.Path < y.Path
		}
		if x.Rule != y.Rule {
			return x.Rule < y.Rule
		}
		return x.Fingerprint < y.Fingerprint
	})
	return b, nil
}

// New returns the findings the baseline does not hold, in their order. Each
// recorded fingerprint absorbs as many findings as its count.
func (fp *Fingerprints) New(b *File, findings []finding.Finding) ([]finding.Finding, error) {
	left := map[key]int{}
	for _, e := range b.Findings {
		left[key{e.Rule, e.Path, e.Fingerprint}] += e.Count
	}
	var out []finding.Finding
	for i := range findings {
		k, err := fp.key(&findings[i])
		if err != nil {
			return nil, err
		}
		if left[k] > 0 {
			left[k]--
			continue
		}
		out = append(out, findings[i])
	}
	return out, nil
}

// key is a finding's rule, baseline path and fingerprint.
func (fp *Fingerprints) key(f *finding.Finding) (key, error) {
	p, err := fp.relPath(f.Path)
	if err != nil {
		return key{}, err
	}
	if fp.path != f.Path {
		data, err := fp.read(f.Path)
		if err != nil {
			return key{}, fmt.Errorf("%s: reading for its fingerprint: %w", f.Path, err)
		}
		fp.path, fp.text = f.Path, strings.TrimPrefix(string(data), "\xef\xbb\xbf")
	}
	return key{rule: f.Rule, path: p, fingerprint: Fingerprint(f, fp.text)}, nil
}

// relPath is path relative to the baseline's folder, slash-separated; standard
// input stays "-".
func (fp *Fingerprints) relPath(path string) (string, error) {
	if path == "-" {
		return "-", nil
	}
	if p, ok := fp.entry[path]; ok {
		return p, nil
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	dir, ok := fp.dirs[filepath.Dir(abs)]
	if !ok {
		if dir, err = resolveDir(filepath.Dir(abs)); err != nil {
			return "", fmt.Errorf("%s: %w", path, err)
		}
		fp.dirs[filepath.Dir(abs)] = dir
	}
	rel, err := filepath.Rel(fp.root, filepath.Join(dir, filepath.Base(abs)))
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	fp.entry[path] = filepath.ToSlash(rel)
	return fp.entry[path], nil
}

// resolveDir is dir made absolute with its symbolic links resolved.
func resolveDir(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	return filepath.EvalSymlinks(abs)
}

// Fingerprint hashes what identifies a finding in text (the file's text after
// any byte-order mark): the text of its span and up to contextRunes code
// points of its line on either side, each with runs of white space collapsed.
// Line numbers and offsets are left out, so moving the line keeps the
// fingerprint. A whole-file finding (no resolved range) hashes its message.
func Fingerprint(f *finding.Finding, text string) string {
	h := sha256.New()
	if f.Range.IsZero() {
		fmt.Fprintf(h, "file\x00%s", normalize(f.Message))
	} else {
		start := clamp(f.Span.Start, len(text))
		end := clamp(f.Span.End, len(text))
		if end < start {
			end = start
		}
		lineStart := strings.LastIndexAny(text[:start], "\r\n") + 1
		lineEnd := len(text)
		if i := strings.IndexAny(text[end:], "\r\n"); i >= 0 {
			lineEnd = end + i
		}
		if end > lineEnd { // the span ends on a line end
			lineEnd = end
		}
		before := lastRunes(text[lineStart:start], contextRunes)
		after := firstRunes(text[end:lineEnd], contextRunes)
		fmt.Fprintf(h, "span\x00%s\x00%s\x00%s", normalize(before), normalize(text[start:end]), normalize(after))
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

func clamp(n, limit int) int {
	return max(0, min(n, limit))
}

// normalize collapses each run of white space to one space and trims the ends.
func normalize(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// lastRunes is the last n code points of s.
func lastRunes(s string, n int) string {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

// firstRunes is the first n code points of s.
func firstRunes(s string, n int) string {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// Read loads a baseline file. Errors name the file and the reason.
func Read(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("baseline %s: %w", path, err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var b File
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("baseline %s: not a corpuslint baseline (JSON): %w", path, err)
	}
	if b.Version != Version {
		return nil, fmt.Errorf("baseline %s: version %d is not supported (this corpuslint reads version %d; write a new one with --write-baseline)", path, b.Version, Version)
	}
	for i, e := range b.Findings {
		if e.Rule == "" || e.Path == "" || e.Fingerprint == "" || e.Count < 1 {
			return nil, fmt.Errorf("baseline %s: finding %d needs a rule, a path, a fingerprint and a count of at least 1", path, i+1)
		}
	}
	return &b, nil
}

// Write stores b at path atomically: a temporary file in the same folder,
// renamed over the old one.
func Write(path string, b *File) error {
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return fmt.Errorf("baseline %s: %w", path, err)
	}
	data = append(data, '\n')
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("baseline %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing to remove
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("baseline %s: %w", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("baseline %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("baseline %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("baseline %s: %w", path, err)
	}
	return nil
}
