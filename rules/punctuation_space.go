package rules

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// IrregularSpace finds doubled spaces and non-breaking or other odd spaces
// inside a line: "Janji  Dukung".
var IrregularSpace = &rule.Rule{
	ID:       "punctuation/irregular-space",
	Title:    "doubled or non-breaking space inside a line",
	Severity: finding.Info,
	FixSafe:  true,
	Doc: rule.Doc{
		What: `White space between two words that is not one plain space: doubled spaces ("Janji  Dukung"), non-breaking spaces, tabs, thin spaces. The fix writes one space. Indentation at a line's start is left to artifact rules.`,
		Why:  "Odd spaces are invisible to an editor but split tokens and break exact matching and deduplication.",
		Bad:  "Kim Jong Un Janji  Dukung Penuh Rusia\n",
		Good: "Kim Jong Un Janji Dukung Penuh Rusia\n",
		Lang: "id",
	},
	Run: func(p *rule.Pass) {
		d := p.Doc
		t := d.Text
		// A run worth a look holds a tab, a wide space or two plain spaces in
		// a row: the scan jumps from one such needle to the next over the
		// whole text (runs never cross a line's end), walks back to the run's
		// start and judges the run within its line, trimmed.
		scan := newNeedleScan(t, irregularSpaceNeedles)
		for pos := 0; ; {
			k, _ := scan.from(pos)
			if k < 0 {
				return
			}
			i := k
			for i > 0 && isHSpaceBefore(t, i) {
				_, n := utf8.DecodeLastRuneInString(t[:i])
				i -= n
			}
			j := skipHSpace(t, i, len(t))
			pos = j
			ls := trimSpan(t, d.Lines[d.LineIndex(i)].Span)
			if i >= ls.Start && i < ls.End {
				j = skipHSpace(t, i, ls.End)
				if t[i:j] != " " && !inMojibakeRun(t, i) && !afterLeadingDash(t, ls.Start, i) {
					span := finding.Span{Start: i, End: j}
					what := "doubled space"
					if strings.Contains(t[i:j], "\u00a0") {
						what = "non-breaking space"
					} else if strings.Trim(t[i:j], " ") != "" {
						what = "irregular space"
					}
					p.Report(span, what+" between "+quote(wordBefore(t, i))+" and "+quote(wordAfter(t, j)),
						finding.Fix{Message: "replace with one space", Edits: []finding.Edit{{Span: span, New: " "}}, Safe: true})
				}
			}
		}
	},
}

// irregularSpaceNeedles are what every run of horizontal white space (see
// isSpaceRune) other than one plain space holds: two plain spaces, a tab, or
// one of the wider spaces.
var irregularSpaceNeedles = []string{"  ", "\t", "\u00a0", "\u2009", "\u202f", "\u3000"}

// afterLeadingDash reports whether the line holds only a dash before offset i
// ("-  Presiden …"): a dash left by a cut dateline, which artifact/cut-dateline
// reports and deletes with its spaces, so one finding covers it, not two.
func afterLeadingDash(t string, lineStart, i int) bool {
	switch t[lineStart:i] {
	case "-", "–", "—":
		return true
	}
	return false
}

func wordBefore(t string, i int) string {
	a := i
	for a > 0 {
		r, n := utf8.DecodeLastRuneInString(t[:a])
		if unicode.IsSpace(r) || i-a > 40 {
			break
		}
		a -= n
	}
	return t[a:i]
}

func wordAfter(t string, j int) string {
	b := j
	for b < len(t) {
		r, n := utf8.DecodeRuneInString(t[b:])
		if unicode.IsSpace(r) || b-j > 40 {
			break
		}
		b += n
	}
	return t[j:b]
}

// TrailingSpace finds white space at the end of a line, and lines that hold
// nothing but white space (often a lone non-breaking space).
var TrailingSpace = &rule.Rule{
	ID:       "punctuation/trailing-space",
	Title:    "trailing white space or a line of only white space",
	Severity: finding.Info,
	FixSafe:  true,
	Doc: rule.Doc{
		What: "White space at the end of a line, or a line holding only white space — often a single non-breaking space that a page used as a spacer.",
		Why:  "A blank-looking line that is not blank breaks paragraph splitting; trailing spaces make equal lines compare unequal.",
		Bad:  "Vietnam tidak mengutuk serangan Rusia. \n\n\u00a0\n\nKedua negara bekerja bersama.\n",
		Good: "Vietnam tidak mengutuk serangan Rusia.\n\nKedua negara bekerja bersama.\n",
		Lang: "id",
	},
	Run: func(p *rule.Pass) {
		d := p.Doc
		for i, l := range d.Lines {
			line := d.Text[l.Start:l.End]
			if line == "" {
				continue
			}
			if strings.TrimFunc(line, unicode.IsSpace) == "" {
				what := "line of only white space"
				if strings.Contains(line, "\u00a0") {
					what = "line holding only a non-breaking space"
				}
				p.Report(l.Span, what, finding.Fix{Message: "delete the line", Edits: []finding.Edit{d.DeleteLineEdit(i)}, Safe: true})
				continue
			}
			trimmed := strings.TrimRightFunc(line, unicode.IsSpace)
			if len(trimmed) < len(line) {
				span := finding.Span{Start: l.Start + len(trimmed), End: l.End}
				p.Report(span, "trailing white space", finding.Fix{Message: "delete the trailing white space", Edits: []finding.Edit{{Span: span}}, Safe: true})
			}
		}
	},
}

