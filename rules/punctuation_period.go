package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/lexicon"
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
// line and then a word, skipping ellipses. The sites are found once per
// document and shared by the rules that read them.
func periodSites(d *document.Document, fn func(periodSite)) {
	t := d.Text
	for _, s := range d.Memo(periodSitesKey{}, func() any { return findPeriodSites(t) }).([]periodSiteAt) {
		fn(s.site(t))
	}
}

// periodSiteAt is where a periodSite lies in its text: offsets only, so
// the slice of a document's sites holds no pointers (it is smaller, and
// the garbage collector need not scan it).
type periodSiteAt struct {
	dot       int // offset of the period
	prevStart int // offset of the token before it, which ends at dot
	nextStart int // offset of the next word
	nextEnd   int // offset after it
}

// site returns the periodSite at s in t.
func (s periodSiteAt) site(t string) periodSite {
	return periodSite{dot: s.dot, prev: t[s.prevStart:s.dot], next: t[s.nextStart:s.nextEnd], spaceStart: s.dot + 1, nextStart: s.nextStart}
}

// periodSitesKey is the Document.Memo key of a document's period sites.
type periodSitesKey struct{}

// findPeriodSites returns the period sites of t, in order. Lines need no
// lookup: neither white space nor a word holds a line's end, so a site never
// crosses one.
func findPeriodSites(t string) []periodSiteAt {
	// Room for a site at every period (up to a bound): one allocation
	// instead of a slice grown by doubling, most of the periods being sites.
	out := make([]periodSiteAt, 0, min(strings.Count(t, "."), 256))
	for off := 0; ; {
		k := strings.IndexByte(t[off:], '.')
		if k < 0 {
			return out
		}
		dot := off + k
		off = dot + 1
		if dot > 0 && t[dot-1] == '.' || dot+1 < len(t) && t[dot+1] == '.' {
			continue // ellipsis
		}
		j := skipHSpaceASCII(t, dot+1, len(t))
		if j == dot+1 || j >= len(t) || t[j] == '\n' || t[j] == '\r' {
			continue
		}
		e := j
		for e < len(t) {
			if c := t[e]; c < utf8.RuneSelf {
				if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-') {
					break
				}
				e++
				continue
			}
			r, n := utf8.DecodeRuneInString(t[e:])
			if !document.IsWordRune(r) {
				break
			}
			e += n
		}
		if e == j {
			continue
		}
		out = append(out, periodSiteAt{dot: dot, prevStart: dot - len(tokenBefore(t, dot)), nextStart: j, nextEnd: e})
	}
}

// tokenBefore is document.TokenBefore with a fast path for ASCII: the token
// ends at white space or an opening quote or bracket.
func tokenBefore(t string, end int) string {
	for i := end; i > 0; i-- {
		c := t[i-1]
		if c >= utf8.RuneSelf {
			return document.TokenBefore(t, end)
		}
		switch c {
		case ' ', '\t', '\n', '\v', '\f', '\r', '"', '\'', '(', '[':
			return t[i:end]
		}
	}
	return t[:end]
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
		What: `A period right after a preposition, conjunction or determiner — a word that cannot end a sentence — splitting one sentence in two: "senjata ke. Moskow", "rekannya di. Lapangan", "sent to. Brussels". Which words qualify is data per language, chosen from treebank evidence; words that a sentence may end with when stranded ("where they came from.", "kita semua.") count only before a word that does not usually open a sentence, and known phrases ("ikut serta", "ever since") never. The fix removes the period and lowers a following word that only opens sentences ("ke. Dalam" → "ke dalam"); a name keeps its capital ("bagi. Barat").`,
		Why:  "Machine translation and scraping leave these splits; they break sentence segmentation and read as errors.",
		Bad:  "Berbagai negara menuduh Pyongyang memasok senjata ke. Moskow untuk perang di Ukraina.\n",
		Good: "Berbagai negara menuduh Pyongyang memasok senjata ke Moskow untuk perang di Ukraina.\n",
		Lang: "id",
	},
	Run: func(p *rule.Pass) {
		openers := p.Pack.List("sentence-openers")
		allowed := map[string]bool{}
		for _, w := range p.WordsOption("allow") {
			allowed[strings.ToLower(w)] = true
		}
		periodSites(p.Doc, func(s periodSite) {
			if !isFunctionWordSite(p, s, allowed) {
				return
			}
			w := s.prev
			span := finding.Span{Start: s.dot - len(w), End: s.nextStart + len(s.next)}
			// A word that only opens sentences goes back to lower case ("ke. Dalam" -> "ke dalam");
			// anything else may be a name ("bagi. Barat") and keeps its capital.
			next := s.next
			var lower *finding.Edit
			if r, n := utf8.DecodeRuneInString(next); unicode.IsUpper(r) && n < len(next) && isLowerWord(strings.ToLower(next)) &&
				openers.Contains(next) && next != "I" {
				next = strings.ToLower(next)
				lower = &finding.Edit{Span: finding.Span{Start: s.nextStart, End: s.nextStart + n}, New: string(unicode.ToLower(r))}
			}
			fix := removePeriodFix(p.Doc, s, "remove the period: "+quote(w+" "+next))
			if lower != nil {
				fix.Edits = append(fix.Edits, *lower)
			}
			p.Report(finding.Span{Start: s.dot, End: s.dot + 1}, "period after "+quote(w)+", which cannot end a sentence, splits "+quote(p.Doc.Slice(span)), fix)
		})
	},
	Options: []rule.Option{
		{Name: "allow", Kind: rule.WordsOption, Default: []string{},
			Doc: "words of the language pack's cannot-end list never reported here (a site's own usage)"},
	},
}

