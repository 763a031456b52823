package rules

import (
	"slices"
	"sort"
	"strings"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/lexicon"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// VagueSource finds claims that rest on unnamed people: "Para ahli berasumsi",
// "Orang dalam mencurigai", "kabarnya", "It is widely believed".
var VagueSource = &rule.Rule{
	ID:            "attribution/vague-source",
	Title:         "claim attributed to unnamed or vague sources",
	NeedsLanguage: true,
	Severity:      finding.Warning,
	Doc: rule.Doc{
		What: `A vague group making a claim ("Para ahli berasumsi", "Orang dalam mencurigai", "Berbagai negara menuduh", "Critics say") or a hedge that rests on nobody ("kabarnya", "dikabarkan", "It is widely believed", "reportedly"). Groups are reported only when a verb of claiming follows; hedges wherever they stand, unless their sentence names the source after all ("seperti dikabarkan oleh Daily Star", "officers reportedly found it, Harris said"), it or the next sentence names the report ("… reportedly under investigation. According to Reuters, …", "dikabarkan … The Athletic melaporkan …"), or the word has another sense there ("lama tak terdengar kabarnya", his news). A vague group passes when its sentence or the next one has a named person speaking ("… analysts say. “…,” Jane Morley, a freight analyst, told reporters"); an anonymous one ("Seorang sumber mengungkapkan") does not clear it. Hedges inside a read-also widget's headline or a photo caption (closed by "(Foto: …)") are another article's or the picture's, and are left alone. Words inside a direct quote are the speaker's, not the writer's claim, and are left alone. Hedges are info, claims warnings.`,
		Why:  "Editors must know who stands behind a claim; vague sourcing is how rumour passes for news.",
		Bad:  "Para ahli berasumsi bahwa Putin dan Kim akan membahas senjata.\n",
		Good: "Menurut analis RAND, Bruce Bennett, Putin dan Kim akan membahas senjata.\n",
		Lang: "id",
	},
	Run: runVagueSource,
}

func runVagueSource(p *rule.Pass) {
	d := p.Doc
	vague := p.Pack.List("vague-sources")
	first := phraseFilterOf(vague).first(d.Text)
	if first < 0 {
		return // most articles: no vague phrase, told in one quick pass
	}
	matches := findAllNear(vague, d.Text, first)
	if len(matches) == 0 {
		return // most articles: nothing else to read
	}
	verbs := p.Pack.List("claim-verbs")
	sp := newSpeakers(p)
	notVague := findAllFiltered(p.Pack.List("not-vague"), d.Text)
	var quoted []quoteSpan
	for _, para := range d.Paragraphs {
		quoted = append(quoted, findQuotes(d.Text, para.Span)...)
	}
	intros := p.Pack.List("source-intros")
	var widgets spanCover
	widgetsFound := false
	// inWidget reports whether a read-also widget's headline holds the
	// match; the widgets are found only for a match the cheaper tests keep.
	inWidget := func(m lexicon.Match) bool {
		if !widgetsFound {
			ws := readMoreWidgets(p)
			widgets, widgetsFound = newSpanCover(len(ws), func(i int) (int, int) { return ws[i].span.Start, ws[i].span.End }), true
		}
		return widgets.covers(m.Start, m.End)
	}
	notVagueCover := newSpanCover(len(notVague), func(i int) (int, int) { return notVague[i].Start, notVague[i].End })
	quotedCover := newSpanCover(len(quoted), func(i int) (int, int) { return quoted[i].open + 1, quoted[i].close })
	for _, m := range matches {
		span := finding.Span{Start: m.Start, End: m.End}
		if inCaption(d.Text, m.End) {
			continue // a photo caption, not the article's claim
		}
		if notVagueCover.covers(m.Start, m.End) {
			continue // "lama tak terdengar kabarnya": his news, not hearsay
		}
		if quotedCover.covers(m.Start, m.End) { // open < m.Start: open+1 <= m.Start
			continue // a speaker's own words: the quote is attributed, not the writer's claim
		}
		sev := finding.Warning
		if m.Entry.Field(0) == "info" {
			sev = finding.Info
		}
		phrase := d.Text[m.Start:m.End]
		msg := "vague source " + quote(phrase) + ": name who says so, or drop the claim"
		if m.Entry.Field(1) == "subject" {
			// only with a verb of claiming within three words after it
			words := document.Words(d.Text, finding.Span{Start: m.End, End: min(len(d.Text), m.End+120)})
			found := false
			for k := 0; k < len(words) && k < 3; k++ {
				w := d.Slice(words[k])
				if verbs.Contains(w) {
					span.End = words[k].End
					found = true
					break
				}
				if strings.ContainsAny(d.Text[m.End:words[k].Start], ".,;:!?\n\"“”") {
					break
				}
			}
			if !found || inWidget(m) || sourceNearby(d, sp, intros, m, true) {
				continue // inWidget: another article's headline in a read-also widget
			}
			msg = "claim rests on a vague source " + quote(d.Slice(span)) + ": name who says so"
		} else {
			if inWidget(m) || namesSource(d, sp, m) || sourceNearby(d, sp, intros, m, false) {
				continue
			}
			msg = "hedge " + quote(phrase) + " rests on nobody: name the source"
		}
		p.ReportFinding(finding.Finding{Span: span, Message: msg, Severity: sev})
	}
}

// namesSource reports whether a hedge's sentence names its source after all:
// the hedge is followed by "oleh"/"by" ("seperti dikabarkan oleh Daily Star"),
// or a named speaker stands next to an attribution verb in the sentence
// ("officers reportedly located marijuana, Harris said").
func namesSource(d *document.Document, sp speakers, m lexicon.Match) bool {
	after := strings.Fields(d.Text[m.End:min(len(d.Text), m.End+20)])
	if len(after) > 0 && slices.Contains([]string{"oleh", "by"}, strings.ToLower(after[0])) {
		return true
	}
	s := d.SentenceAt(m.Start)
	if s.Len() == 0 {
		return false
	}
	mk := maskQuotes(d.Text, reachAround(d.Text, s, m))
	words := document.Words(mk.text, finding.Span{Start: 0, End: len(mk.text)})
	for k, w := range words {
		if !sp.verbs.Contains(mk.text[w.Start:w.End]) {
			continue
		}
		if k > 0 && isUpperStart(mk.text[words[k-1].Start:words[k-1].End]) && sp.speakerBefore(mk.text, words, k) {
			return true
		}
		if k+1 < len(words) && isUpperStart(mk.text[words[k+1].Start:words[k+1].End]) && sp.speakerAfter(mk.text, w) {
			return true
		}
	}
	return false
}

// sourceNearby reports whether the sentence of a vague match or the next one
// names a source. A hedge ("reportedly", "dikabarkan") is cleared only by a
// named report: "WeWork is reportedly being investigated. According to
// Reuters, …", "Keduanya dikabarkan masih terlibat friksi. The Athletic
// melaporkan …". A vague group ("analysts say") is cleared only by a named
// person speaking: "… analysts say. ⏎ “…,” Kurinji Selvaraj, a research analyst
// …, told CBS News". Sentences are read at most sourceReach bytes around the
// match, as glued paragraphs make sentences of whole articles.
func sourceNearby(d *document.Document, sp speakers, intros *lexicon.List, m lexicon.Match, group bool) bool {
	s := d.SentenceAt(m.Start)
	if s.Len() == 0 {
		return false
	}
	if namedIn(d.Text, sp, intros, reachAround(d.Text, s, m), group) {
		return true
	}
	ss := d.Sentences()
	k := sort.Search(len(ss), func(i int) bool { return ss[i].Start >= s.Start })
	if k >= len(ss) || ss[k] != s || k+1 >= len(ss) {
		return false
	}
	next := finding.Span{Start: ss[k+1].Start, End: cutAtRune(d.Text, min(ss[k+1].End, ss[k+1].Start+2*sourceReach))}
	return namedIn(d.Text, sp, intros, next, group)
}

// sourceReach bounds how far from a vague match its source is looked for.
const sourceReach = 250

// reachAround returns the part of sentence s within sourceReach bytes of the
// match m, cut at rune starts: a line with no sentence end is one sentence, and
// reading it whole for every match would grow with the square of its length.
func reachAround(text string, s finding.Span, m lexicon.Match) finding.Span {
	return finding.Span{Start: cutAtRune(text, max(s.Start, m.Start-sourceReach)), End: cutAtRune(text, min(s.End, m.End+sourceReach))}
}

// namedIn reports whether the stretch s names a report: a source introduced
// by name ("according to Reuters", "dilansir dari Marca", "according to a new
// Fast Company report") or a name before a reporting phrase ("The Athletic
// melaporkan"). With speakers, it reports instead whether a named person
// speaks (a vague group is not answered by "Menurut informasi Amerika"): a
// capitalised name next to an attribution verb ("Smith said", "kata Kim"),
// also across an apposition ("Pankaj Pandey, Head of Research at ICICI
// Securities, pointed out"), or right after a quote that ends on a comma
// (“…,” Kurinji Selvaraj … told CBS News). Anonymous sources ("according to
// two people familiar", "Seorang sumber mengungkapkan") name nobody.
func namedIn(text string, sp speakers, intros *lexicon.List, s finding.Span, speakers bool) bool {
	mk := maskQuotes(text, s)
	t := mk.text
	words := document.Words(t, finding.Span{Start: 0, End: len(t)})
	upper := func(k int) bool { return k >= 0 && k < len(words) && isUpperStart(t[words[k].Start:words[k].End]) }
	wordAt := func(off int) int { return sort.Search(len(words), func(i int) bool { return words[i].Start >= off }) }
	for _, e := range intros.FindAll(t) {
		if speakers {
			break // a vague group is answered by a named member, not a report
		}
		k := wordAt(e.End)
		if e.Entry.Field(0) == "after-name" {
			if first := wordAt(e.Start); upper(first-1) && sp.speakerBefore(t, words, first) {
				return true
			}
			continue
		}
		for j := k; j < k+3 && j < len(words); j++ {
			if strings.ContainsAny(t[e.End:words[j].Start], ".;!?") {
				break
			}
			if upper(j) {
				return true
			}
		}
	}
	if !speakers || !sp.in(mk) {
		return false
	}
	for _, e := range sp.verbs.FindAll(t) {
		k, last := wordAt(e.Start), wordAt(e.End)-1
		if k >= len(words) || words[k].Start != e.Start {
			continue
		}
		if upper(k-1) && sp.speakerBefore(t, words, k) || upper(last+1) && sp.speakerAfter(t, words[last]) || apposed(t, words, k) {
			return true
		}
	}
	for k, w := range words {
		if !upper(k) {
			continue
		}
		i := strings.TrimRight(t[:w.Start], " \t\u00a0")
		if sentenceEnd, ok := mk.closedAt(len(i)); ok && !sentenceEnd {
			return true
		}
	}
	return false
}

// apposed reports whether word k, a verb, follows a name and its apposition:
// "Pankaj Pandey, Head of Research at ICICI Securities, pointed out".
func apposed(t string, words []finding.Span, k int) bool {
	if k < 2 || !strings.HasSuffix(strings.TrimRight(t[words[k-1].End:words[k].Start], " \t\u00a0"), ",") {
		return false
	}
	for j := k - 1; j > 0 && j >= k-15; j-- {
		gap := t[words[j-1].End:words[j].Start]
		if strings.ContainsAny(gap, ".;!?\n") {
			return false
		}
		if strings.Contains(gap, ",") {
			return isUpperStart(t[words[j-1].Start:words[j-1].End])
		}
	}
	return false
}

// captionCredit matches the parenthesised credit that closes a photo caption:
// "(Foto: Getty Images/…)", "(AP Photo/…)".
var captionCredit = lazyRegexp(`^[^.!?\n]{0,200}?\((?:[Ff]oto|FOTO|[Pp]hoto|[Gg]ambar|[Ii]lustrasi|[Ii]mage|AP Photo|AFP Photo|Reuters|ANTARA(?: FOTO)?)\s*[:/]`)

// inCaption reports whether the text from off to its sentence's end closes with
// a photo credit: the words are a caption the scraper kept in the text ("Nico
// Paz disebut-sebut punya masa depan cerah (Foto: Getty Images/…)").
//
// The credit's "(" must come before any sentence end or line end, so a
// stretch whose first such byte is not "(" is let go without the regexp.
func inCaption(text string, off int) bool {
	s := text[off:min(len(text), off+260)]
	if i := strings.IndexAny(s, "(.!?\n"); i < 0 || s[i] != '(' {
		return false
	}
	return captionCredit().MatchString(s)
}

// spanCover answers whether any of a set of spans covers a stretch, in
// logarithmic time: a long article holds thousands of quotes and phrases, and
// testing each against each would grow with the square of its length.
type spanCover struct {
	starts []int
	maxEnd []int // maxEnd[i]: the furthest end of the spans starting at or before starts[i]
}

// newSpanCover indexes n spans, span(i) returning the i-th's start and end.
func newSpanCover(n int, span func(i int) (start, end int)) spanCover {
	type se struct{ s, e int }
	all := make([]se, n)
	for i := range all {
		all[i].s, all[i].e = span(i)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].s < all[j].s })
	c := spanCover{starts: make([]int, n), maxEnd: make([]int, n)}
	for i, x := range all {
		c.starts[i] = x.s
		c.maxEnd[i] = x.e
		if i > 0 {
			c.maxEnd[i] = max(x.e, c.maxEnd[i-1])
		}
	}
	return c
}

// covers reports whether a span starts at or before start and ends at or
// after end.
func (c spanCover) covers(start, end int) bool {
	k := sort.SearchInts(c.starts, start+1) - 1 // the last span starting at or before start
	return k >= 0 && c.maxEnd[k] >= end
}

// overlaps reports whether a span starts before end and ends after start.
func (c spanCover) overlaps(start, end int) bool {
	k := sort.SearchInts(c.starts, end) - 1 // the last span starting before end
	return k >= 0 && c.maxEnd[k] > start
}
