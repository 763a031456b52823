package rules

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/lexicon"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// UnattributedQuote finds a direct quote of a full sentence with nobody said to
// have spoken it.
var UnattributedQuote = &rule.Rule{
	ID:            "attribution/unattributed-quote",
	Title:         "direct quote with no speaker",
	NeedsLanguage: true,
	Severity:      finding.Warning,
	Doc: rule.Doc{
		What: `A direct quote of a full sentence — five words or more, opening with a capital or ending with sentence punctuation inside the marks — with no attribution in its paragraph or the paragraph before. Attribution is a speech verb in the shape news uses: "kata Kim", "“…,” ujarnya", "menurut", "mengatakan", "Smith said", "according to". A bare verb that is also an everyday word ("jelas" is "clear", "lanjut" "further") counts only after the quote or before a speaker. A quote in a run of quote paragraphs is attributed by the speaker named just before the run, and a quote after a paragraph that hands over to it (ending with a colon, or an embedded post's "— Name (@handle)" signature) or followed by a bracketed citation ("[HR. Bukhari]") or by an embedded post's "(@handle) date" signature is attributed too; split quotes ("“…,” kata Kim. “…”") by their paragraph. Paragraphs are lines when an article puts one paragraph a line; in an article flattened to one line, the quote's sentence with the two before and one after (at most 2,400 bytes either side). A quote signed on the next line or after it ("– Man**", "— Ni** My**", as reviews and testimonials are), followed by a pointer to its source ("Read our … review", "Sumber: …"), or whose words stand again elsewhere in the article (a pull-quote) is attributed. Not reported: a single question (it claims nothing), a quote in parentheses inside the writer's sentence about its speaker, quotes of one to four words (scare quotes), a lower-case fragment woven into the writer's own sentence ("an enterprise “with deep local roots and national scale.”"), and titles — named as such ("berjudul “…”", "called “…”") or in title case ("“Petals on Your Plate: A Guide to Edible Flowers”").`,
		Why:  "A quote nobody said is an invented quote as far as a reader can tell.",
		Bad:  "Kunjungan itu berlangsung singkat.\n\n“Kami akan membalas setiap serangan dengan kekuatan penuh.”\n",
		Good: "Kunjungan itu berlangsung singkat.\n\n“Kami akan membalas setiap serangan dengan kekuatan penuh,” kata Kim.\n",
		Lang: "id",
	},
	Run: runUnattributedQuote,
	Options: []rule.Option{
		{Name: "min-words", Kind: rule.IntOption, Default: 5, Min: 1, Max: 100,
			Doc: "a quote is a full sentence from this many words; shorter ones are scare quotes, never reported"},
	},
}

// isFullQuote reports whether the quoted text is a full sentence or more:
// minWords words or more (five by default), opening with a capital or ending
// with sentence punctuation.
func isFullQuote(inner string, minWords int) bool {
	inner = strings.TrimSpace(inner)
	if countWords(inner, minWords) < minWords { // counted up to minWords: long quotes are many
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(inner)
	return strings.ContainsRune(".!?…", last) || isUpperStart(inner)
}

// hasOpeningMark reports whether text holds a mark a quote can open with, “
// or ": without one, findQuotes finds no quote in any part of it.
func hasOpeningMark(text string) bool {
	return strings.IndexByte(text, '"') >= 0 || strings.Contains(text, "“")
}

// contextWindow bounds a paragraph: longer ones (an article flattened to one
// line) are read a few sentences around each quote.
const contextWindow = 600

// quoteUnits returns the paragraphs attribution is looked for in: blank-line
// paragraphs, or their lines when each line is a paragraph of its own (most of
// its lines end a sentence, as detik's one-paragraph-a-line articles do).
func quoteUnits(d *document.Document) []finding.Span {
	out := make([]finding.Span, 0, len(d.Paragraphs)) // at least one unit a paragraph
	for _, para := range d.Paragraphs {
		if para.FirstLine == para.LastLine || isHardWrapped(d, para) {
			out = append(out, para.Span)
			continue
		}
		for i := para.FirstLine; i <= para.LastLine; i++ {
			if !d.IsBlankLine(i) {
				out = append(out, d.Lines[i].Span)
			}
		}
	}
	return out
}

// lastNonSpace returns the last rune of line that is no white space
// (utf8.RuneError for none), reading trailing ASCII bytes without decoding.
func lastNonSpace(line string) rune {
	for i := len(line) - 1; i >= 0; i-- {
		c := line[i]
		if c >= utf8.RuneSelf {
			last, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(line[:i+1], unicode.IsSpace))
			return last
		}
		if !asciiSpace[c] {
			return rune(c)
		}
	}
	return utf8.RuneError
}