// isFunctionWordSite reports whether period-after-function-word reports the
// period site s: the word before the period is a lower-case word of the
// cannot-end list, and not a list item's letter ("a. Send us an email"), a word
// the site allows, the end of a phrase that can end a sentence ("ikut serta")
// or a weak word before a word that opens sentences ("they agreed to. It
// has"). period-before-lowercase leaves exactly these sites to it, so a
// period before a lower-case word is reported by one of the two, never by
// both and never by neither.
func isFunctionWordSite(p *rule.Pass, s periodSite, allowed map[string]bool) bool {
	w := s.prev
	if w == "" {
		return false
	}
	// A lower-case word of letters only, and not a list item's letter ("a.
	// Send us an email"); for ASCII, that is a–z only.
	if lower, ascii := asciiLowerLetters(w); ascii {
		if !lower || len(w) == 1 && blankBefore(p.Doc.Text, s.dot-len(w)) {
			return false
		}
	} else if w != lastWord(w) || !isLowerWord(w) || utf8.RuneCountInString(w) == 1 && blankBefore(p.Doc.Text, s.dot-len(w)) {
		return false
	}
	e := p.Pack.List("cannot-end").Lookup(w)
	if e == nil || allowed[strings.ToLower(w)] || endsWithPhrase(p.Doc.Text[:s.dot], p.Pack.List("can-end-phrases")) {
		return false
	}
	if e.Field(1) == "weak" && isUpperStart(s.next) && p.Pack.List("sentence-openers").Contains(s.next) {
		return false // "they agreed to. It has": a stranded word ends this sentence
	}
	return true
}

// asciiLowerLetters reports whether s is ASCII and, if so, whether it holds
// only the letters a–z.
func asciiLowerLetters(s string) (lower, ascii bool) {
	lower = true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return false, false
		}
		if c < 'a' || c > 'z' {
			lower = false
		}
	}
	return lower, true
}

