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
	Run: func(p *rule.Pass) {
		d := p.Doc
		list := p.Pack.List("connectors")
		plain := plainConnectors(list)
		for _, l := range d.Lines {
			line := d.Text[l.Start:l.End]
			if plain && !mayHoldConnectorPeriod(line, list) {
				continue
			}
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
	},
}

// connectorTrim is what may stand between a sentence's end and a connector
// that opens the next one: white space and closing quotes.
const connectorTrim = " \t\u00a0\"”’"

// plainConnectors reports whether no connector of list holds a sentence's
// final mark (. ! ?) or starts with a character of connectorTrim, so that
// mayHoldConnectorPeriod can rule lines out.
func plainConnectors(list *lexicon.List) bool {
	for _, e := range list.Entries {
		r, _ := utf8.DecodeRuneInString(e.Phrase)
		if strings.ContainsAny(e.Phrase, ".!?") || strings.ContainsRune(connectorTrim, r) {
			return false
		}
	}
	return true
}

// mayHoldConnectorPeriod reports whether line may hold what connector-period
// reports: a period after a capitalised word, then (after white space) a
// capitalised word, where the text from the sentence's start (the line's
// start or the last . ! ? before it, and the white space and quotes after
// that) to the period is a connector, ignoring case. For a list of plain
// connectors every finding's line passes: the connector cannot hold the mark
// that ends the sentence before it, so it runs from exactly that start to the
// period, and a whole-word match of it is an entry ignoring case. Only such a
// line is matched against the whole list.
func mayHoldConnectorPeriod(line string, list *lexicon.List) bool {
	marks := newNeedleScan(line, exclamationQuestion)
	end := -1 // the last . ! ? before the period, or -1
	for off := 0; ; {
		k := strings.IndexByte(line[off:], '.')
		if k < 0 {
			return false
		}
		dot := off + k
		for {
			q, _ := marks.from(off)
			if q < 0 || q > dot {
				break
			}
			end, off = q, q+1
		}
		start := end + 1
		end, off = dot, dot+1
		if next := skipHSpaceASCII(line, dot+1, len(line)); next == len(line) || !upperStart(line[next:]) {
			continue
		}
		for start < dot {
			r, n := utf8.DecodeRuneInString(line[start:dot])
			if !strings.ContainsRune(connectorTrim, r) {
				break
			}
			start += n
		}
		if start < dot && upperStart(line[start:dot]) && list.Contains(line[start:dot]) {
			return true
		}
	}
}

// exclamationQuestion are the sentence's final marks other than the period.
var exclamationQuestion = []string{"!", "?"}