// isHardWrapped reports whether a paragraph's lines are one paragraph wrapped
// at a width: most of them do not end a sentence.
func isHardWrapped(d *document.Document, para document.Paragraph) bool {
	open := 0
	for i := para.FirstLine; i < para.LastLine; i++ {
		if !strings.ContainsRune(".!?…\"”’)", lastNonSpace(d.LineText(i))) {
			open++
		}
	}
	return 2*open > para.LastLine-para.FirstLine
}

func runUnattributedQuote(p *rule.Pass) {
	minWords := p.IntOption("min-words")
	d := p.Doc
	if !hasOpeningMark(d.Text) {
		return // no quote to judge
	}
	sp := newSpeakers(p)
	titles := p.Pack.List("title-words")
	citations := p.Pack.List("quote-citations")
	units := quoteUnits(d)
	// A paragraph too long to read whole, or an article flattened to one line
	// (whose line is no paragraph), is read a few sentences around each quote.
	long := func(u finding.Span) bool { return u.Len() > 2*contextWindow || d.Flattened() }
	// attributed reports whether unit k holds attribution. It is asked only
	// of the units with a quote and the few before them, and remembered:
	// looking for attribution in every paragraph was most of the rule.
	known := make([]int8, len(units)) // 0 not asked yet, 1 no, 2 yes
	// Each unit (or window of a long unit) asked about is masked into one
	// buffer and read once.
	var masker quoteMasker
	attributed := func(k int) bool {
		if known[k] == 0 {
			known[k] = 1
			if !long(units[k]) && sp.in(masker.mask(d.Text, units[k])) {
				known[k] = 2
			}
		}
		return known[k] == 2
	}
	quoteLed := func(k int) bool {
		t := strings.TrimLeftFunc(d.Slice(units[k]), unicode.IsSpace)
		return strings.HasPrefix(t, "“") || strings.HasPrefix(t, "\"")
	}
	// carried reports whether a speaker named before unit k speaks on in it:
	// the unit before is attributed, or a run of quote paragraphs leads back
	// to one that is.
	carried := func(k int) bool {
		for j, steps := k-1, 0; j >= 0 && steps < 4; j, steps = j-1, steps+1 {
			if attributed(j) || introduces(d.Slice(units[j])) {
				return true
			}
			if !quoteLed(j) {
				return false
			}
		}
		return false
	}
	// Quotes that nothing else clears wait for one pass over the text that
	// looks for each one's words elsewhere (a pull-quote).
	var pending []quoteSpan
	for k, u := range units {
		quotes := findQuotes(d.Text, u)
		if len(quotes) == 0 {
			continue
		}
		// attributedQuote reports whether quote i has a speaker. It is asked
		// only for a quote the text's own tests do not rule out (a scare
		// quote needs none), after them.
		var attributedQuote func(i int) bool
		if !long(u) {
			attributedQuote = func(i int) bool { return attributed(k) || carried(k) || citedAfter(d, units, k, quotes[i]) }
		} else {
			attributedQuote = longUnitSpeakers(d, sp, &masker, units, k, quotes)
		}
		for i, q := range quotes {
			inner := q.inner(d.Text)
			before := d.Text[u.Start:q.open]
			if !isFullQuote(inner, minWords) || isWovenFragment(before, inner) || isQuestion(inner) || attributedQuote(i) ||
				isTitle(before, titles) || isTitleCase(inner) || isParenthetical(d.Text, u, q) ||
				signedAfter(d, units, k, q) || citedBy(d.Text[q.end:u.End], citations) {
				continue
			}
			pending = append(pending, q)
		}
	}
	pulled := pullQuotes(d.Text, pending)
	for i, q := range pending {
		if pulled[i] {
			continue
		}
		span := finding.Span{Start: q.open, End: q.end}
		p.Report(span, "quote of "+itoa(wordCount(q.inner(d.Text)))+" words with no speaker in its paragraph or the one before: say who said it")
	}
}

