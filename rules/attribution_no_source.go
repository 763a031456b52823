package rules

import (
	"strings"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/lexicon"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// NoSource finds an article that names no source at all: no dateline, no
// byline and no attribution anywhere.
var NoSource = &rule.Rule{
	ID:            "attribution/no-source",
	Title:         "article names no source at all",
	NeedsLanguage: true,
	Optional:      true,
	Severity:      finding.Info,
	Doc: rule.Doc{
		What: `An article with no dateline ("Jakarta - ", "SEOUL (AP) — "), no byline ("Oleh", "By", "Reporter:") and no attribution anywhere (no "kata Kim", "menurut", "said", "according to", "dilansir"), no phrase naming where its information comes from ("obtained by our correspondent", "shared on the Twitter handle of the Senate", "keterangan tertulis"). An embedded post signed by its author does not count alone: a deal list that embeds its own site's promotion still names no source. Reported on the headline, so that every output format can point at it. Off by default: how-to pieces, columns and listings have no source by nature; enable it for a corpus that should hold reported news only.`,
		Why:  "A news text that nobody reported and nobody is quoted in cannot be checked; in a news corpus it is usually not news (a listicle, an advertorial) or it lost its dateline and quotes in scraping.",
		Bad:  "Lima Kebiasaan agar Tidur Nyenyak\n\nMatikan layar ponsel satu jam sebelum tidur. Jaga kamar tetap sejuk.\n",
		Good: "Lima Kebiasaan agar Tidur Nyenyak\n\nJakarta - Matikan layar ponsel satu jam sebelum tidur, kata dokter spesialis tidur Andreas Prasadja.\n",
		Lang: "id",
	},
	Run: runNoSource,
}

// datelinePattern matches a dateline at the start of a paragraph: a place in
// capitals or title case, an optional outlet or agency, and a dash: "Jakarta - ",
// "JAKARTA, KOMPAS.com - ", "BOULDER, Colo. (AP) — ".
var datelinePattern = lazyRegexp(`^\p{Lu}[\p{L}.'’]*(?:[\s\x{00A0},]+[\p{L}.'’]+){0,4}(?:[\s\x{00A0}]*\([\p{L} .]+\))?[\s\x{00A0}]*(?:-{1,2}|–|—)[\s\x{00A0}]`)

// inlineDateline matches a dateline inside the opening of an article flattened
// to one line, after a table of contents or a caption: capitalised words, a
// dash, a capitalised word ("… Jakarta - Dengan SEA …", "KONTAN.CO.ID - JAKARTA.").
var inlineDateline = lazyRegexp(`(?:^|[\s\x{00A0}])\p{Lu}[\p{L}.'’]*(?:,?[\s\x{00A0}]\p{Lu}[\p{L}.'’]*){0,3}(?:[\s\x{00A0}]*\([\p{L} .]+\))?[\s\x{00A0}](?:-{1,2}|–|—)[\s\x{00A0}]\p{Lu}`)

// inlineReach is how far into a flattened article a dateline is looked for.
const inlineReach = 400

// leadLines is how many paragraph starts a dateline or byline is looked for in,
// from the top and from the bottom of an article.
const leadLines = 4

// cutAtRune returns the largest rune boundary of s at or before n.
func cutAtRune(s string, n int) int {
	if n >= len(s) {
		return len(s)
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return n
}

func runNoSource(p *rule.Pass) {
	d := p.Doc
	head := titleLine(p)
	if head < 0 {
		return
	}
	lines := d.NonBlankLines()
	bylines := p.Pack.List("bylines")
	for k, i := range lines {
		if k > leadLines && k < len(lines)-leadLines {
			continue
		}
		text := strings.TrimSpace(d.LineText(i))
		if opensWithDateline(text) || len(lines) == 1 && inlineDateline().MatchString(text[:cutAtRune(text, inlineReach)]) {
			return
		}
		if opensWithMatch(bylines, text) {
			return
		}
	}
	// Attribution is looked for before the source phrases: its verbs are
	// found in one pass that unattributed-quote shares, and most articles
	// have some.
	sp := newSpeakers(p)
	var masker quoteMasker // each unit's mask is read once
	for _, u := range quoteUnits(d) {
		if sp.in(masker.mask(d.Text, u)) {
			return
		}
	}
	if len(p.Pack.List("source-phrases").FindAll(d.Text)) > 0 {
		return // "obtained by our correspondent", "shared on the Twitter handle of the Senate"
	}
	p.Report(trimmedLine(d, head), "the article names no source: no dateline, byline or attribution anywhere; add who reported it or who said what")
}

// opensWithDateline reports whether datelinePattern matches text. The pattern
// reads at most five words (letters and ". ' ’") apart by white space or
// commas, then perhaps a bracketed word or more, then its dash: a text that
// has anything else before its first dash holds no dateline, and a match ends
// a few bytes after that dash. The pattern is run on that much of the text
// only, as the regexp package's backtracker clears memory in proportion to
// the whole text it is given. A rune other than ASCII that is not a dash or a
// no-break space is taken for a letter here, and left to the pattern.
func opensWithDateline(text string) bool {
	if text == "" || text[0] < utf8.RuneSelf && (text[0] < 'A' || text[0] > 'Z') {
		return false // no capital to open with
	}
	const (
		inWords = iota
		inBrackets
		afterBrackets
	)
	state, words, inWord := inWords, 0, false
	for i := 0; i < len(text); {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		if r == '-' || r == '–' || r == '—' {
			if state == inBrackets {
				return false
			}
			return datelinePattern().MatchString(text[:min(len(text), i+datelineTail)])
		}
		space := r == ' ' || r == '\t' || r == '\n' || r == '\f' || r == '\r' || r == '\u00a0'
		letter := 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r >= utf8.RuneSelf && !space
		switch state {
		case inWords:
			switch {
			case letter || r == '.' || r == '\'':
				if !inWord {
					if words++; words > 5 {
						return false
					}
				}
				inWord = true
			case space || r == ',':
				inWord = false
			case r == '(':
				state = inBrackets
			default:
				return false
			}
		case inBrackets:
			switch {
			case r == ')':
				state = afterBrackets
			case !letter && !space && r != '.':
				return false
			}
		case afterBrackets:
			if !space {
				return false
			}
		}
		i += n
	}
	return false
}

// datelineTail is how far after the first byte of its dash a dateline's
// match may end: "--" or a three-byte dash, and a no-break space.
const datelineTail = 8

// opensWithMatch reports whether one of list's entries opens text, as a
// match of list.FindAll at offset 0: only the entries' length and the rune
// after are read, not the whole text.
func opensWithMatch(list *lexicon.List, text string) bool {
	longest := 0
	for _, e := range list.Entries {
		longest = max(longest, len(e.Phrase))
	}
	// An entry lower-cased is at most three times as long; the rune after
	// it (up to 4 bytes) decides whether it ends on a word boundary.
	for _, m := range list.FindAll(text[:cutAtRune(text, 3*longest+8)]) {
		if m.Start == 0 {
			return true
		}
	}
	return false
}
