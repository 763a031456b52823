package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/lexicon"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// ConnectorPeriod finds a sentence connector cut off by a period:
// "Sementara itu. Kim menyebut" for "Sementara itu, Kim menyebut".
var ConnectorPeriod = &rule.Rule{
	ID:            "punctuation/connector-period",
	Title:         "sentence connector cut off by a period",
	NeedsLanguage: true,
	Severity:      finding.Warning,
	FixSafe:       true,
	Doc: rule.Doc{
		What: `A connector that opens a sentence ("Sementara itu", "Selain itu", "Meanwhile") followed by a period instead of a comma: "Sementara itu. Kim menyebut …". The fix writes the comma.`,
		Why:  "The connector alone is not a sentence; the period splits it from the clause it introduces.",
		Bad:  "Putin memuji Vietnam. Sementara itu. Kim menyebut aliansi itu penting.\n",
		Good: "Putin memuji Vietnam. Sementara itu, Kim menyebut aliansi itu penting.\n",
		Lang: "id",
	},
	Run: runConnectorPeriod,
}

func runConnectorPeriod(p *rule.Pass) {
	d := p.Doc
	list := p.Pack.List("connectors")
	cs := connectorsOf(list)
	if !cs.plain {
		for i := range d.Lines {
			connectorPeriodLine(p, list, d.Lines[i].Span)
		}
		return
	}
	// Only the line of a period that may end a connector is matched
	// against the whole list.
	t := d.Text
	last := -1 // the last line matched
	for off := 0; ; {
		k := strings.IndexByte(t[off:], '.')
		if k < 0 {
			return
		}
		dot := off + k
		off = dot + 1
		if !cs.mayEnd(t, list, dot) {
			continue
		}
		if li := d.LineIndex(dot); li != last {
			connectorPeriodLine(p, list, d.Lines[li].Span)
			last = li
		}
	}
}

// mayEnd reports mayEndConnector for the period at dot and the sentence it
// ends, list being cs's: its first test, then the three bytes before the
// period (mayEndBefore), and only then the sentence's start is looked for.
func (cs *connectors) mayEnd(t string, list *lexicon.List, dot int) bool {
	if next := skipHSpaceASCII(t, dot+1, len(t)); next == len(t) || !upperStart(t[next:]) || !cs.mayEndBefore(t, dot) {
		return false
	}
	start, ok := sentenceStartBefore(t, dot, 3*cs.maxKey)
	return ok && mayEndConnector(t, list, start, dot)
}

// sentenceStartBefore returns where the sentence that the period at dot
// ends starts: after the last . ! ? or line end before it, or at 0. It
// reports false, and stops reading back, at an ASCII character other than
// white space or a quote (connectorTrim) more than reach bytes before dot:
// what mayEndConnector looks up runs from there at the latest, and is longer
// than any connector lower-cased can be when reach is three times the longest
// (List.Lookup: lower-casing keeps a third of a string's length at least).
func sentenceStartBefore(t string, dot, reach int) (int, bool) {
	for q := dot - 1; q >= 0; q-- {
		switch c := t[q]; c {
		case '.', '!', '?', '\n', '\r':
			return q + 1, true
		case ' ', '\t', '"':
		default:
			if c < utf8.RuneSelf && q < dot-reach {
				return 0, false
			}
		}
	}
	return 0, true
}

// connectors is what connector-period knows of a connectors list, made once
// per run (List.Derived).
type connectors struct {
	plain bool // plainConnectors
	// tails holds, when byTail, the last three bytes of every connector
	// lower-cased (fold3): a period can end a connector only after three
	// bytes whose fold3 is there. byTail is false when a connector is shorter
	// or ends outside ASCII.
	tails  keyFilter
	byTail bool
	maxKey int // the longest connector lower-cased, in bytes
}

// connectorsKey keys a list's connectors among what is derived from it.
type connectorsKey struct{}

// connectorsOf returns list's connectors.
func connectorsOf(list *lexicon.List) *connectors {
	return list.Derived(connectorsKey{}, func(l *lexicon.List) any {
		cs := &connectors{plain: plainConnectors(l), byTail: true}
		for _, e := range l.Entries {
			key := strings.ToLower(e.Phrase) // as List.Lookup compares
			n := len(key)
			cs.maxKey = max(cs.maxKey, n)
			if n < 3 || key[n-1]|key[n-2]|key[n-3] >= utf8.RuneSelf {
				cs.byTail = false
				continue
			}
			cs.tails.add(fold3(key[n-3:]))
		}
		return cs
	}).(*connectors)
}