// longUnitSpeakers returns whether each quote of long unit k (too long to
// read whole: see runUnattributedQuote) has a speaker: one in the few
// sentences around it or a citation after it, or, as quotes that follow
// each other closely in a long paragraph are one speaker's (“…,” ujar Deco.
// “…” or “…” “…,” kata Deco, the paragraphs a flattening scraper joined), in
// those of a quote of its run (quotes at most continuationGap bytes apart).
// Each quote's own answer is worked out only when asked for, masking only the
// window it reads (mk.maskWindow): most quotes of a flattened article are
// ruled out by their own text first.
func longUnitSpeakers(d *document.Document, sp speakers, mk *quoteMasker, units []finding.Span, k int, quotes []quoteSpan) func(i int) bool {
	u := units[k]
	own := make([]int8, len(quotes)) // 0 not asked yet, 1 no, 2 yes
	ownSpeaker := func(i int) bool {
		if own[i] == 0 {
			own[i] = 1
			w := sentenceWindow(d, u, quotes[i])
			if sp.in(mk.maskWindow(d.Text, u, quotes, w)) || citedAfter(d, units, k, quotes[i]) {
				own[i] = 2
			}
		}
		return own[i] == 2
	}
	return func(i int) bool {
		first, last := i, i
		for first > 0 && quotes[first].open-quotes[first-1].end <= continuationGap {
			first--
		}
		for last+1 < len(quotes) && quotes[last+1].open-quotes[last].end <= continuationGap {
			last++
		}
		for j := first; j <= last; j++ {
			if ownSpeaker(j) {
				return true
			}
		}
		return false
	}
}

// continuationGap is how far (in bytes) a quote may stand after an attributed
// one in a long paragraph to continue it: room for ", ujar Deco kepada Times
// Sport." or an "ADVERTISEMENT" label.
const continuationGap = 80

// isTitle reports whether the text before a quote names it as a title, a slogan
// or a name: "film berjudul", "a campaign called", "such as".
func isTitle(before string, titles *lexicon.List) bool {
	ws := lastFields(strings.TrimRight(before, " ,:\t\u00a0"), 2)
	if len(ws) == 0 {
		return false
	}
	last := strings.Trim(ws[len(ws)-1], ",:")
	if titles.Contains(last) {
		return true
	}
	return len(ws) >= 2 && titles.Contains(ws[len(ws)-2]+" "+last)
}

// tweetSignature matches the signature line of an embedded post: "— Tottenham
// Hotspur (@SpursOfficial) November 20, 2019".
var tweetSignature = lazyRegexp(`(?:^|\s)[—–-] [^\n]{1,80}\(@\w{1,30}\)`)

// introduces reports whether a paragraph hands over to the quote after it:
// it ends with a colon ("… which contains the following statement:"), or it
// is an embedded post's signature naming its author.
func introduces(para string) bool {
	para = strings.TrimRightFunc(para, unicode.IsSpace)
	return strings.HasSuffix(para, ":") || tweetSignature().MatchString(para)
}

// embedSignature matches the end of an embedded post that a scraper kept in
// the text: its author's handle and date, "(@F1) November 22, 2025".
var embedSignature = lazyRegexp(`\(@\w{1,30}\)\s+\p{L}+ \d{1,2}, \d{4}`)

// embedReach is how far after a quote an embedded post's signature is looked for.
const embedReach = 300

// citedAfter reports whether a citation follows the quote: a bracketed one in
// its paragraph or opening the next ("“…” [Al Maa-idah 2]", "[HR. At-Tirmidzi
// …]"), or the signature of the embedded post the quote is from.
func citedAfter(d *document.Document, units []finding.Span, k int, q quoteSpan) bool {
	after := d.Text[q.end:min(units[k].End, q.end+embedReach)]
	if embedSignature().MatchString(after) {
		return true
	}
	rest := strings.TrimLeft(d.Text[q.end:units[k].End], " \t\u00a0.,;")
	if rest == "" && k+1 < len(units) {
		rest = d.Slice(units[k+1])
	}
	return strings.HasPrefix(rest, "[")
}

// isWovenFragment reports whether a quote is a fragment woven into the
// writer's own sentence: it opens in lower case right after a word ("will
// create an enterprise “with deep local roots and national scale.”").
func isWovenFragment(before, inner string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(inner, " …."))
	if !unicode.IsLower(r) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(before, unicode.IsSpace))
	return unicode.IsLetter(last) || unicode.IsDigit(last)
}

// isTitleCase reports whether most words of s open with a capital, as the
// titles of books, films and programmes and slogans do ("Petals on Your Plate: A
// Guide to Edible Flowers"); speech has a capital at each sentence and at names.
func isTitleCase(s string) bool {
	words, upper := 0, 0
	for _, w := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(w, "(\"“‘'"))
		if !unicode.IsLetter(r) {
			continue
		}
		words++
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return words > 0 && 10*upper >= 6*words
}

