package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/lexicon"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// TitleSuffix finds what a page's title tag adds to a headline: a site or
// section suffix (" - News", " | Kompas.com") and a source credit in
// parentheses ("(static.euronews.com)").
var TitleSuffix = &rule.Rule{
	ID:       "artifact/title-suffix",
	Title:    "site suffix or source credit after a headline",
	Severity: finding.Warning,
	FixSafe:  true,
	Doc: rule.Doc{
		What: `A headline that carries the page title's suffix, " - News" or " | Kompas.com", or a source credit in parentheses such as "(static.euronews.com)".`,
		Why:  "The suffix is the site's, not the headline's; it also hides that two articles share a headline.",
		Bad:  "Putin Siap Kunjungi Pyongyang - News\n\nKorea Utara mengumumkan kunjungan Putin.\n",
		Good: "Putin Siap Kunjungi Pyongyang\n\nKorea Utara mengumumkan kunjungan Putin.\n",
		Lang: "id",
	},
	Run: runTitleSuffix,
}

// siteSuffixLen returns the length of what may be title-tag suffixes at the end
// of line (" - News", " | Kompas.com", " | Autoracing | F1 | Indy"), or 0. It
// takes every trailing segment at once, so one fix removes them all. It also
// takes a capitalised tail after a dash, which may be the headline's own second
// half ("Banjir Rendam Jakarta - Ribuan Warga Mengungsi"): good enough to
// compare headlines, not to delete; knownSiteSuffixLen is for deleting.
func siteSuffixLen(line string) int {
	return knownSiteSuffixLen(line, nil)
}

// knownSiteSuffixLen is siteSuffixLen, except that when sites is not nil a
// tail after a dash (" - ", " – ", " — ") counts only when it is a domain or
// one of sites: a dash also joins the two halves of a headline.
func knownSiteSuffixLen(line string, sites *lexicon.List) int {
	total := 0
	for {
		n := oneSiteSuffixLen(line[:len(line)-total], sites)
		if n == 0 {
			return total
		}
		total += n
	}
}

// oneSiteSuffixLen returns the length of the last title-tag suffix of line, or
// 0 (see knownSiteSuffixLen for sites).
func oneSiteSuffixLen(line string, sites *lexicon.List) int {
	// A separator followed by more than three words is no suffix: look for
	// the last one only where it would leave three words or fewer.
	zone := lastWordsStart(line, 3)
	if !hasSeparatorByte(line[max(0, zone-len(" – ")):]) {
		return 0
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: "} {
		lo := max(0, zone-len(sep))
		i := strings.LastIndex(line[lo:], sep)
		if i < 0 {
			continue
		}
		if i += lo; i == 0 {
			continue
		}
		if n := siteSuffixAt(line, i, sep, sites); n > 0 {
			return n
		}
	}
	return 0
}

// siteSuffixAt returns the length of the title-tag suffix that starts with
// the separator sep at offset i of line, or 0 when what follows sep is no
// site name.
func siteSuffixAt(line string, i int, sep string, sites *lexicon.List) int {
	tail := strings.TrimSpace(line[i+len(sep):])
	if n := countWords(tail, 4); n == 0 || n > 3 || countWords(line[:i], 3) < 3 {
		return 0
	}
	domain := isBareDomain(tail) || strings.HasSuffix(strings.ToLower(tail), ".com")
	if sites.Contains(tail) {
		return len(line) - i // " - detikSport", " – Rolling Stone"
	}
	if dash := sep != " | " && sep != " :: "; sites != nil && dash && !domain {
		return 0
	}
	words := strings.Fields(tail)
	if sep != " | " && len(words) == 1 && isAcronym(tail) {
		return 0 // " - BMKG": an agency or a source the headline quotes, not a site
	}
	ok := true
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !isBareDomain(w) {
			ok = false
		}
	}
	if ok && !strings.ContainsAny(tail, ".!?") || domain {
		return len(line) - i
	}
	return 0
}

// hasSeparatorByte reports whether s holds a byte of a title-tag separator
// other than its spaces: '|', '-', ':', or the first byte of "–" and "—".
func hasSeparatorByte(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '|', '-', ':', "–"[0]:
			return true
		}
	}
	return false
}

// lastWordsStart returns an offset of s after which s holds at most n white
// space separated words (as countWords counts them): the end of the (n+1)-th
// word from the end, or 0 when there is no such word or s ends in bytes that
// are not UTF-8 (where reading backwards might split it otherwise than
// reading forwards). It reads only those last words.
func lastWordsStart(s string, n int) int {
	words, inWord := 0, false
	for i := len(s); i > 0; {
		c, size := s[i-1], 1
		var space bool
		if c < utf8.RuneSelf {
			space = asciiSpace[c]
		} else {
			var r rune
			r, size = utf8.DecodeLastRuneInString(s[:i])
			if r == utf8.RuneError && size == 1 {
				return 0
			}
			space = unicode.IsSpace(r)
		}
		if !space && !inWord {
			if words++; words > n {
				return i
			}
		}
		inWord = !space
		i -= size
	}
	return 0
}

// creditLen returns the length of a parenthesised source credit at the end of
// line, such as " (static.euronews.com)", or 0.
func creditLen(line string) int {
	if !strings.HasSuffix(line, ")") {
		return 0
	}
	i := strings.LastIndexByte(line, '(')
	if i <= 0 || !isBareDomain(line[i+1:len(line)-1]) {
		return 0
	}
	for i > 0 && line[i-1] == ' ' {
		i--
	}
	return len(line) - i
}

func runTitleSuffix(p *rule.Pass) {
	d := p.Doc
	t := titleLine(p)
	if t < 0 {
		return
	}
	sites := p.Packs.Union("site-names")
	// The headline and the title-like lines right after it (a copy with a credit).
	seen := 0
	for i := t; i < len(d.Lines); i++ {
		if d.IsBlankLine(i) {
			continue
		}
		if seen++; seen > 3 {
			break
		}
		ls := trimmedLine(d, i)
		line := d.Slice(ls)
		if strings.HasSuffix(line, ".") || countWords(line, 31) > 30 {
			continue
		}
		n, what := 0, "site suffix"
		if i == t {
			n = knownSiteSuffixLen(line, sites)
		}
		if c := creditLen(line); c > 0 {
			n, what = c, "source credit"
		}
		if n == 0 {
			continue
		}
		s := finding.Span{Start: ls.End - n, End: ls.End}
		p.Report(finding.Span{Start: trimSpan(d.Text, s).Start, End: s.End}, what+" "+quote(d.Slice(s))+" after the headline",
			finding.Fix{Message: "delete " + quote(d.Slice(s)), Edits: []finding.Edit{{Span: s}}, Safe: true})
	}
}
