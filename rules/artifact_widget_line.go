package rules

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/lexicon"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// WidgetLine finds site furniture standing on its own lines: navigation
// ("Berita Terkini", "Exit mobile version"), comment forms ("Leave a Reply"),
// share bars and pitches. A run of such lines is one finding with one fix.
var WidgetLine = &rule.Rule{
	ID:       "artifact/widget-line",
	Title:    "site navigation, share bar or comment form left as lines",
	Severity: finding.Warning,
	FixSafe:  true,
	Doc: rule.Doc{
		What: `Lines that are the site's furniture, not the article: navigation and section links ("Berita Utama", "Terkini Lainnya", "Exit mobile version"), comment forms ("Leave a Reply", "Your email address will not be published."), share bars ("Share this:" and network names), pitches ("Subscribe", "Baca berita tanpa iklan. Gabung Kompas.com+"), pagination ("2 dari 3 halaman"), copyright lines ("© 2024 Kompas.com") and blog post metadata ("Posted on 12 March 2024 by admin", "Kategori: Berita Daerah"). A heading such as "Artikel Terkait" takes the headlines listed under it. Consecutive such lines are reported as one block with one fix.`,
		Why:  "They repeat across thousands of pages, so a corpus that keeps them teaches boilerplate and skews duplicate detection.",
		Bad:  "Vietnam tidak mengutuk serangan Rusia.\n\nTerkini Lainnya\n\nTautan Sahabat\n",
		Good: "Vietnam tidak mengutuk serangan Rusia.\n",
		Lang: "id",
	},
	Run: runWidgetLine,
}

func runWidgetLine(p *rule.Pass) {
	d := p.Doc
	networks := shareNetworksOf(p.Packs.Union("share-networks"))
	widgets := lineWidgetKinds(p)
	first, last := -1, -1
	var kinds []string
	flush := func() {
		if first < 0 {
			return
		}
		span := finding.Span{Start: trimmedLine(d, first).Start, End: trimmedLine(d, last).End}
		msg := "site " + strings.Join(kinds, " and ") + " line " + quote(d.LineText(first)) + " left by the scraper"
		if first != last {
			msg = "block of site " + strings.Join(kinds, " and ") + " lines from " + quote(d.LineText(first)) + " to " + quote(d.LineText(last)) + " left by the scraper"
		}
		p.Report(span, msg, deleteLinesFix(d, first, last))
		first, last, kinds = -1, -1, nil
	}
	labels := p.Packs.Union("byline-labels")
	inShare := false
	items := -1 // headlines taken under a list heading, -1 outside a list
	seenBody := false
	for i := range d.Lines {
		if d.IsBlankLine(i) {
			continue
		}
		line := d.Slice(trimmedLine(d, i))
		kind := widgets.of(p, i)
		if kind == "" && networks.isRow(line, inShare) {
			kind = "share"
		}
		if kind == "" && items >= 0 && items < maxListItems && isHeadlineItem(labels, line) {
			kind = "headline"
			items++
		} else if kind == "list" && seenBody {
			// Above the article's first sentence, the line under a heading
			// may be the article's own headline: take only the heading.
			items = 0
		} else {
			items = -1
		}
		if kind == "" {
			seenBody = seenBody || endsSentence(line)
			flush()
			inShare = false
			continue
		}
		inShare = kind == "share"
		if first < 0 {
			first = i
		}
		last = i
		if !slices.Contains(kinds, kindName(kind)) {
			kinds = append(kinds, kindName(kind))
		}
	}
	flush()
}

func kindName(kind string) string {
	switch kind {
	case "comment":
		return "comment-form"
	case "share":
		return "share-bar"
	case "pitch":
		return "subscription-pitch"
	case "list", "nav":
		return "navigation"
	case "headline":
		return "headline-list"
	case "meta":
		return "post-metadata"
	case "copyright":
		return "copyright"
	}
	return "widget"
}

// maxListItems bounds how many headline lines a list heading takes.
const maxListItems = 20