// sentenceWindow returns the stretch of a long paragraph around quote q: from
// two sentences before the one it opens in to one sentence after the one it
// closes in, inside the paragraph.
func sentenceWindow(d *document.Document, u finding.Span, q quoteSpan) finding.Span {
	ss := d.Sentences()
	first := sort.Search(len(ss), func(i int) bool { return ss[i].End > q.open })
	last := sort.Search(len(ss), func(i int) bool { return ss[i].End >= q.end })
	w := finding.Span{Start: q.open, End: q.end}
	if first < len(ss) {
		w.Start = ss[max(0, first-2)].Start
	}
	if last < len(ss) {
		w.End = ss[min(len(ss)-1, last+1)].End
	}
	w.Start = max(w.Start, u.Start)
	w.End = min(max(w.End, q.end), u.End)
	// Text without sentence ends reads no further than windowReach either
	// side, cut at a space.
	if from := q.open - windowReach; w.Start < from {
		if sp := strings.IndexByte(d.Text[from:q.open], ' '); sp >= 0 {
			w.Start = from + sp + 1
		} else {
			w.Start = q.open
		}
	}
	if to := q.end + windowReach; w.End > to {
		if sp := strings.LastIndexByte(d.Text[q.end:to], ' '); sp >= 0 {
			w.End = q.end + sp
		} else {
			w.End = q.end
		}
	}
	return w
}

// windowReach is how far a sentence window reaches on either side of its
// quote at most: a few sentences of news, so that a quote's speaker is never
// looked for megabytes away in text with no sentence ends.
const windowReach = 4 * contextWindow

// signatureLine matches a signature standing after a quote: a dash and a short
// name, masked or not ("– Man**", "— Ni** My**", "— Mark Twain").
var signatureLine = lazyRegexp(`^[—–―-]\s?\p{Lu}[^.!?\n]{0,60}$`)

// signedAfter reports whether a signature follows the quote: the rest of its
// paragraph, or the next paragraph, is a dash and a name of at most six words,
// as reviews, testimonials and epigraphs are signed.
func signedAfter(d *document.Document, units []finding.Span, k int, q quoteSpan) bool {
	rest := strings.TrimSpace(d.Text[q.end:units[k].End])
	if rest == "" && k+1 < len(units) {
		rest = strings.TrimSpace(d.Slice(units[k+1]))
	}
	return signatureLine().MatchString(rest) && wordCount(rest) <= 7
}

// citedBy reports whether the text right after a quote points to its source
// with one of the quote-citations phrases ("Read our … review", "Sumber: …").
func citedBy(after string, citations *lexicon.List) bool {
	after = strings.TrimLeft(after, " \t\u00a0")
	for _, m := range citations.FindAll(after[:min(len(after), 40)]) {
		if m.Start == 0 {
			return true
		}
	}
	return false
}

// isQuestion reports whether a quote is a single question, which claims
// nothing for anyone to stand behind (“Pamela, why are we talking about
// leadership?”).
func isQuestion(inner string) bool {
	inner = strings.TrimSpace(inner)
	return strings.HasSuffix(inner, "?") && !strings.ContainsAny(strings.TrimRight(inner, "?!"), ".!?")
}

// isParenthetical reports whether a quote stands in parentheses inside the
// writer's sentence, giving the words of the person the sentence is about
// ("After previously lying that neither he nor his staff had contact (“We
// have not spoken directly with the whistleblower”) — he now …").
func isParenthetical(text string, u finding.Span, q quoteSpan) bool {
	before := strings.TrimRight(text[u.Start:q.open], " \t\u00a0")
	after := strings.TrimLeft(text[q.end:u.End], " \t\u00a0")
	return strings.HasSuffix(before, "(") && strings.HasPrefix(after, ")") && countWords(before, 3) >= 3
}