// fold3 returns the three bytes of s as a number, with bit 0x20 set in each:
// ASCII letters equal ignoring case give the same value.
func fold3(s string) uint32 {
	return (uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16) | 0x202020
}

// mayEndBefore reports whether the period at dot may end a connector, going
// by the three bytes before it. A connector (as List.Lookup finds it: the
// text lower-cased equal to an entry lower-cased) that ends at dot ends with
// those bytes lower-cased when they are ASCII, whatever stands before them:
// lower-casing maps each character on its own. A connector shorter than
// three bytes lower-cased is none (byTail). Bytes outside ASCII say maybe.
func (cs *connectors) mayEndBefore(t string, dot int) bool {
	if !cs.byTail || dot < 3 {
		return true
	}
	w := t[dot-3 : dot]
	if w[0]|w[1]|w[2] >= utf8.RuneSelf {
		return true
	}
	return cs.tails.mayHold(fold3(w))
}

// connectorPeriodLine reports the connectors cut off by a period in the line l.
func connectorPeriodLine(p *rule.Pass, list *lexicon.List, l finding.Span) {
	d := p.Doc
	line := d.Text[l.Start:l.End]
	for _, m := range list.FindAll(line) {
		if m.End >= len(line) || line[m.End] != '.' || !isUpperStart(line[m.Start:]) {
			continue
		}
		// it must open a sentence: line start, or after . ! ? and quotes
		before := strings.TrimRight(line[:m.Start], " \t\u00a0\"”’")
		if before != "" {
			r, _ := utf8.DecodeLastRuneInString(before)
			if !strings.ContainsRune(".!?", r) {
				continue
			}
		}
		after := line[skipHSpace(line, m.End+1, len(line)):]
		if after == "" || !isUpperStart(after) {
			continue
		}
		dot := l.Start + m.End
		next := l.Start + len(line) - len(after)
		edits := []finding.Edit{{Span: finding.Span{Start: dot, End: dot + 1}, New: ","}}
		if next > dot+2 {
			edits = append(edits, finding.Edit{Span: finding.Span{Start: dot + 1, End: next}, New: " "})
		}
		// A stop word after the comma no longer opens a sentence: "Meanwhile, the".
		w := wordAfter(d.Text, next)
		if r, n := utf8.DecodeRuneInString(w); n < len(w) && w != "I" && isLowerWord(strings.ToLower(w)) &&
			p.Pack.List("stopwords").Contains(strings.ToLower(w)) {
			edits = append(edits, finding.Edit{Span: finding.Span{Start: next, End: next + n}, New: string(unicode.ToLower(r))})
		}
		p.Report(finding.Span{Start: l.Start + m.Start, End: dot + 1}, "connector "+quote(line[m.Start:m.End])+" is cut off by a period; it takes a comma",
			finding.Fix{Message: "replace the period with a comma: " + quote(line[m.Start:m.End]+","), Edits: edits, Safe: true})
	}
}

// connectorTrim is what may stand between a sentence's end and a connector
// that opens the next one: white space and closing quotes.
const connectorTrim = " \t\u00a0\"”’"

// plainConnectors reports whether no connector of list holds a sentence's
// final mark (. ! ?) or starts with a character of connectorTrim, so that
// mayEndConnector can rule periods out.
func plainConnectors(list *lexicon.List) bool {
	for _, e := range list.Entries {
		r, _ := utf8.DecodeRuneInString(e.Phrase)
		if strings.ContainsAny(e.Phrase, ".!?") || strings.ContainsRune(connectorTrim, r) {
			return false
		}
	}
	return true
}

// mayEndConnector reports whether the period at dot, in a sentence that
// starts at start (after the line's start or a . ! ?), may end a connector
// connector-period reports: it comes before (after white space) a
// capitalised word, and the sentence from its start, past white space and
// quotes, to the period is a connector, ignoring case. For a list of plain
// connectors (plainConnectors) every finding's period passes: the connector
// cannot hold the mark that ends the sentence before it, so it runs from
// exactly that start to the period, and a whole-word match of it is an entry
// ignoring case.
func mayEndConnector(t string, list *lexicon.List, start, dot int) bool {
	if next := skipHSpaceASCII(t, dot+1, len(t)); next == len(t) || !upperStart(t[next:]) {
		return false
	}
	for start < dot {
		r, n := utf8.DecodeRuneInString(t[start:dot])
		if r != ' ' && r != '\t' && r != '\u00a0' && r != '"' && r != '”' && r != '’' { // connectorTrim
			break
		}
		start += n
	}
	return start < dot && upperStart(t[start:dot]) && list.Contains(t[start:dot])
}