// endsWithPhrase reports whether text ends with one of the list's phrases as
// whole words ("… ikut serta").
func endsWithPhrase(text string, list *lexicon.List) bool {
	if list.Len() == 0 {
		return false
	}
	start := len(text) - 60
	if start < 0 {
		start = 0
	}
	tail := text[start:]
	for _, m := range list.FindAll(tail) {
		if m.End == len(tail) {
			return true
		}
	}
	return false
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
		What: `A period followed by a word in lower case, where no abbreviation ("dkk.", "Tbk.", "a.m."), initial or number explains it: "Amerika Serikat. dan sekutunya", "krisis itu. untuk meningkatkan". Before a word that only continues a clause ("dan", "untuk", "yang": data per language) the fix removes the period; before any other word the period may instead end a sentence that lost its capital ("valas. pada Agustus 2025, …"), so both fixes are offered for review and neither is applied by --fix. When the words after the period reach a comma within six words through a list conjunction ("ramah pengguna. keamanan tingkat tinggi dan sistem mumpuni, Upbit …": data list-conjunctions), the period most likely replaced a list's comma, and "replace the period with a comma" is offered first, also for review. Words a publisher writes in lower case ("detikers") and lower-case tags after an editor code are left alone.`,
		Why:  "A sentence does not start in lower case: the period is a split from translation or scraping.",
		Bad:  "Kedua negara melawan hegemoni Amerika Serikat. dan sekutunya.\n",
		Good: "Kedua negara melawan hegemoni Amerika Serikat dan sekutunya.\n",
		Lang: "id",
	},
	Run: func(p *rule.Pass) {
		t := p.Doc.Text
		// The words period-after-function-word lets end a sentence on this
		// file: the sites it allows are this rule's to report.
		allowed := map[string]bool{}
		for _, w := range p.SiblingWordsOption(PeriodAfterFunctionWord, "allow") {
			allowed[strings.ToLower(w)] = true
		}
		periodSites(p.Doc, func(s periodSite) {
			tok := s.prev
			if c := s.next[0]; c < utf8.RuneSelf && !('a' <= c && c <= 'z') {
				return // not a lower-case word (isLowerWord), without decoding it
			}
			if tok == "" || !isLowerWord(s.next) || startsURL(t[s.nextStart:]) || isFunctionWordSite(p, s, allowed) {
				return // no word before, or a function word that the other rule reports
			}
			last, _ := utf8.DecodeLastRuneInString(tok)
			if !unicode.IsLetter(last) || p.Pack.IsAbbreviation(tok+".") || document.IsInitial(tok) ||
				strings.Contains(tok, ".") || strings.ContainsAny(tok, "@/:") || utf8.RuneCountInString(lastWord(tok)) < 2 {
				return
			}
			if p.Pack.List("lowercase-words").Contains(s.next) || inMojibakeRun(t, s.nextStart) || !usesCapitals(t, s.dot) ||
				isAcronym(lastWord(tok)) || strings.IndexFunc(s.next, unicode.IsDigit) >= 0 {
				return // "detikers", mojibake of an emoji, text in no case at all (tags), a model name
				// such as "ID." or a brand such as "my6sense"
			}
			remove := removePeriodFix(p.Doc, s, "remove the period: "+quote(lastWord(tok)+" "+s.next))
			if p.Pack.List("continuations").Contains(s.next) {
				p.Report(finding.Span{Start: s.dot, End: s.dot + 1}, "period before lower-case "+quote(s.next)+" splits the sentence", remove)
				return
			}
			// The period may be a split or a sentence end whose next word lost its capital:
			// offer both, apply neither unattended.
			remove.Safe = false
			r, n := utf8.DecodeRuneInString(s.next)
			capital := string(unicode.ToUpper(r)) + s.next[n:]
			capitalise := finding.Fix{Message: "capitalise the next sentence: " + quote(capital),
				Edits: []finding.Edit{{Span: finding.Span{Start: s.nextStart, End: s.nextStart + n}, New: string(unicode.ToUpper(r))}}}
			fixes := []finding.Fix{remove, capitalise}
			if item, ok := listItemAfter(p, t, s.nextStart); ok {
				// "ramah pengguna. keamanan tingkat tinggi dan sistem mumpuni, Upbit …":
				// the period stands where a list had its comma.
				fixes = append([]finding.Fix{{Message: "replace the period with a comma: a list, " + quote(lastWord(tok)+", "+item),
					Edits: []finding.Edit{{Span: finding.Span{Start: s.dot, End: s.dot + 1}, New: ","}}}}, fixes...)
			}
			p.Report(finding.Span{Start: s.dot, End: s.dot + 1}, "period before lower-case "+quote(s.next)+": a split sentence, or a sentence that lost its capital",
				fixes...)
		})
	},
}

// listItemAfter reports whether the words from offset i up to the next comma
// are the end of a list: at most six words in the same line, the last item
// joined by a list conjunction (data: list-conjunctions), with no period
// between ("keamanan tingkat tinggi dan sistem mumpuni,"). It returns those
// words.
func listItemAfter(p *rule.Pass, t string, i int) (string, bool) {
	end := strings.IndexAny(t[i:], ",.!?;:\n")
	if end < 0 || t[i+end] != ',' {
		return "", false
	}
	words := strings.Fields(t[i : i+end])
	if len(words) < 3 || len(words) > 6 {
		return "", false
	}
	conj := p.Pack.List("list-conjunctions")
	for _, w := range words[1 : len(words)-1] {
		if conj.Contains(w) {
			return strings.Join(words, " "), true
		}
	}
	return "", false
}

// usesCapitals reports whether the line holds a capital letter in the 300 bytes
// before the period at dot, back to any editor code "(krs/krs)": after an editor
// code come tags in lower case, and in text written all in lower case a
// lower-case word after a period says nothing.
func usesCapitals(t string, dot int) bool {
	start := max(0, dot-300) // reading no further back on a long line
	if nl := strings.LastIndexByte(t[start:dot], '\n'); nl >= 0 {
		start += nl + 1
	}
	seg := t[start:dot]
	if locs := editorCodeInLine().FindAllStringIndex(seg, -1); len(locs) > 0 {
		seg = seg[locs[len(locs)-1][1]:]
	}
	return strings.IndexFunc(seg, unicode.IsUpper) >= 0
}

// blankBefore reports whether the line holds only white space before offset
// i, reading back only as far as the first other character.
func blankBefore(t string, i int) bool {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(t[:i])
		if r == '\n' {
			return true
		}
		if !unicode.IsSpace(r) {
			return false
		}
		i -= n
	}
	return true
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
