// Package lexicon holds the language packs: word lists and phrase lists as data
// files, one file per list per language, embedded in the binary. A list is
// looked up whole through a map and found in running text with a trie walked
// from each word start (match.go), built on first use; line patterns are
// regular expressions compiled when a line first needs them (pattern.go).
package lexicon

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/document"
)

//go:embed data
var embedded embed.FS

// Entry is one line of a list: the phrase and any further tab-separated fields.
type Entry struct {
	Phrase string
	Fields []string
}

// Field returns the i-th extra field, or "".
func (e Entry) Field(i int) string {
	if i < len(e.Fields) {
		return e.Fields[i]
	}
	return ""
}

// List is one word or phrase list of one language. Its lookup table and
// matcher are built on first use: a run on a few files uses a fraction of the
// packs' lists, and building them all was most of the packs' loading time.
type List struct {
	Name    string
	Entries []Entry

	indexOnce sync.Once
	exact     map[string]int // lower-cased phrase -> entry index
	maxKey    int            // length in bytes of the longest lower-cased phrase
	matcher   *matcher

	patternOnce sync.Once
	pattern     *LinePattern

	// derived holds what callers build from the list once per run (see
	// Derived), by key.
	derived sync.Map
}

// Derived returns the value build makes from l, building it the first time
// key is asked for and handing the same value to every later caller, from any
// goroutine: a rule keeps a filter or table made from a list's entries with
// the list (one per run) instead of making it again for every article. key is
// usually a value of an unexported type of the caller's package, so callers
// cannot collide; the value must not be changed once built. build may run more
// than once when callers race, but only one result is ever returned.
func (l *List) Derived(key any, build func(*List) any) any {
	if v, ok := l.derived.Load(key); ok {
		return v
	}
	v, _ := l.derived.LoadOrStore(key, build(l))
	return v
}

// Match is one occurrence of a list entry in a text.
type Match struct {
	Start, End int
	Entry      *Entry
}

func newList(name string, entries []Entry) *List {
	return &List{Name: name, Entries: entries}
}

// index returns l with its lookup table and matcher built.
func (l *List) index() *List {
	l.indexOnce.Do(func() {
		l.exact = make(map[string]int, len(l.Entries))
		pats := make([]string, len(l.Entries))
		for i, e := range l.Entries {
			key := strings.ToLower(e.Phrase)
			if _, dup := l.exact[key]; !dup {
				l.exact[key] = i
			}
			l.maxKey = max(l.maxKey, len(key))
			pats[i] = key
		}
		if len(pats) > 0 {
			l.matcher = newMatcher(pats)
		}
	})
	return l
}

// Len is the number of entries.
func (l *List) Len() int {
	if l == nil {
		return 0
	}
	return len(l.Entries)
}

// Lookup returns the entry equal to s, ignoring case, or nil.
func (l *List) Lookup(s string) *Entry {
	if l == nil {
		return nil
	}
	l.index()
	// Lower-casing keeps a string at least a third of its length (the Kelvin
	// sign's three bytes become "k"), so a longer one cannot be an entry.
	if len(s) > 3*l.maxKey {
		return nil
	}
	var i int
	var ok bool
	var buf [64]byte
	if key, ascii := appendLowerASCII(buf[:0], s); ascii {
		i, ok = l.exact[string(key)] // no copy: the key stays on the stack
	} else {
		i, ok = l.exact[strings.ToLower(s)]
	}
	if ok {
		return &l.Entries[i]
	}
	return nil
}

// appendLowerASCII appends s lower-cased to dst and reports true when s is
// ASCII; otherwise it reports false (and the caller lower-cases the Unicode
// way).
func appendLowerASCII(dst []byte, s string) ([]byte, bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return dst, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst, true
}

// Contains reports whether s is an entry, ignoring case.
func (l *List) Contains(s string) bool { return l.Lookup(s) != nil }