// isHeadlineItem reports whether line reads as another article's headline in a
// list under a heading such as "Artikel Terkait": a few words, starting with a
// capital, a digit or a quote, with no sentence end and no byline label.
func isHeadlineItem(labels *lexicon.List, line string) bool {
	n := wordCount(line)
	if n < 2 || n > 25 || hasInnerSentence(line) || strings.HasSuffix(line, "…") {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	if strings.ContainsRune(".,;:", last) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(line)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) && !strings.ContainsRune("\"'“‘", first) {
		return false
	}
	for _, m := range labels.FindAll(line) {
		if m.Start == 0 && strings.HasPrefix(strings.TrimLeft(line[m.End:], " \t\u00a0"), ":") {
			return false // "Penulis: …" closes the article; it is no headline
		}
		break
	}
	return true
}

// shareNetworks is the share-networks list, with the bytes its names start
// with.
type shareNetworks struct {
	list *lexicon.List
	// first holds the bytes a name starts with, in both cases; every byte
	// outside ASCII when a name starts with one.
	first [256]bool
}

// shareNetworksKey is the key of a list's shareNetworks (List.Derived).
type shareNetworksKey struct{}

// shareNetworksOf returns list's shareNetworks, made once per run.
func shareNetworksOf(list *lexicon.List) *shareNetworks {
	return list.Derived(shareNetworksKey{}, func(l *lexicon.List) any { return newShareNetworks(l) }).(*shareNetworks)
}

func newShareNetworks(list *lexicon.List) *shareNetworks {
	n := &shareNetworks{list: list}
	for _, e := range list.Entries {
		if e.Phrase == "" {
			continue
		}
		c := e.Phrase[0]
		if c >= utf8.RuneSelf {
			for b := utf8.RuneSelf; b < 256; b++ {
				n.first[b] = true
			}
			continue
		}
		n.first[c] = true
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
			n.first[c^0x20] = true // the other case
		}
	}
	return n
}

// isRow reports whether line is made only of share-network names
// ("Facebook Twitter WhatsApp", "Facebook | Twitter"), at least two of them or
// one standing alone.
func (n *shareNetworks) isRow(line string, afterHeading bool) bool {
	if !n.mayStart(line) {
		return false
	}
	ms := n.list.FindAll(line)
	if len(ms) == 0 || len(ms) < 2 && !afterHeading {
		return false
	}
	prev := 0
	for _, m := range append(ms, lexicon.Match{Start: len(line), End: len(line)}) {
		if strings.Trim(line[prev:m.Start], networkSeparators) != "" {
			return false
		}
		prev = m.End
	}
	return true
}

// networkSeparators are what may stand between the names of a share bar.
const networkSeparators = " \t\u00a0|·•,/-"

// mayStart reports whether a name may start in line before the first
// character that is not a separator, as the first name of a row does: false
// when no name equals, ignoring ASCII case, the text at any of those
// positions. Most lines start with another word, and are ruled out before the
// list is searched. A name that is not ASCII counts as maybe there.
func (n *shareNetworks) mayStart(line string) bool {
	rest := strings.TrimLeft(line, networkSeparators)
	for at := 0; at <= len(line)-len(rest) && at < len(line); at++ {
		if !n.first[line[at]] {
			continue
		}
		for _, e := range n.list.Entries {
			if mayBeAt(line[at:], e.Phrase) {
				return true
			}
		}
	}
	return false
}

// mayBeAt reports whether s starts with phrase, ignoring ASCII case, or
// phrase is not ASCII.
func mayBeAt(s, phrase string) bool {
	for j := 0; j < len(phrase); j++ {
		c := phrase[j]
		if c >= utf8.RuneSelf {
			return true
		}
		if j >= len(s) {
			return false
		}
		d := s[j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if 'A' <= d && d <= 'Z' {
			d += 'a' - 'A'
		}
		if c != d {
			return false
		}
	}
	return true
}
