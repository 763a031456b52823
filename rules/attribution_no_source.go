package rules

import (
	"strings"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/finding"
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
		if datelinePattern().MatchString(text) || len(lines) == 1 && inlineDateline().MatchString(text[:cutAtRune(text, inlineReach)]) {
			return
		}
		for _, m := range bylines.FindAll(text) {
			if m.Start == 0 {
				return
			}
		}
	}
	if len(p.Pack.List("source-phrases").FindAll(d.Text)) > 0 {
		return // "obtained by our correspondent", "shared on the Twitter handle of the Senate"
	}
	sp := newSpeakers(p)
	for _, u := range quoteUnits(d) {
		if sp.in(maskQuotes(d.Text, u)) {
			return
		}
	}
	p.Report(trimmedLine(d, head), "the article names no source: no dateline, byline or attribution anywhere; add who reported it or who said what")
}