// MayHold reports whether s, with white space folded, punctuation trimmed
// and case ignored, could still be an entry: false when s holds more ASCII
// letters and digits than the longest entry (folding keeps every one of them,
// and lower-casing keeps their length). Callers use it to skip building a
// lookup key for a line of running text.
func (l *List) MayHold(s string) bool {
	if l == nil || len(s) <= l.index().maxKey {
		return true
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if asciiWord[s[i]] {
			if n++; n > l.maxKey {
				return false
			}
		}
	}
	return true
}

// ContainsExact reports whether s is an entry with the same case.
func (l *List) ContainsExact(s string) bool {
	e := l.Lookup(s)
	return e != nil && e.Phrase == s
}

// FindAll returns the leftmost-longest, non-overlapping occurrences of the list's
// entries in text that start and end on word boundaries, ignoring ASCII case:
// at each word start, the longest entry that ends on a word boundary.
func (l *List) FindAll(text string) []Match {
	if l == nil || l.index().matcher == nil {
		return nil
	}
	var out []Match
	l.matcher.each(text, func(s, e, pat int) bool {
		out = append(out, Match{Start: s, End: e, Entry: &l.Entries[pat]})
		return true
	})
	return out
}

func boundaryBefore(text string, i int) bool {
	if i == 0 {
		return true
	}
	return !wordRuneBefore(text, i) || !wordRuneAt(text, i)
}

func boundaryAfter(text string, i int) bool {
	if i >= len(text) {
		return true
	}
	return !wordRuneAt(text, i) || !wordRuneBefore(text, i)
}

