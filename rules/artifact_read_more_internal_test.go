package rules

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/lexicon"
)

// startsWithFoldByScan and startsWithEntryByScan are startsWithFold and
// startsWithEntry as they were before entriesByFirstByte: every entry of the
// list compared in turn.
func startsWithFoldByScan(list *lexicon.List, s string) bool {
	if s == "" {
		return false
	}
	c := lowerASCII(s[0])
	for _, e := range list.Entries {
		n := len(e.Phrase)
		if len(s) < n || lowerASCII(e.Phrase[0]) != c || !strings.EqualFold(s[:n], e.Phrase) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(s[n:]); n == len(s) || !unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func startsWithEntryByScan(list *lexicon.List, s string) bool {
	for _, e := range list.Entries {
		if len(s) >= len(e.Phrase) && s[0] == e.Phrase[0] && strings.HasPrefix(s, e.Phrase) {
			return true
		}
	}
	return false
}

// TestStartsWithByFirstByteAsByScan compares the first-byte tables with the
// scans over every entry, on the lists headlineEnd gives them, at the start
// of each entry in several cases followed by a letter, a space or nothing,
// and at every word of the test data.
func TestStartsWithByFirstByteAsByScan(t *testing.T) {
	packs, err := lexicon.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	texts := sampleTexts(t, []string{"x"}, 0)
	for _, name := range []string{"inline-widgets", "read-more"} {
		list := packs.Union(name)
		table := entriesByFirstByte(list)
		var asked []string
		for _, e := range list.Entries {
			for _, p := range []string{e.Phrase, strings.ToUpper(e.Phrase), strings.ToLower(e.Phrase), e.Phrase[:len(e.Phrase)-1]} {
				asked = append(asked, p, p+" ", p+"a", p+"\u00a0:", p+"é")
			}
		}
		asked = append(asked, "", "\xff", "é")
		for _, text := range texts {
			for i := 0; i < len(text); i++ {
				if i == 0 || text[i-1] == ' ' || text[i-1] == '\n' {
					asked = append(asked, text[i:min(len(text), i+60)])
				}
			}
		}
		fold, exact := 0, 0
		for _, s := range asked {
			want := startsWithFoldByScan(list, s)
			if got := startsWithFold(table, s); got != want {
				t.Fatalf("%s: startsWithFold(%q) = %v, want %v", name, s, got, want)
			}
			if want {
				fold++
			}
			want = startsWithEntryByScan(list, s)
			if got := startsWithEntry(table, s); got != want {
				t.Fatalf("%s: startsWithEntry(%q) = %v, want %v", name, s, got, want)
			}
			if want {
				exact++
			}
		}
		if fold < len(list.Entries) || exact < len(list.Entries) {
			t.Fatalf("%s: %d and %d starts found for %d entries: the test asks the wrong things", name, fold, exact, len(list.Entries))
		}
	}
}

// TestWordASCIIEnd compares wordASCIIEnd with a byte loop on every text of
// eleven bytes drawn from a word byte, the bytes it stops at and bytes near
// them (a borrow in the eight-byte test must never move the answer), from
// every start and to every limit.
func TestWordASCIIEnd(t *testing.T) {
	alphabet := []byte{'a', ' ', '\t', 0x80, 0xff, 0x7f, 0x00, 0x01, 0x08, 0x0a, 0x1f, 0x21, 'Z'}
	byLoop := func(text string, i, limit int) int {
		for i < limit && text[i] < utf8.RuneSelf && text[i] != ' ' && text[i] != '\t' {
			i++
		}
		return i
	}
	const n = 11
	b := make([]byte, n)
	for k := range b {
		b[k] = 'a'
	}
	// Each text: one or two bytes of the alphabet at two positions, the rest
	// word bytes.
	for p := 0; p < n; p++ {
		for q := p; q < n; q++ {
			for _, x := range alphabet {
				for _, y := range alphabet {
					b[p], b[q] = x, y
					text := string(b)
					for i := 0; i <= n; i++ {
						for limit := i; limit <= n; limit++ {
							if got, want := wordASCIIEnd(text, i, limit), byLoop(text, i, limit); got != want {
								t.Fatalf("wordASCIIEnd(%q, %d, %d) = %d, want %d", text, i, limit, got, want)
							}
						}
					}
					b[p], b[q] = 'a', 'a'
				}
			}
		}
	}
}