// pullQuotes reports for each quote whether its words stand again elsewhere
// in the article: a pull-quote repeats a quote the article attributes where it
// stands in full, so it is judged there. The words (five or more, without
// their final punctuation) are compared without case, as the pull-quote may
// start where the full quote's sentence does not. "Elsewhere" is outside
// every one of quotes (the quotes nothing else attributed): two copies of the
// same unattributed quote do not attribute each other, while a copy in running
// text or in a quote that is attributed does.
//
// One pass over the lower-cased text finds every quote's words at once, so an
// article flattened to one line of many megabytes is read once, not once per
// quote.
func pullQuotes(text string, quotes []quoteSpan) []bool {
	pulled := make([]bool, len(quotes))
	found := map[string]bool{}
	for _, q := range quotes {
		core := strings.TrimRight(strings.TrimSpace(q.inner(text)), ".,!?…")
		if wordCount(core) >= 5 {
			found[strings.ToLower(core)] = false
		}
	}
	if len(found) == 0 {
		return pulled
	}
	marks := make([]int, 0, 2*len(quotes))
	for _, q := range quotes {
		marks = append(marks, q.open, q.end)
	}
	lower, at := lowerMapped(text, marks)
	// An occurrence counts when it overlaps none of the quotes (in the
	// lower-cased text's offsets).
	inQuotes := newSpanCover(len(quotes), func(i int) (int, int) { return at[2*i], at[2*i+1] })
	findAll(lower, found, func(start, end int) bool { return !inQuotes.overlaps(start, end) })
	for i, q := range quotes {
		pulled[i] = found[strings.ToLower(strings.TrimRight(strings.TrimSpace(q.inner(text)), ".,!?…"))]
	}
	return pulled
}

// pullKey is how many leading bytes of each string findAll looks up; the
// words of a pull-quote (five words or more) are always longer.
const pullKey = 8

// findAll sets found[s] for each string s of found that occurs in text at a
// stretch that counts (as counts says): one pass, looking up the pullKey bytes
// at each offset. It is hand-rolled because the simpler searches lose on
// long lines (BenchmarkPullQuotes, the test articles flattened to one line,
// 2 cores, two runs): strings.Index over the lower-cased text once per
// distinct quote took 5 to 6 times as long at 256 KB and 1 MB (1 MB: 178-227
// ms against 27-37 ms), as it reads the text once per quote; a lexicon list of
// the quotes took 1.8 to 3.7 times as long and allocated 25 times the memory
// (37 MB at 1 MB, its trie's table), and would also ask for word boundaries
// and drop overlapping occurrences.
func findAll(text string, found map[string]bool, counts func(start, end int) bool) {
	byKey := map[string][]string{}
	var filter [1 << 16 / 64]uint64
	for s := range found {
		if len(s) < pullKey {
			for i := 0; !found[s]; i++ {
				k := strings.Index(text[i:], s)
				if k < 0 {
					break
				}
				i += k
				found[s] = counts(i, i+len(s))
			}
			continue
		}
		byKey[s[:pullKey]] = append(byKey[s[:pullKey]], s)
		h := keyHash(s)
		filter[h/64] |= 1 << (h % 64)
	}
	for i := 0; i+pullKey <= len(text); i++ {
		if h := keyHash(text[i:]); filter[h/64]&(1<<(h%64)) == 0 {
			continue
		}
		for _, s := range byKey[text[i:i+pullKey]] {
			if !found[s] && strings.HasPrefix(text[i:], s) && counts(i, i+len(s)) {
				found[s] = true
			}
		}
	}
}

// keyHash folds the first pullKey bytes of s into 16 bits.
func keyHash(s string) uint32 {
	var x uint64
	for i := range pullKey {
		x = x<<8 | uint64(s[i])
	}
	return uint32((x * 0x9e3779b97f4a7c15) >> 48)
}

// lowerMapped returns text lower-cased as strings.ToLower does, rune by rune
// (an invalid byte becomes U+FFFD), and where each of offsets (ascending, at
// rune starts) falls in it.
func lowerMapped(text string, offsets []int) (string, []int) {
	order := make([]int, len(offsets))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return offsets[order[a]] < offsets[order[b]] })
	at := make([]int, len(offsets))
	var b strings.Builder
	b.Grow(len(text))
	next := 0
	for i, r := range text {
		for next < len(order) && offsets[order[next]] <= i {
			at[order[next]] = b.Len()
			next++
		}
		b.WriteRune(unicode.ToLower(r))
	}
	for ; next < len(order); next++ {
		at[order[next]] = b.Len()
	}
	return b.String(), at
}

// lastFields returns the last n (or fewer) white-space separated fields of
// s, in order, as the tail of strings.Fields(s) would be, reading only the end
// of s.
func lastFields(s string, n int) []string {
	var out []string
	end := len(s)
	for len(out) < n {
		for end > 0 {
			r, size := utf8.DecodeLastRuneInString(s[:end])
			if !unicode.IsSpace(r) {
				break
			}
			end -= size
		}
		if end == 0 {
			break
		}
		start := end
		for start > 0 {
			r, size := utf8.DecodeLastRuneInString(s[:start])
			if unicode.IsSpace(r) {
				break
			}
			start -= size
		}
		out = append(out, s[start:end])
		end = start
	}
	slices.Reverse(out)
	return out
}
