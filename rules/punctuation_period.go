package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// periodSite is a period in running text with the words on either side.
type periodSite struct {
	dot        int    // offset of the period
	prev       string // the token before it, without the period
	next       string // the word after the white space
	spaceStart int    // offset after the period
	nextStart  int    // offset of the next word
}

// periodSites calls fn for each period that is followed by white space within a
// line and then a word, skipping ellipses.
func periodSites(d *document.Document, fn func(periodSite)) {
	t := d.Text
	for _, l := range d.Lines {
		line := t[l.Start:l.End]
		off := 0
		for {
			k := strings.IndexByte(line[off:], '.')
			if k < 0 {
				break
			}
			dot := l.Start + off + k
			off += k + 1
			if dot > l.Start && t[dot-1] == '.' || dot+1 < l.End && t[dot+1] == '.' {
				continue // ellipsis
			}
			j := dot + 1
			for j < l.End && isHSpace(t, j) {
				j += spaceLen(t, j)
			}
			if j == dot+1 || j >= l.End {
				continue
			}
			e := j
			for e < l.End {
				r, n := utf8.DecodeRuneInString(t[e:])
				if !document.IsWordRune(r) && r != '-' {
					break
				}
				e += n
			}
			if e == j {
				continue
			}
			fn(periodSite{dot: dot, prev: document.TokenBefore(t, dot), next: t[j:e], spaceStart: dot + 1, nextStart: j})
		}
	}
}

// removePeriodFix removes the period at s.dot and makes the white space after it
// a single space.
func removePeriodFix(d *document.Document, s periodSite, message string) finding.Fix {
	edits := []finding.Edit{{Span: finding.Span{Start: s.dot, End: s.dot + 1}}}
	if ws := d.Text[s.spaceStart:s.nextStart]; ws != " " {
		edits = append(edits, finding.Edit{Span: finding.Span{Start: s.spaceStart, End: s.nextStart}, New: " "})
	}
	return finding.Fix{Message: message, Edits: edits, Safe: true}
}

// lastWord returns the trailing letters of tok ("(ke" -> "ke").
func lastWord(tok string) string {
	i := len(tok)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(tok[:i])
		if !unicode.IsLetter(r) {
			break
		}
		i -= n
	}
	return tok[i:]
}

// PeriodAfterFunctionWord finds a period right after a word that cannot end a
// sentence: "pengiriman senjata ke. Moskow", "pengingat bagi.  Barat".
var PeriodAfterFunctionWord = &rule.Rule{
	ID:            "punctuation/period-after-function-word",
	Title:         "period after a word that cannot end a sentence",
	NeedsLanguage: true,
	Severity:      finding.Warning,
	FixSafe:       true,
	Doc: rule.Doc{
		What: `A period right after a preposition, conjunction or determiner — a word that cannot end a sentence — splitting one sentence in two: "senjata ke. Moskow", "rekannya di. Lapangan", "sent to. Brussels". Which words qualify is data per language, chosen from treebank evidence.`,
		Why:  "Machine translation and scraping leave these splits; they break sentence segmentation and read as errors.",
		Bad:  "Berbagai negara menuduh Pyongyang memasok senjata ke. Moskow untuk perang di Ukraina.\n",
		Good: "Berbagai negara menuduh Pyongyang memasok senjata ke Moskow untuk perang di Ukraina.\n",
		Lang: "id",
	},
	Run: func(p *rule.Pass) {
		words := p.Pack.List("cannot-end")
		allowed := map[string]bool{}
		for _, w := range p.WordsOption("allow") {
			allowed[strings.ToLower(w)] = true
		}
		periodSites(p.Doc, func(s periodSite) {
			w := s.prev
			if w == "" || w != lastWord(w) || !isLowerWord(w) || !words.Contains(w) || allowed[strings.ToLower(w)] {
				return
			}
			span := finding.Span{Start: s.dot - len(w), End: s.nextStart + len(s.next)}
			p.Report(finding.Span{Start: s.dot, End: s.dot + 1}, "period after "+quote(w)+", which cannot end a sentence, splits "+quote(p.Doc.Slice(span)),
				removePeriodFix(p.Doc, s, "remove the period: "+quote(w+" "+s.next)))
		})
	},
	Options: []rule.Option{
		{Name: "allow", Kind: rule.WordsOption, Default: []string{},
			Doc: "words of the language pack's cannot-end list never reported here (a site's own usage)"},
	},
}

// PeriodBeforeLowercase finds a period followed by a lower-case word that is not
// after an abbreviation: "Amerika Serikat. dan sekutunya".
var PeriodBeforeLowercase = &rule.Rule{
	ID:            "punctuation/period-before-lowercase",
	Title:         "period followed by a lower-case word",
	NeedsLanguage: true,
	Severity:      finding.Warning,
	FixSafe:       true,
	Doc: rule.Doc{
		What: `A period followed by a word in lower case, where no abbreviation ("dkk.", "Tbk.", "a.m."), initial or number explains it: "Amerika Serikat. dan sekutunya", "krisis itu. untuk meningkatkan".`,
		Why:  "A sentence does not start in lower case: the period is a split from translation or scraping.",
		Bad:  "Kedua negara melawan hegemoni Amerika Serikat. dan sekutunya.\n",
		Good: "Kedua negara melawan hegemoni Amerika Serikat dan sekutunya.\n",
		Lang: "id",
	},
	Run: func(p *rule.Pass) {
		periodSites(p.Doc, func(s periodSite) {
			tok := s.prev
			if tok == "" || !isLowerWord(s.next) || startsURL(p.Doc.Text[s.nextStart:]) || p.Pack.List("cannot-end").Contains(lastWord(tok)) && isLowerWord(tok) {
				return // no word before, or a function word: the other rule's
			}
			last, _ := utf8.DecodeLastRuneInString(tok)
			if !unicode.IsLetter(last) || p.Pack.IsAbbreviation(tok+".") || document.IsInitial(tok) ||
				strings.Contains(tok, ".") || strings.ContainsAny(tok, "@/:") || utf8.RuneCountInString(lastWord(tok)) < 2 {
				return
			}
			p.Report(finding.Span{Start: s.dot, End: s.dot + 1}, "period before lower-case "+quote(s.next)+" splits the sentence",
				removePeriodFix(p.Doc, s, "remove the period: "+quote(lastWord(tok)+" "+s.next)))
		})
	},
}

// startsURL reports whether text starts with a URL or a bare domain
// ("https://t.co/…", "pic.twitter.com/…", "www.kompas.com"), which may follow a
// sentence in lower case.
func startsURL(text string) bool {
	end := strings.IndexFunc(text, unicode.IsSpace)
	if end < 0 {
		end = len(text)
	}
	tok := text[:end]
	if strings.Contains(tok, "://") || strings.HasPrefix(tok, "www.") {
		return true
	}
	if i := strings.IndexByte(tok, '/'); i > 0 {
		tok = tok[:i]
	}
	return isBareDomain(strings.TrimRight(tok, ".,;:!?)"))
}