// SpaceBeforePunctuation finds a space before a period or comma:
// "membaik di Barcelona . Direktur".
var SpaceBeforePunctuation = &rule.Rule{
	ID:       "punctuation/space-before-punctuation",
	Title:    "space before a period, comma or other mark",
	Severity: finding.Warning,
	FixSafe:  true,
	Doc: rule.Doc{
		What: `White space between a word and the period, comma, semicolon, colon, question or exclamation mark after it: "membaik di Barcelona . Direktur", "kata John .". A colon or semicolon with a space on both sides is left alone: medal tables, line-ups and price lists write "Thailand : Emas 6", "VIP : 60,000₩" on purpose, as a label style, not as scraping damage.`,
		Why:  "The mark belongs to the word; the stray space is a scraping artifact that breaks tokenization.",
		Bad:  "Performa Rashford membaik di Barcelona . Direktur Deco mengungkap penyebabnya.\n",
		Good: "Performa Rashford membaik di Barcelona. Direktur Deco mengungkap penyebabnya.\n",
		Lang: "id",
	},
	Run: func(p *rule.Pass) {
		d := p.Doc
		t := d.Text
		// A candidate is a mark right after white space: a plain space or a
		// tab, or a wider space (no-break, thin, narrow no-break,
		// ideographic), whose last byte is from 0x80 up. Both are inside one
		// line, so the scan runs over the whole text and looks the line up
		// only for a candidate. Eight places are ruled out at once where no
		// ASCII byte up to 0x20 nor a byte from 0x80 up stands before a mark
		// or a byte next to one in ASCII (nextSpaceThenPunct); the places
		// left are tested one by one.
		for i := nextSpaceThenPunct(t, 1); i < len(t); i = nextSpaceThenPunct(t, i+1) {
			checkSpaceBeforePunctuation(p, i)
		}
	},
}

