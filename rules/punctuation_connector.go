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
	if !plainConnectors(list) {
		for i := range d.Lines {
			connectorPeriodLine(p, list, d.Lines[i].Span)
		}
		return
	}
	// Only the line of a period that may end a connector is matched
	// against the whole list.
	t := d.Text
	breaks := newNeedleScan(t, sentenceBreaks)
	end := -1  // the last . ! ? or line end before the period
	last := -1 // the last line matched
	for off := 0; ; {
		k := strings.IndexByte(t[off:], '.')
		if k < 0 {
			return
		}
		dot := off + k
		for {
			q, _ := breaks.from(off)
			if q < 0 || q > dot {
				break
			}
			end, off = q, q+1
		}
		start := end + 1
		end, off = dot, dot+1
		if !mayEndConnector(t, list, start, dot) {
			continue
		}
		if li := d.LineIndex(dot); li != last {
			connectorPeriodLine(p, list, d.Lines[li].Span)
			last = li
		}
	}
}

// sentenceBreaks are what ends a sentence other than a period: ! ? and a
// line's end.
var sentenceBreaks = []string{"!", "?", "\n", "\r"}

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
