package rules

import (
	"hash/maphash"
	"math/bits"
	"strings"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// RepeatedParagraph finds a paragraph (a line of text) repeated verbatim or
// nearly in the same article.
var RepeatedParagraph = &rule.Rule{
	ID:       "duplicate/repeated-paragraph",
	Title:    "paragraph repeated in the article",
	Severity: finding.Warning,
	FixSafe:  true,
	Doc: rule.Doc{
		What: "A paragraph (a line of eight words or more) that repeats an earlier line of the same article, exactly after folding case, white space and punctuation (fixed by deleting the later copy), or nearly (word-set similarity of 0.9 or more; the fix is offered for review only). Short lines and lines that recur three times or more are the article's own structure (a meal plan's \"Eat every 2–3 hours\", an interview's repeated question), not a scraper's copy, and are left alone.",
		Why:  "Repeated paragraphs come from scrapers that capture a teaser and the body, or a caption and the text; they double-count the text in any corpus statistic.",
		Bad:  "Putin Tiba di Pyongyang\n\nKedua negara bekerja bersama membangun front persatuan yang baru.\n\nKorea Utara mengumumkan kunjungan Putin.\n\nKedua negara bekerja bersama membangun front persatuan yang baru.\n",
		Good: "Putin Tiba di Pyongyang\n\nKedua negara bekerja bersama membangun front persatuan yang baru.\n\nKorea Utara mengumumkan kunjungan Putin.\n",
		Lang: "id",
	},
	Run: runRepeatedParagraph,
	Options: []rule.Option{
		{Name: "min-words", Kind: rule.IntOption, Default: minParagraphWords, Min: 1, Max: 1000,
			Doc: "lines shorter than this many words are labels or headings, never reported"},
		{Name: "near-similarity", Kind: rule.FloatOption, Default: 0.9, Min: 0.5, Max: 1,
			Doc: "word-set similarity (0.5 to 1) from which a line nearly repeats an earlier one"},
	},
}

// maxNearLines bounds the pairwise near-duplicate comparison in one article.
const maxNearLines = 400

// minParagraphWords is the length below which a repeated line is a label or a
// heading rather than a paragraph.
const minParagraphWords = 8

func runRepeatedParagraph(p *rule.Pass) {
	d := p.Doc
	minWords, nearSim := p.IntOption("min-words"), p.FloatOption("near-similarity")
	t := titleLine(p)
	head := ""
	if t >= 0 {
		head = foldedLine(p, t)
	}
	// Each line long enough to compare, folded, with the line that has its
	// folding first (its own, or an earlier one); that line counts the lines
	// with the folding and holds the first of them reported on.
	lines := make([]repeatLine, len(d.Lines))
	var small [64]int32 // the table of a short article, on the stack
	firstWith := foldingTable{slots: small[:], seed: maphash.MakeSeed()}
	if n := tableSize(len(d.Lines)); n > len(small) {
		firstWith.slots = make([]int32, n)
	} else {
		firstWith.slots = small[:n]
	}
	foldings := 0 // lines with a folding of their own: the most seen can hold
	for i := range d.Lines {
		l := &lines[i]
		l.same, l.first = -1, -1
		ls := trimmedLine(d, i)
		if ls.Len() == 0 {
			continue
		}
		n := foldedTrimmedLine(p, i, ls)
		if n == "" || !hasFoldedWords(n, minWords) {
			continue // a label or a heading
		}
		l.text = n
		j := firstWith.firstOf(lines, i)
		if j == int32(i) {
			foldings++
		}
		l.same = j
		lines[j].count++
	}
	// One allocation for the lines compared, not a slice grown by doubling
	// (a paragraph is 80 bytes).
	seen := make([]paragraph, 0, min(foldings, maxNearLines))
	var sets wordSets
	for i := range d.Lines {
		if lines[i].same < 0 {
			continue
		}
		n, tx := lines[i].text, &lines[lines[i].same]
		if tx.count >= 3 {
			continue // structure the article repeats on purpose
		}
		if n == head || extendsFolded(n, head) && head != "" || lineIsWidget(p, i) {
			continue // the headline's copies are duplicate/repeated-headline's
		}
		ls := trimmedLine(d, i)
		if j := tx.first; j >= 0 {
			p.ReportFinding(finding.Finding{Span: ls, Message: "paragraph repeats line " + itoa(j+1) + ": " + quote(d.Slice(ls)),
				Fixes: []finding.Fix{deleteLineFix(d, i)}, Related: []finding.Location{{Span: trimmedLine(d, j), Message: "first copy"}}})
			continue
		}
		tx.first = i
		if len(seen) >= maxNearLines {
			continue
		}
		cur := paragraph{line: i, text: n}
		if len(seen) > 0 {
			// Only a line compared with another needs its bloom bits: an
			// article with one paragraph (a flattened one) spares reading it.
			cur.prepare()
			seen[0].prepare() // the only line that may not have them yet
		}
		for k := range seen {
			s := &seen[k]
			if !mayBeSimilar(&cur, s, nearSim) {
				continue
			}
			sets.build(&cur)
			sets.build(s)
			if !canBeSimilar(cur.set.len(), s.set.len(), nearSim) {
				continue
			}
			if sim := sets.jaccard(cur.set, s.set); sim >= nearSim {
				fix := deleteLineFix(d, i)
				fix.Safe = false
				p.ReportFinding(finding.Finding{Span: ls, Message: "paragraph nearly repeats line " + itoa(s.line+1) + " (similarity " + percent(sim) + ")",
					Fixes: []finding.Fix{fix}, Related: []finding.Location{{Span: trimmedLine(d, s.line), Message: "similar paragraph"}}})
				break
			}
		}
		seen = append(seen, cur)
	}
}

// foldingTable finds the first line with a folding: open addressing over
// line indexes (index+1, 0 for a free slot), sized once for the article's
// lines, instead of a map grown by doubling and keyed by strings.
type foldingTable struct {
	slots []int32
	seed  maphash.Seed
}

// tableSize returns the size of a foldingTable for an article of lines
// lines: a power of two, at most half full.
func tableSize(lines int) int {
	size := 8
	for size < 2*lines {
		size <<= 1
	}
	return size
}

// firstOf returns the first line, among those added so far and line i
// itself, whose folding (its text) is line i's, and adds line i when it is
// the first.
func (t foldingTable) firstOf(lines []repeatLine, i int) int32 {
	n := lines[i].text
	mask := len(t.slots) - 1
	for k := int(maphash.String(t.seed, n)) & mask; ; k = (k + 1) & mask {
		j := t.slots[k]
		if j == 0 {
			t.slots[k] = int32(i) + 1
			return int32(i)
		}
		if lines[j-1].text == n {
			return j - 1
		}
	}
}

// repeatLine is a line as repeated-paragraph counts its copies.
type repeatLine struct {
	text string // folded; empty for a line too short to compare
	// same is the first line with the same folding, or -1 for a line too
	// short to compare.
	same int32
	// On the first line with a folding: how many lines have it, and the first
	// of them reported on (-1 until one is).
	count int32
	first int
}

// hasFoldedWords reports whether foldedWordCount(s) >= n, counting the spaces
// of a long line (a flattened article) only as far as it takes.
func hasFoldedWords(s string, n int) bool {
	const chunk = 512
	for len(s) > chunk && n > 1 {
		n -= strings.Count(s[:chunk], " ")
		s = s[chunk:]
	}
	return foldedWordCount(s) >= n
}

// paragraph is a line repeated-paragraph compares with the earlier ones.
type paragraph struct {
	line int
	text string // folded
	// words and bloom are set by prepare, before the line is first compared.
	words int // foldedWordCount(text)
	// bloom has bit k set when a word of the line has k as the top six bits
	// of its Fibonacci hash (see mayBeSimilar).
	bloom    uint64
	prepared bool
	// set is the line's set of words, built only when a comparison needs it.
	set   lineWords
	built bool
}

// prepare sets p's word count and bloom bits, once.
func (p *paragraph) prepare() {
	if !p.prepared {
		p.words, p.bloom, p.prepared = foldedWordCount(p.text), wordBloom(p.text), true
	}
}

// wordBloom returns the bloom bits of the words of a folded line. A word's
// hash is its bytes rotated in one at a time (h = h<<<8 ^ byte), which is the
// exclusive or of its big-endian eight-byte blocks counted from its end: it is
// read that way, a block at a time, and the spaces are found eight bytes at a
// time.
func wordBloom(folded string) uint64 {
	var bloom uint64
	for from := 0; from < len(folded); {
		end := nextSpace(folded, from)
		if end > from {
			bloom |= 1 << slot(rotatedHash(folded, from, end), 64-6)
		}
		from = end + 1
	}
	return bloom
}

// nextSpace returns the index of the first ' ' in s at or after from, or len(s).
func nextSpace(s string, from int) int {
	i := from
	for ; i+8 <= len(s); i += 8 {
		// The lowest byte that is zero after the xor is the first space.
		if z := zeroBytes(littleEndian64(s, i) ^ ' '*oneBytes); z != 0 {
			return i + bits.TrailingZeros64(z)/8
		}
	}
	for ; i < len(s) && s[i] != ' '; i++ {
	}
	return i
}

// rotatedHash returns the hash of s[from:end] that folding its bytes in with
// h = h<<<8 ^ byte gives.
func rotatedHash(s string, from, end int) uint64 {
	var h uint64
	p := end
	for ; p-from >= 8; p -= 8 {
		h ^= bigEndian64(s, p-8)
	}
	if r := p - from; r > 0 {
		if from+8 <= len(s) {
			h ^= bigEndian64(s, from) >> (64 - 8*r)
		} else {
			var v uint64
			for k := from; k < p; k++ {
				v = v<<8 | uint64(s[k])
			}
			h ^= v
		}
	}
	return h
}

// mayBeSimilar reports whether the word sets of two lines can reach a
// similarity of threshold, from their bloom bits: a bit set in one and not
// the other stands for at least one word in one set only, and sets of
// similarity t differ by at most (1-t) times their union, itself at most the
// sum of the lines' word counts. The margin of one word covers the rounding
// of jaccard's division. It spares most pairs of paragraphs building their
// sets.
func mayBeSimilar(a, b *paragraph, threshold float64) bool {
	differ := bits.OnesCount64(a.bloom ^ b.bloom)
	return float64(differ) <= (1-threshold)*float64(a.words+b.words)+1
}

// build gives p its set of words, once.
func (s *wordSets) build(p *paragraph) {
	if !p.built {
		p.set, p.built = s.add(p.text), true
	}
}

// wordSets holds the sets of distinct words of an article's folded lines, one
// after another in one slice, and compares them with a small hash table it
// reuses: no map and no string built per line or per word.
type wordSets struct {
	words []wordEntry
	// table is open addressing over one line's words: index+1 into them, 0
	// for a free slot.
	table []int32
}

// wordEntry is a distinct word of a line: where it is in the line, and its
// hash.
type wordEntry struct {
	h          uint64
	start, end int32
}

// lineWords is the set of the words of a folded line: wordSets.words[lo:hi].
type lineWords struct {
	text   string
	lo, hi int
}

func (l lineWords) len() int { return l.hi - l.lo }

// scratch returns the table cleared, with room for n words at most half
// full, and the shift that takes a hash to a slot of it (see slot).
func (s *wordSets) scratch(n int) ([]int32, uint) {
	size, shift := 16, uint(64-4)
	for size < 2*n {
		size, shift = size<<1, shift-1
	}
	if len(s.table) < size {
		s.table = make([]int32, size)
	}
	t := s.table[:size]
	clear(t)
	return t, shift
}

// slot is where a word of hash h starts its search in a table of
// 1<<(64-shift) slots (Fibonacci hashing).
func slot(h uint64, shift uint) int { return int((h * 0x9e3779b97f4a7c15) >> shift) }

// add returns the set of the words of folded (words separated by single
// spaces, as a folded line has them). A word's hash is its bytes rotated in,
// the same for the same word; only where it goes in the table depends on it.
func (s *wordSets) add(folded string) lineWords {
	words := foldedWordCount(folded)
	if s.words == nil {
		s.words = make([]wordEntry, 0, max(words, 256))
	}
	lo := len(s.words)
	t, shift := s.scratch(words)
	mask := len(t) - 1
	for from := 0; from < len(folded); {
		end, h := from, uint64(0)
		for ; end < len(folded) && folded[end] != ' '; end++ {
			h = bits.RotateLeft64(h, 8) ^ uint64(folded[end])
		}
		w := folded[from:end]
		e := wordEntry{h, int32(from), int32(end)}
		from = end + 1
		if w == "" {
			continue
		}
		for i := slot(h, shift); ; i = (i + 1) & mask {
			k := t[i]
			if k == 0 {
				s.words = append(s.words, e)
				t[i] = int32(len(s.words) - lo)
				break
			}
			if x := s.words[lo+int(k)-1]; x.h == h && folded[x.start:x.end] == w {
				break
			}
		}
	}
	return lineWords{folded, lo, len(s.words)}
}

// canBeSimilar reports whether word sets of sizes a and b can reach a
// similarity of threshold: the intersection is at most the smaller and the
// union at least the larger, so the ratio of the sizes bounds it (and float
// division keeps that order). It spares most pairs of paragraphs the
// comparison.
func canBeSimilar(a, b int, threshold float64) bool {
	return max(a, b) == 0 || float64(min(a, b))/float64(max(a, b)) >= threshold
}

// jaccard returns the Jaccard similarity of two sets: the size of their
// intersection over that of their union (0 for two empty sets).
func (s *wordSets) jaccard(a, b lineWords) float64 {
	as, bs := s.words[a.lo:a.hi], s.words[b.lo:b.hi]
	t, shift := s.scratch(len(bs))
	mask := len(t) - 1
	for k, e := range bs {
		i := slot(e.h, shift)
		for t[i] != 0 {
			i = (i + 1) & mask
		}
		t[i] = int32(k + 1)
	}
	inter := 0
	for _, e := range as {
		w := a.text[e.start:e.end]
		for i := slot(e.h, shift); t[i] != 0; i = (i + 1) & mask {
			if x := bs[t[i]-1]; x.h == e.h && b.text[x.start:x.end] == w {
				inter++
				break
			}
		}
	}
	union := len(as) + len(bs) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}
