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
		return lineMatches(p.Doc, lists[:])
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
//
// The lists hold a few rare phrases, and running the matcher over every line
// cost more than the rest of the rules that use them. Here one cheap scan of the
// whole text finds the few places where a phrase may start (phraseScan), and the
// matcher runs only on short windows around them. A list the scan cannot vouch
// for (see newPhraseScan) is matched line by line.
func lineMatches(d *document.Document, lists []*lexicon.List) [][]lineMatch {
	out := make([][]lineMatch, len(lists))
	scans := make([]phraseScan, len(lists))
	n := 0
	for _, list := range lists {
		n += list.Len()
	}
	keys := make([]uint32, 0, n) // every list's keys, each list's a part
	var filter keyFilter
	fits := false
	for k, list := range lists {
		if list.Len() == 0 {
			continue // no phrase, no match
		}
		before := len(keys)
		var ok bool
		keys, ok = scans[k].init(list, keys)
		if !ok {
			keys = keys[:before]
			out[k] = lineMatchesByLine(d, list)
			continue
		}
		fits = true
		for _, key := range scans[k].keys {
			filter.add(key)
		}
	}
	if !fits {
		return out
	}
	// Each list's window: it runs at least maxLen bytes past every place in
	// it where a phrase may start, and ends before an ASCII byte that is no
	// letter or digit. A match found in it is one the matcher finds in the
	// whole text, and the matcher starts it afresh, as no match from before
	// reaches it.
	t := d.Text
	flush := func(k int) {
		w := scans[k].window
		for _, m := range lists[k].FindAll(t[w.Start:w.End]) {
			m.Start += w.Start
			m.End += w.Start
			out[k] = append(out[k], lineMatch{line: d.LineIndex(m.Start), Match: m})
		}
	}
	for i := 0; i+4 <= len(t); i++ {
		key := fold4(t[i : i+4])
		if !filter.mayHold(key) {
			continue
		}
		for k := range scans {
			s := &scans[k]
			if s.maxLen == 0 || !s.startsAt(t, i, key) {
				continue
			}
			end := min(len(t), i+s.maxLen)
			if s.window.Len() > 0 && i < s.window.End {
				s.window.End = safeWindowEnd(t, max(s.window.End, end))
				continue
			}
			if s.window.Len() > 0 {
				flush(k)
			}
			s.window = finding.Span{Start: i, End: safeWindowEnd(t, end)}
		}
	}
	for k := range scans {
		if scans[k].window.Len() > 0 {
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
	keys   []uint32     // each phrase's first four bytes, fold4
	maxLen int          // the longest phrase in bytes, as the matcher compares it; 0 when unused
	window finding.Span // lineMatches' window for the list, empty before the first
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
	maxLen := 0
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
		maxLen = max(maxLen, n)
	}
	if maxLen == 0 {
		return keys, false // no phrase
	}
	s.keys, s.maxLen = keys[from:len(keys):len(keys)], maxLen
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

// fold4Hash spreads a key over the filter's 4096 bits (Fibonacci hashing).
func fold4Hash(key uint32) uint32 { return (key * 0x9E3779B1) >> 20 }
