package rules

import (
	"strings"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/lexicon"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// lineMatch is one occurrence of a list's phrase in a line of the document,
// with offsets into the document's text.
type lineMatch struct {
	line int
	lexicon.Match
}

// span is the match's span in the document.
func (m lineMatch) span() finding.Span { return finding.Span{Start: m.Start, End: m.End} }

// widgetPhraseLists are the lists whose phrases open a widget or a note:
// rare in a text, looked for in every line of every article.
var widgetPhraseLists = [...]string{"read-more", "syndication", "inline-widgets"}

// widgetPhrasesKey is the key of the widget lists' matches in a document.
type widgetPhrasesKey struct{}

// widgetTableKey is the key, on the first widget list, of the phrase table
// of the widget lists (the other two named in it), built once per run.
type widgetTableKey struct {
	others [len(widgetPhraseLists) - 1]*lexicon.List
}

// widgetPhrases returns the matches of the widget list name (one of
// widgetPhraseLists) in the document's lines, as lineMatches gives them. The
// lists are looked for together, in one scan of the text, the first time a
// rule asks for one of them.
func widgetPhrases(p *rule.Pass, name string) []lineMatch {
	all := p.Doc.Memo(widgetPhrasesKey{}, func() any {
		var lists [len(widgetPhraseLists)]*lexicon.List
		for i, n := range widgetPhraseLists {
			lists[i] = p.Packs.Union(n)
		}
		key := widgetTableKey{others: [len(widgetPhraseLists) - 1]*lexicon.List(lists[1:])}
		table := lists[0].Derived(key, func(*lexicon.List) any { return newPhraseTable(lists[:]) }).(*phraseTable)
		return table.lineMatches(p.Doc)
	}).([][]lineMatch)
	for i, n := range widgetPhraseLists {
		if n == name {
			return all[i]
		}
	}
	panic("rules: " + name + " is not a widget phrase list")
}

// lineMatches returns, for each list, the occurrences of its phrases in the
// document's lines, in order: exactly what list.FindAll gives on each trimmed
// line (trimmedLine), with the offsets moved into the document's text.
func lineMatches(d *document.Document, lists []*lexicon.List) [][]lineMatch {
	return newPhraseTable(lists).lineMatches(d)
}

// phraseTable is what lineMatches needs to know of its lists, made once per
// run: where each list's phrases may start, and the filters of the scan.
//
// The lists hold a few rare phrases, and running the matcher over every line
// cost more than the rest of the rules that use them. Here one cheap scan of the
// whole text finds the few places where a phrase may start (phraseScan), and the
// matcher runs only on short windows around them. A list the scan cannot vouch
// for (see phraseScan.init) is matched line by line.
//
// The scan does not look at every byte. Every phrase the scan vouches for has
// at least minLen bytes, so an occurrence covers every step-th place of the
// text at least once with a gram (the gram bytes from there) that lies inside
// it: step = minLen - gram + 1. grams holds, for every phrase, its first step
// grams (ASCII case folded), so the scan tests every step-th place against
// grams, and only where one may be there the places it may have started from
// against the phrases' first four bytes (starts) and then each list's.
type phraseTable struct {
	lists  []*lexicon.List
	scans  []phraseScan // each list's, maxLen 0 for a list matched line by line
	byLine []bool       // the lists the scan cannot vouch for
	starts keyFilter    // every scanned phrase's first four bytes, fold4
	grams  gramFilter   // every scanned phrase's first step grams
	gram   int          // bytes in a gram: 3 or 4
	step   int          // the scan's stride, ≥ 1
	fits   bool         // a list is scanned
}

// newPhraseTable makes the table of lists.
func newPhraseTable(lists []*lexicon.List) *phraseTable {
	t := &phraseTable{lists: lists, scans: make([]phraseScan, len(lists)), byLine: make([]bool, len(lists))}
	var keys []uint32
	minLen := 0
	for k, list := range lists {
		if list.Len() == 0 {
			continue // no phrase, no match
		}
		before := len(keys)
		var ok bool
		keys, ok = t.scans[k].init(list, keys)
		if !ok {
			keys = keys[:before]
			t.byLine[k] = true
			continue
		}
		t.fits = true
		for _, key := range t.scans[k].keys {
			t.starts.add(key)
		}
		if minLen == 0 || t.scans[k].minLen < minLen {
			minLen = t.scans[k].minLen
		}
	}
	if !t.fits {
		return t
	}
	// minLen ≥ 4: four-byte grams while that leaves a stride of two or more,
	// at most four places between tests (each adds a gram per phrase to the
	// filter).
	t.gram = 4
	if minLen == 4 {
		t.gram = 3
	}
	t.step = min(minLen-t.gram+1, 4)
	for k := range t.scans {
		for _, key := range t.scans[k].phrases {
			for j := 0; j < t.step; j++ {
				t.grams.add(foldGram(key[j : j+t.gram]))
			}
		}
	}
	return t
}

// gramMask keeps the first n (3 or 4) bytes of a fold4 value.
func gramMask(n int) uint32 {
	if n == 4 {
		return 0xffffffff
	}
	return 1<<(8*n) - 1
}

// foldGram is fold4 of the first n bytes of s (3 or 4, all of s), masked
// by gramMask(n).
func foldGram(s string) uint32 {
	var b [4]byte
	copy(b[:], s)
	return fold4(string(b[:])) & gramMask(len(s))
}

// lineMatches returns what lineMatches (the function) returns for t's lists.
func (pt *phraseTable) lineMatches(d *document.Document) [][]lineMatch {
	lists := pt.lists
	out := make([][]lineMatch, len(lists))
	for k, list := range lists {
		if pt.byLine[k] {
			out[k] = lineMatchesByLine(d, list)
		}
	}
	if !pt.fits {
		return out
	}
	// Each list's window: it runs at least maxLen bytes past every place in
	// it where a phrase may start, and ends before an ASCII byte that is no
	// letter or digit. A match found in it is one the matcher finds in the
	// whole text, and the matcher starts it afresh, as no match from before
	// reaches it.
	t := d.Text
	var windowArr [len(widgetPhraseLists)]finding.Span
	windows := windowArr[:0]
	if len(lists) <= len(windowArr) {
		windows = windowArr[:len(lists)]
	} else {
		windows = make([]finding.Span, len(lists))
	}
	flush := func(k int) {
		w := windows[k]
		for _, m := range lists[k].FindAll(t[w.Start:w.End]) {
			m.Start += w.Start
			m.End += w.Start
			out[k] = append(out[k], lineMatch{line: d.LineIndex(m.Start), Match: m})
		}
	}
	// consider looks at a place i where a phrase may start, whose first four
	// bytes are key.
	consider := func(i int, key uint32) {
		for k := range pt.scans {
			s := &pt.scans[k]
			if s.maxLen == 0 || !s.startsAt(t, i, key) {
				continue
			}
			w := &windows[k]
			end := min(len(t), i+s.maxLen)
			if w.Len() > 0 && i < w.End {
				w.End = safeWindowEnd(t, max(w.End, end))
				continue
			}
			if w.Len() > 0 {
				flush(k)
			}
			*w = finding.Span{Start: i, End: safeWindowEnd(t, end)}
		}
	}
	step, mask := pt.step, gramMask(pt.gram)
	next := 0 // the first place not looked at yet
	for p := 0; p+4 <= len(t); p += step {
		if !pt.grams.mayHold(fold4(t[p:p+4]) & mask) {
			continue
		}
		for i := max(next, p-step+1); i <= p; i++ {
			if key := fold4(t[i : i+4]); pt.starts.mayHold(key) {
				consider(i, key)
			}
		}
		next = p + 1
	}
	// The last places, whose gram the loop could not read four bytes of.
	for i := max(next, len(t)-4-step+1, 0); i+4 <= len(t); i++ {
		if key := fold4(t[i : i+4]); pt.starts.mayHold(key) {
			consider(i, key)
		}
	}
	for k := range windows {
		if windows[k].Len() > 0 {
			flush(k)
		}
	}
	return out
}

// lineMatchesByLine is lineMatches for one list, the plain way: the matcher
// on every trimmed line.
func lineMatchesByLine(d *document.Document, list *lexicon.List) []lineMatch {
	var out []lineMatch
	for i := range d.Lines {
		ls := trimmedLine(d, i)
		if ls.Len() == 0 {
			continue
		}
		for _, m := range list.FindAll(d.Slice(ls)) {
			m.Start += ls.Start
			m.End += ls.Start
			out = append(out, lineMatch{line: i, Match: m})
		}
	}
	return out
}

// safeWindowEnd moves end forward to the first ASCII byte that is neither a
// letter nor a digit (or the text's end): whether a word ends there does not
// depend on what follows, and no character is cut.
func safeWindowEnd(t string, end int) int {
	for end < len(t) && (t[end] >= utf8.RuneSelf || asciiAlnum(t[end])) {
		end++
	}
	return end
}

func asciiAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// phraseScan tells where one of a list's phrases may start: at a word start,
// where the next four bytes are a phrase's first four ignoring ASCII case. The
// matcher compares bytes ignoring ASCII case and starts only at a word
// boundary, so every match starts at such a place; most places are not
// matches, and the matcher decides.
type phraseScan struct {
	keys    []uint32 // each phrase's first four bytes, fold4
	phrases []string // the phrases, as the matcher compares them as far as non-ASCII goes
	maxLen  int      // the longest phrase in bytes, as the matcher compares it; 0 when unused
	minLen  int      // the shortest
}

// init sets s up for list's phrases as the matcher sees them (lower-cased),
// their keys appended to keys, and returns keys. It reports false when a
// phrase breaks what lineMatches relies on: every phrase has four bytes or
// more and starts with an ASCII letter or digit (so a match starts where an
// ASCII byte follows a character that is no letter or digit, and a window can
// start there), ends with a visible ASCII character and holds no control
// character (so a match lies inside one trimmed line).
func (s *phraseScan) init(list *lexicon.List, keys []uint32) ([]uint32, bool) {
	from := len(keys)
	maxLen, minLen := 0, 0
	var phrases []string
	for _, e := range list.Entries {
		key := e.Phrase
		for i := 0; i < len(key); i++ {
			if c := key[i]; c-' ' >= 0x7f-' ' { // a control character, or not ASCII
				if c < ' ' {
					return keys, false
				}
				if c >= utf8.RuneSelf {
					key = strings.ToLower(key) // ASCII needs no lowering: fold4 ignores its case
					if strings.ContainsFunc(key, func(r rune) bool { return r < ' ' }) {
						return keys, false
					}
					break
				}
			}
		}
		n := len(key)
		if n < 4 || !asciiAlnum(key[0]) || key[n-1] <= ' ' || key[n-1] >= 0x7f {
			return keys, false
		}
		keys = append(keys, fold4(key))
		phrases = append(phrases, key)
		maxLen = max(maxLen, n)
		if minLen == 0 || n < minLen {
			minLen = n
		}
	}
	if maxLen == 0 {
		return keys, false // no phrase
	}
	s.keys, s.phrases, s.maxLen, s.minLen = keys[from:len(keys):len(keys)], phrases, maxLen, minLen
	return keys, true
}

// startsAt reports whether a phrase may start at t[i], whose first four bytes
// are key (fold4): key is a phrase's, and t[i] starts a word. (A phrase starts
// with a letter or digit, so its match follows a character that is none.)
func (s *phraseScan) startsAt(t string, i int, key uint32) bool {
	found := false
	for _, k := range s.keys {
		if k == key {
			found = true
			break
		}
	}
	if !found {
		return false
	}
	if i > 0 {
		if b := t[i-1]; b < utf8.RuneSelf {
			return !asciiAlnum(b)
		}
		return !document.IsWordRune(lastRune(t[:i]))
	}
	return true
}

// fold4 returns the first four bytes of s as a number, with bit 0x20 set in
// each: two strings equal ignoring ASCII case give the same value.
func fold4(s string) uint32 {
	return (uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24) | 0x20202020
}

// keyFilter is a bit set of hashed fold4 keys: mayHold is false for most keys
// that were not added, with no branch taken on the way.
type keyFilter [64]uint64

func (f *keyFilter) add(key uint32) {
	h := fold4Hash(key)
	f[h>>6] |= 1 << (h & 63)
}

func (f *keyFilter) mayHold(key uint32) bool {
	h := fold4Hash(key)
	return f[h>>6]&(1<<(h&63)) != 0
}

// gramFilter is keyFilter's larger sibling for the scan's grams, which are
// more (several a phrase) and tested at more places.
type gramFilter [256]uint64

func (f *gramFilter) add(key uint32) {
	h := key * 0x9E3779B1 >> 18
	f[h>>6] |= 1 << (h & 63)
}

func (f *gramFilter) mayHold(key uint32) bool {
	h := key * 0x9E3779B1 >> 18
	return f[h>>6]&(1<<(h&63)) != 0
}

// fold4Hash spreads a key over the filter's 4096 bits (Fibonacci hashing).
func fold4Hash(key uint32) uint32 { return (key * 0x9E3779B1) >> 20 }
