package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/lexicon"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// ReadMore finds "read also" widgets: "Baca juga: …", "READ  <headline>",
// "Simak juga Video '…'", as lines and inline in flattened articles.
var ReadMore = &rule.Rule{
	ID:       "artifact/read-more",
	Title:    "read-also widget left in the text",
	Severity: finding.Warning,
	FixSafe:  true,
	Doc: rule.Doc{
		What: `A "read also" or video widget that the scraper kept: "Baca juga: <another headline>", "READ  <headline>", "Simak juga Video '…'", "Related: …", on a line of its own or inline in an article flattened to one line.`,
		Why:  "The headline belongs to another article: left in, it breaks the text and teaches a model that articles end mid-thought with someone else's headline.",
		Bad:  "Korea Utara mengumumkan kunjungan Putin.\n\nBaca Juga: Pratama Arhan Resmi Gabung Klub Liga 1 Korea Suwon FC\n\nKedua negara bekerja bersama.\n",
		Good: "Korea Utara mengumumkan kunjungan Putin.\n\nKedua negara bekerja bersama.\n",
		Lang: "id",
	},
	Run: runReadMore,
}

func runReadMore(p *rule.Pass) {
	d := p.Doc
	for _, w := range readMoreWidgets(p) {
		if w.line >= 0 {
			p.Report(w.span, "read-also widget "+quote(d.Slice(w.span))+" left by the scraper", deleteLineFix(d, w.line))
			continue
		}
		fix := finding.Fix{Message: "delete " + quote(d.Slice(w.span)), Edits: []finding.Edit{removeInlineEdit(d.Text, w.in, w.span)}, Safe: w.sure}
		p.Report(w.span, "read-also widget "+quote(d.Slice(w.span))+" left inside the text", fix)
	}
}

// readMoreWidget is a read-also widget found in the text: a whole line (line
// is its index) or inline (line is -1; sure is false when the end of the other
// article's headline was guessed from capitalisation).
type readMoreWidget struct {
	span finding.Span
	in   finding.Span // the trimmed line the widget stands in
	line int
	sure bool
}

// readMoreWidgets returns the read-also widgets of the document, in order. The
// attribution rules use it too, to leave another article's headline alone.
func readMoreWidgets(p *rule.Pass) []readMoreWidget {
	d := p.Doc
	list := p.Packs.Union("read-more")
	var out []readMoreWidget
	for i := range d.Lines {
		ls := trimmedLine(d, i)
		if ls.Len() == 0 {
			continue
		}
		line := d.Slice(ls)
		if e, rest := readMorePrefix(list, line); e != nil && wordCount(rest) <= 30 && !hasInnerSentence(rest) {
			out = append(out, readMoreWidget{span: ls, in: ls, line: i, sure: true})
			continue
		}
		out = append(out, inlineReadMore(p, list, ls)...)
	}
	return out
}

// readMorePrefix reports whether line opens with a read-more phrase as a widget
// does, and returns what follows it.
func readMorePrefix(list *lexicon.List, line string) (*lexicon.Entry, string) {
	for _, m := range list.FindAll(line) {
		if m.Start != 0 {
			break
		}
		if e, rest, ok := widgetAfter(m, line); ok {
			return e, rest
		}
	}
	return nil, ""
}

// widgetAfter checks what follows a read-more phrase match m in text and returns
// the rest of the text after its separator.
func widgetAfter(m lexicon.Match, text string) (*lexicon.Entry, string, bool) {
	e := m.Entry
	rest := text[m.End:]
	flag := e.Field(0)
	if flag == "gap" && text[m.Start:m.End] != e.Phrase {
		return nil, "", false
	}
	trimmed := strings.TrimLeft(rest, " \t\u00a0")
	colon := strings.HasPrefix(trimmed, ":")
	switch flag {
	case "colon":
		if !colon {
			return nil, "", false
		}
	case "gap":
		if !colon && !strings.HasPrefix(rest, "\u00a0") && !strings.HasPrefix(rest, "  ") {
			return nil, "", false
		}
	}
	after := strings.TrimLeft(strings.TrimPrefix(trimmed, ":"), " \t\u00a0-–—")
	if !colon && after != "" {
		r, _ := utf8.DecodeRuneInString(after)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.ContainsRune("'\"“‘[", r) {
			return nil, "", false
		}
	}
	return e, after, true
}