// nextSpaceThenPunct returns the first offset i from from on (from ≥ 1)
// where t[i-1] is an ASCII byte up to 0x20 (a space and a tab among them) or
// a byte from 0x80 up (the last byte of a wider space among them) and t[i] is
// '!' or one of ",-./" or ":;<=>?" (the marks and their neighbours in ASCII),
// or len(t) for none. Eight offsets are tested at once, reading eight bytes
// as a number; no byte's sum below carries into the next: each is at most
// 0x7f before a constant below 0x80 is added.
func nextSpaceThenPunct(t string, from int) int {
	i := from
	for ; i+8 <= len(t); i += 8 {
		w := littleEndian64(t, i-1)    // t[i-1:i+7]
		v := w>>8 | uint64(t[i+7])<<56 // t[i:i+8]
		x := v & lowBytes
		bang := ^((x ^ '!'*oneBytes) + lowBytes)                               // 0x80 where '!'
		commaToSlash := (x + (0x80-',')*oneBytes) &^ (x + (0x80-'0')*oneBytes) // 0x80 in ",-./"
		colonToQuery := (x + (0x80-':')*oneBytes) &^ (x + (0x80-'@')*oneBytes) // 0x80 in ":;<=>?"
		space := ^((w & lowBytes) + (0x80-0x21)*oneBytes) | w                  // 0x80 where up to 0x20 or from 0x80
		if m := (bang | commaToSlash | colonToQuery) & space &^ v & highBytes; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(t); i++ {
		if c, b := t[i], t[i-1]; (b <= 0x20 || b >= 0x80) && (c == '!' || ',' <= c && c <= '/' || ':' <= c && c <= '?') {
			return i
		}
	}
	return len(t)
}

// checkSpaceBeforePunctuation reports the space before the mark at t[i], if
// there is one to report.
func checkSpaceBeforePunctuation(p *rule.Pass, i int) {
	d := p.Doc
	t := d.Text
	c := t[i]
	if !spacePunctMark[c] || t[i-1] != ' ' && t[i-1] != '\t' && !isHSpaceBefore(t, i) {
		return
	}
	l := d.Lines[d.LineIndex(i)]
	if i+1 < l.End && (t[i+1] == '.' || t[i+1] == c) {
		return // " ..." ellipsis, " ??"
	}
	if next, _ := utf8.DecodeRuneInString(t[i+1 : l.End]); i+1 < l.End && !isHSpace(t, i+1) && !strings.ContainsRune("\"'”’)", next) {
		return // " .NET", " :)" and the like
	}
	if (c == ':' || c == ';') && i+1 < l.End && isHSpace(t, i+1) {
		return // "Thailand : Emas 6", "VIP : 60,000₩": a label style the writer chose, not damage
	}
	if c == '.' && spacedEllipsis(t, i, l.End) {
		return // ". . ." written with spaces
	}
	a := i
	for a > l.Start && isHSpaceBefore(t, a) {
		_, n := utf8.DecodeLastRuneInString(t[:a])
		a -= n
	}
	if a == l.Start {
		return
	}
	r, _ := utf8.DecodeLastRuneInString(t[:a])
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune(")\"”’", r) {
		return
	}
	span := finding.Span{Start: a, End: i}
	p.Report(finding.Span{Start: a, End: i + 1}, "space before "+quote(string(c)),
		finding.Fix{Message: "delete the space before " + quote(string(c)), Edits: []finding.Edit{{Span: span}}, Safe: true})
}

// spacePunctMark marks the bytes space-before-punctuation looks at: . , ; : ! ?
var spacePunctMark = [256]bool{'.': true, ',': true, ';': true, ':': true, '!': true, '?': true}

// spacedEllipsis reports whether the period at i is followed, after white space,
// by another period: the first dot of ". . .".
func spacedEllipsis(t string, i, end int) bool {
	j := skipHSpace(t, i+1, end)
	return j > i+1 && j < end && t[j] == '.'
}

func isHSpaceBefore(t string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(t[:i])
	return isSpaceRune(r)
}

// GluedParagraphs finds paragraphs glued with ".,": "triliun.,Mengutip".
var GluedParagraphs = &rule.Rule{
	ID:       "punctuation/glued-paragraphs",
	Title:    `paragraphs glued together with ".,"`,
	Severity: finding.Warning,
	FixSafe:  true,
	Doc: rule.Doc{
		What: `A period followed by a comma and a capitalised word, where a scraper joined paragraphs with a comma: "Rp 5 triliun.,Mengutip laporan …".`,
		Why:  "The comma is the scraper's separator, not punctuation; it glues two sentences into one token.",
		Bad:  "Laba bersih naik menjadi Rp 5 triliun.,Mengutip laporan keuangan, pendapatan naik.\n",
		Good: "Laba bersih naik menjadi Rp 5 triliun. Mengutip laporan keuangan, pendapatan naik.\n",
		Lang: "id",
	},
	Run: func(p *rule.Pass) {
		t := p.Doc.Text
		for off := 0; ; {
			k := strings.Index(t[off:], ".,")
			if k < 0 {
				return
			}
			i := off + k
			off = i + 2
			j := i + 2
			for j < len(t) && t[j] == ' ' {
				j++
			}
			if j >= len(t) || !isUpperStart(t[j:]) || i == 0 || t[i-1] == '.' {
				continue
			}
			if tok := document.TokenBefore(t, i); p.Pack.IsAbbreviation(tok+".") || document.IsInitial(tok) || strings.Contains(tok, ".") || isAcronym(tok) {
				continue // "Tbk., Jakarta", "S.H., M.H.", "CRA.,CRP": the period is the abbreviation's
			}
			if j > i+2 && !p.Pack.List("sentence-openers").Contains(strings.TrimRight(wordAfter(t, j), ".,;:!?")) {
				// "di Lombok., Nusa Tenggara Barat": the comma is the text's own, the period is stray.
				p.Report(finding.Span{Start: i, End: i + 2}, "stray period before a comma",
					finding.Fix{Message: "delete the period before the comma", Edits: []finding.Edit{{Span: finding.Span{Start: i, End: i + 1}}}, Safe: true})
				continue
			}
			span := finding.Span{Start: i, End: j}
			p.Report(finding.Span{Start: i, End: i + 2}, "paragraphs glued with "+quote(".,"),
				finding.Fix{Message: "replace " + quote(t[i:j]) + " with " + quote(". "), Edits: []finding.Edit{{Span: span, New: ". "}}, Safe: true})
		}
	},
}

// isAcronym reports whether tok is two or more capital letters and nothing else
// ("CRA", "MBA"): a degree or title written with a period, as in "CRA.,CRP".
func isAcronym(tok string) bool {
	n := 0
	for _, r := range tok {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}