// wordRuneAt reports whether the rune at offset i (< len(text)) is a word
// rune; ASCII through a table.
func wordRuneAt(text string, i int) bool {
	if c := text[i]; c < utf8.RuneSelf {
		return asciiWord[c]
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return document.IsWordRune(r)
}

// wordRuneBefore reports whether the rune ending at offset i (> 0) is a word
// rune.
func wordRuneBefore(text string, i int) bool {
	if c := text[i-1]; c < utf8.RuneSelf {
		return asciiWord[c]
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return document.IsWordRune(r)
}

// Pack is the set of lists of one language.
type Pack struct {
	Lang  string
	lists map[string]*List
}

// noList is what a pack or set without a list gives for it: one empty list,
// shared, instead of a new one per call (a rule asks for its lists on every
// article). It has no entries, so its lazily built index is empty too.
var noList = &List{}

// List returns the named list, or an empty list (unnamed, shared) when the
// pack has none or is nil.
func (p *Pack) List(name string) *List {
	if p != nil {
		if l, ok := p.lists[name]; ok {
			return l
		}
	}
	return noList
}

// ListNames returns the names of the pack's lists, sorted.
func (p *Pack) ListNames() []string {
	var out []string
	for n := range p.lists {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// IsAbbreviation reports whether token (with its final period) is a known
// abbreviation of the language, such as "Jl." or "U.S.". Case matters for
// single-word entries written with a capital, so "No." is an abbreviation but
// "no." is not.
func (p *Pack) IsAbbreviation(token string) bool {
	e := p.List("abbreviations").Lookup(token)
	if e == nil {
		return false
	}
	if e.Phrase == token {
		return true
	}
	// "dkk." matches "Dkk." at a sentence start; "No." does not match "no.".
	r, _ := utf8.DecodeRuneInString(e.Phrase)
	return unicode.IsLower(r)
}

// Set is every loaded language pack.
type Set struct {
	packs map[string]*Pack
	// union holds, for every list name, the entries of all languages together:
	// site furniture is not in the article's language ("Exit mobile version" under
	// an Indonesian article).
	union map[string]*List
	// stop indexes the stop words for Detect.
	stop stopwordIndex
}

// Union returns the list of that name with every language's entries, or an
// empty list (unnamed, shared) when no language has it.
func (s *Set) Union(name string) *List {
	if l, ok := s.union[name]; ok {
		return l
	}
	return noList
}

// Languages returns the languages of the set, sorted.
func (s *Set) Languages() []string {
	var out []string
	for l := range s.packs {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// Pack returns the pack of lang, or nil.
func (s *Set) Pack(lang string) *Pack { return s.packs[lang] }

// Embedded loads the language packs built into the binary.
func Embedded() (*Set, error) {
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		return nil, err
	}
	return Load(sub)
}

// Load reads packs from fsys laid out as LANG/LIST.txt, a line an entry, '#'
// starting a comment, extra fields after a tab.
func Load(fsys fs.FS) (*Set, error) {
	s := &Set{packs: map[string]*Pack{}}
	if err := s.Add(fsys); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *Set) buildUnion() {
	names := map[string][]Entry{}
	for _, lang := range s.Languages() {
		p := s.packs[lang]
		for _, n := range p.ListNames() {
			names[n] = append(names[n], p.lists[n].Entries...)
		}
	}
	s.union = map[string]*List{}
	for n, e := range names {
		s.union[n] = newList(n, e)
	}
}

// Add merges the packs in fsys into s: entries of a list that exists already are
// appended to it, new lists and languages are added.
func (s *Set) Add(fsys fs.FS) error {
	langs, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return fmt.Errorf("reading language packs: %w", err)
	}
	for _, ld := range langs {
		if !ld.IsDir() {
			continue
		}
		lang := ld.Name()
		files, err := fs.ReadDir(fsys, lang)
		if err != nil {
			return fmt.Errorf("reading language pack %s: %w", lang, err)
		}
		p := s.packs[lang]
		if p == nil {
			p = &Pack{Lang: lang, lists: map[string]*List{}}
			s.packs[lang] = p
		}
		for _, f := range files {
			if f.IsDir() || path.Ext(f.Name()) != ".txt" {
				continue
			}
			name := strings.TrimSuffix(f.Name(), ".txt")
			old := p.lists[name]
			entries, err := readList(fsys, path.Join(lang, f.Name()), old)
			if err != nil {
				return err
			}
			if old != nil {
				entries = append(append([]Entry{}, old.Entries...), entries...)
			}
			p.lists[name] = newList(name, entries)
		}
	}
	s.buildUnion()
	s.buildStopwordIndex()
	return nil
}

// readList reads one list file. The file is read whole and its entries are
// cut from it without copying: reading the packs line by line with a copy
// of every line and field was most of loading them.
//
// Entries are looked up ignoring case, so two that differ only in case would
// shadow each other (the second never found, its fields never read): such a
// pair is an error, within the file or against the entries of before, the
// list this file adds to (nil for none).
func readList(fsys fs.FS, name string, before *List) ([]Entry, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	text := string(data)
	out := make([]Entry, 0, strings.Count(text, "\n")+1)
	seen := map[string]int{} // lower-cased phrase -> its line, 0 for before's
	if before != nil {
		for _, e := range before.Entries {
			seen[strings.ToLower(e.Phrase)] = 0
		}
	}
	for n := 1; text != ""; n++ {
		var line string
		line, text, _ = strings.Cut(text, "\n")
		line = strings.TrimRight(line, " \r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		phrase, fields := line, []string{}
		if strings.IndexByte(line, '\t') >= 0 {
			parts := strings.Split(line, "\t")
			phrase, fields = parts[0], parts[1:]
		}
		phrase = strings.TrimSpace(phrase)
		if phrase == "" {
			return nil, fmt.Errorf("%s:%d: empty entry", name, n)
		}
		key := strings.ToLower(phrase)
		if at, dup := seen[key]; dup {
			if at == 0 {
				return nil, fmt.Errorf("%s:%d: %q is already in the %s list (entries are matched ignoring case)", name, n, phrase, before.Name)
			}
			return nil, fmt.Errorf("%s:%d: %q repeats line %d (entries are matched ignoring case: keep one)", name, n, phrase, at)
		}
		seen[key] = n
		out = append(out, Entry{Phrase: phrase, Fields: fields})
	}
	return out, nil
}

// NewList builds a list from phrases given in code or configuration (a user's
// own patterns), matched like the packs' lists: ignoring ASCII case, on word
// boundaries.
func NewList(name string, phrases []string) *List {
	entries := make([]Entry, len(phrases))
	for i, p := range phrases {
		entries[i] = Entry{Phrase: p}
	}
	return newList(name, entries)
}