// hasInnerSentence reports whether s holds a sentence end followed by more text,
// which a headline does not.
func hasInnerSentence(s string) bool {
	for _, sep := range []string{". ", "! ", "? "} {
		if i := strings.Index(s, sep); i >= 0 && i+2 < len(s) {
			if j := strings.LastIndexByte(s[:i], ' '); j >= 0 && strings.Contains(s[j+1:i], ".") {
				continue // an abbreviation or initial inside the headline
			}
			return true
		}
	}
	return false
}

// inlineReadMore finds read-more widgets inside a line of running text,
// where the end of the other article's headline must be guessed.
func inlineReadMore(p *rule.Pass, list *lexicon.List, ls finding.Span) []readMoreWidget {
	var out []readMoreWidget
	d := p.Doc
	line := d.Slice(ls)
	for _, m := range list.FindAll(line) {
		if m.Start == 0 {
			continue
		}
		e, _, ok := widgetAfter(m, line)
		if !ok || e.Field(0) == "" && !strings.HasPrefix(strings.TrimLeft(line[m.End:], " \u00a0"), ":") {
			continue // inline, a colon is required: "Baca juga buku itu" is prose
		}
		// The widget starts a sentence of its own, or is a capitalised phrase
		// with its colon ("… 1m13.385s Baca juga: F1 GP …"): scraped tables and
		// lists give no sentence end before it, but prose never writes that.
		before := strings.TrimRight(line[:m.Start], " \t\u00a0")
		colon := strings.HasPrefix(strings.TrimLeft(line[m.End:], " \t\u00a0"), ":")
		if before != "" && !(colon && isUpperStart(line[m.Start:m.End])) {
			r, _ := utf8.DecodeLastRuneInString(before)
			if !strings.ContainsRune(".!?\"”)]", r) && !isUpper(before) {
				continue
			}
		}
		start := ls.Start + m.Start
		end, sure := headlineEnd(p, d.Text, ls.Start+m.End, ls.End)
		out = append(out, readMoreWidget{span: finding.Span{Start: start, End: end}, in: ls, line: -1, sure: sure})
	}
	return out
}

func isUpper(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsUpper(r)
}

// headlineEnd guesses where a headline that starts after a read-more phrase at
// from ends: before a widget marker, before the capitalised word that opens the
// next sentence, or after at most 20 words. sure is false when the guess rests
// only on capitalisation.
func headlineEnd(p *rule.Pass, text string, from, limit int) (int, bool) {
	i := from
	// skip the separator
	for i < limit && strings.ContainsRune(": \t\u00a0", rune(text[i])) {
		i++
	}
	widgets := p.Packs.Union("inline-widgets")
	small := p.Pack.List("cannot-end")
	end := i
	words := 0
	for i < limit && words < 20 {
		for i < limit && isHSpace(text, i) {
			i += spaceLen(text, i)
		}
		if i >= limit {
			return end, true
		}
		j := i
		for j < limit && !isHSpace(text, j) {
			_, n := utf8.DecodeRuneInString(text[j:])
			j += n
		}
		w := text[i:j]
		if startsWithEntry(widgets, text[i:limit]) {
			return end, true
		}
		if strings.HasPrefix(w, "[Gambas") || strings.HasPrefix(w, "Baca") && words > 0 {
			return end, true
		}
		core := strings.Trim(w, "\"'“”‘’()[]:,")
		if core != "" && !isUpperStart(core) && !unicode.IsDigit(rune(core[0])) && !small.Contains(core) {
			// a lower-case word that is not a small title word: the previous
			// capitalised word opened the next sentence.
			return end, false
		}
		if isUpperStart(core) && words > 0 {
			// Capitalised word followed by a lower-case non-title word starts a sentence.
			k := j
			for k < limit && isHSpace(text, k) {
				k += spaceLen(text, k)
			}
			l := k
			for l < limit && !isHSpace(text, l) {
				_, n := utf8.DecodeRuneInString(text[l:])
				l += n
			}
			next := strings.Trim(text[k:l], "\"'“”‘’(),")
			if next != "" && isLowerWord(next) && !small.Contains(next) {
				return end, false
			}
		}
		end = j
		words++
		if strings.HasSuffix(w, ".") || strings.HasSuffix(w, "!") || strings.HasSuffix(w, "?") {
			return end, false
		}
		i = j
	}
	// The headline ran to the end of the line: nothing was guessed.
	return end, i >= limit
}

// startsWithEntry reports whether s starts with one of list's phrases, in the
// same capitals. It looks only at the start of s, so callers stay linear.
func startsWithEntry(list *lexicon.List, s string) bool {
	for _, e := range list.Entries {
		if strings.HasPrefix(s, e.Phrase) {
			return true
		}
	}
	return false
}
