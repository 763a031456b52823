package rules

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// PageFurniture finds, in the text of a whole web page (every text node a
// line), the short lines before and after the article's body: menus, section
// links, footers, link lists.
var PageFurniture = &rule.Rule{
	ID:       "artifact/page-furniture",
	Title:    "menu, footer or link-list lines around the article of a whole page",
	Severity: finding.Info,
	FixSafe:  false,
	Doc: rule.Doc{
		What: `In a file that is a whole page's text — at least 25 lines, two in five of them three words or fewer, and five lines or more above the article's first long sentence — the short lines (20 words or fewer) before the article's first long sentence and after its last one: menus ("Tech", "Sign Up"), section links, footers ("Privacy Policy"), link lists. The body runs from the first to the last line of 12 words or more that ends as a sentence, and on over a list of dated or numbered lines that continues it; lines whose text the body repeats, the line just above the body and lines of four words or more up to three lines above it (a headline, a byline, a subheading), and sentence-like lines next to the body are kept. Each run of such lines is one finding; its fix is offered for review, not applied.`,
		Why:  "Page furniture outweighs the article on most pages; a corpus built from page text without removing it learns menus and footers.",
		Bad:  pageFurnitureBad,
		Good: pageFurnitureGood,
		Lang: "en",
	},
	Run: runPageFurniture,
}

const (
	pageMinLines      = 25 // non-blank lines a page has at least
	pageMinShort      = 10 // lines of three words or fewer a page has at least
	pageShortShare    = 0.4
	bodyMinWords      = 12 // a body line has at least this many words and ends as a sentence
	furnitureMaxWords = 20 // longer lines are never taken for furniture
	nearBody          = 5  // sentence-like lines this close to the body are kept
	pageMinLead       = 5  // lines a page has above the body (a menu, a headline, a byline)
	headlineReach     = 3  // lines of four words or more this close above the body are kept
)

func runPageFurniture(p *rule.Pass) {
	d := p.Doc
	if len(d.Lines) < pageMinLines {
		return // an article, not a page (most are one paragraph a line, or one line)
	}
	idx := d.NonBlankLines()
	short := 0
	for _, i := range idx {
		if countWords(d.LineText(i), 4) <= 3 {
			short++
		}
	}
	if len(idx) < pageMinLines || short < pageMinShort || float64(short) < pageShortShare*float64(len(idx)) {
		return // an article, not a page
	}
	text := make([]string, len(idx))
	words := make([]int, len(idx))
	for k, i := range idx {
		f := strings.Fields(d.LineText(i))
		text[k] = strings.Join(f, " ")
		words[k] = len(f)
	}
	first, last := -1, -1
	for k := range idx {
		if words[k] >= bodyMinWords && endsSentence(text[k]) {
			if first < 0 {
				first = k
			}
			last = k
		}
	}
	if first < pageMinLead {
		return // the file starts with the article: no menu above it
	}
	last = extendOverList(text, last)
	var body strings.Builder
	for k := first; k <= last; k++ {
		if words[k] >= bodyMinWords {
			body.WriteString(text[k])
			body.WriteByte(' ')
		}
	}
	bodyText := body.String()
	furniture := func(k int) bool {
		if k >= first && k <= last || words[k] > furnitureMaxWords || strings.Contains(bodyText, text[k]) {
			return false
		}
		dist := k - last
		if k < first {
			dist = first - k
			if dist == 1 || dist <= headlineReach && words[k] >= 4 {
				return false // the headline, a byline or a subheading just above the body
			}
		}
		return dist > nearBody || !strings.ContainsRune(".?!:", lastRune(text[k]))
	}
	for k := 0; k < len(idx); {
		if !furniture(k) {
			k++
			continue
		}
		j := k
		for j+1 < len(idx) && furniture(j+1) {
			j++
		}
		span := finding.Span{Start: trimmedLine(d, idx[k]).Start, End: trimmedLine(d, idx[j]).End}
		msg := "page furniture line " + quote(text[k]) + " outside the article's body"
		if j > k {
			msg = "page furniture: " + strconv.Itoa(j-k+1) + " lines from " + quote(text[k]) + " to " + quote(text[j]) + " outside the article's body"
		}
		p.Report(span, msg, deleteLinesFix(d, idx[k], idx[j]))
		k = j + 1
	}
}

// extendOverList moves the body's last line over a list that continues it:
// three or more lines holding digits (tour dates, results, a calendar), with at
// most one line without digits between two of them.
func extendOverList(text []string, last int) int {
	end, digits, gap := last, 0, 0
	for k := last + 1; k < len(text); k++ {
		if strings.IndexFunc(text[k], unicode.IsDigit) >= 0 {
			digits++
			end, gap = k, 0
			continue
		}
		if gap++; gap > 1 {
			break
		}
	}
	if digits >= 3 {
		return end
	}
	return last
}

// The documented example is a small page: a menu, the article, a footer.
var (
	pageFurnitureBad  = "Home\nNews\nSports\nWeather\nOpinion\nVideo\nSubscribe\nSign In\nSearch\nMenu\n" + pageFurnitureArticle + "More Stories\nPrivacy Policy\nTerms of Use\nContact Us\nAdvertise\nCareers\nSite Map\nRSS\nHelp\nAbout Us\nFollow Us\n"
	pageFurnitureGood = pageFurnitureArticle
)

const pageFurnitureArticle = "Town Opens New Library\n" +
	"The town opened its new public library on Saturday after two years of building work downtown.\n" +
	"The library holds forty thousand books and a reading room that stays open until nine every evening.\n" +
	"Officials said the building cost twelve million dollars, most of it paid by a state grant last year.\n" +
	"Residents lined up before dawn to be among the first to borrow books from the new collection.\n"
