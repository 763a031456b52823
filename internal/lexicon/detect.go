package lexicon

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// detectWindow is how much of an article language detection reads.
const detectWindow = 16 << 10

// minStopwordShare is the share of an article's words that must be stop words of
// a language for the article to count as written in it: running text in any
// of the packs' languages is far above it (a third or more), text in another
// language is near zero.
const minStopwordShare = 0.05

// Detect returns the language whose "stopwords" list matches the most words of the
// start of text, ties going to the first language in sorted order; "" when the
// text is in none of the packs' languages (or has no words).
//
// A word is a run of letters (unicode.IsLetter), compared in lower case.
// Detect reads the text 64 bytes a block: the block's bytes that may belong
// to a word (ASCII letters and every byte of a non-ASCII rune) are found as
// a bit mask at once (fillMasks: AVX-512 where the processor has it), and
// each run of such bytes is taken from the masks' bits (words; wordsBMI in
// assembly). A run of ASCII letters alone (nearly every word of the packs'
// languages) is one word: its first eight bytes, lower-cased and packed
// into an integer, are looked up in a table without collisions, and the
// languages it belongs to are counted by one addition to a byte of an
// accumulator, with no branch on whether it is a stop word. A run with
// other bytes is read rune by rune (countRun). The tests hold the counts to
// the rune-by-rune reference.
func (s *Set) Detect(text string) string {
	counts, words := s.countStopwords(text)
	return s.stop.choose(&counts, words)
}

// countStopwords returns, for each language of s.stop.order, how many words
// of text's first detectWindow bytes are its stop words, and how many words
// there are.
func (s *Set) countStopwords(text string) (perLang [64]int, words int) {
	idx := &s.stop
	if len(idx.order) == 0 {
		return perLang, 0
	}
	if idx.table == nil {
		return s.countPlain(text)
	}
	if len(text) > detectWindow {
		text = text[:detectWindow]
	}
	d := detector{idx: idx}
	n := len(text)
	var masks [maskBatch + 1]blockMask
	masks[0] = blockMasksAt(text, 0)
	carry := uint64(0) // the previous block's last byte may belong to a word
	// sums counts the ASCII stop words, in 16-bit fields (at most 8192
	// words in the window: none carries): combination c in field c/2 of
	// sums[c%2].
	var sums [2]uint64
	for p := 0; p < n; p += maskBatch * 64 {
		// Blocks p, p+64, … and the one after the last (its masks are the
		// first of the next batch).
		nb := fillMasks(&masks, text, p)
		var slow [maskBatch]uint64
		var starts int
		if hasWordVector && !idx.wide {
			starts, carry = wordsBMI(&masks, nb, text, p, &idx.asm, &slow, carry, &sums)
		} else {
			starts, carry = idx.words(&masks, nb, text, p, &slow, carry, &sums, &d.counts)
		}
		words += starts
		for b, m := range slow[:nb] {
			for ; m != 0; m &= m - 1 {
				words--
				d.countRun(text, p+64*b+bits.TrailingZeros64(m))
			}
		}
		masks[0] = masks[nb]
	}
	for c := 1; c < 8; c++ {
		d.counts[c] += int32(sums[c%2] >> (16 * (c / 2)) & 0xFFFF)
	}
	for c, n := range d.counts[:len(idx.combos)] {
		for langs := idx.combos[c]; langs != 0; langs &= langs - 1 {
			perLang[bits.TrailingZeros64(langs)] += int(n)
		}
	}
	return perLang, words + d.words
}

// words reads the runs that start in the nb blocks of text from p on, given
// their masks (and the next block's) and whether the byte before p may
// belong to a word (carry: 1 or 0). It returns the number of runs and
// whether the last byte of the last block is in one (carryOut). It counts
// the stop words among the runs of ASCII letters in sums (see
// countStopwords; a block's vals, see stopwordIndex.table, added up first)
// or, with idx.wide, in counts; it marks the other runs in slow, bit i of
// slow[b] for a run at p+64*b+i, for countRun. wordsBMI is the same in
// assembly.
func (idx *stopwordIndex) words(masks *[maskBatch + 1]blockMask, nb int, text string, p int,
	slow *[maskBatch]uint64, carry uint64, sums *[2]uint64, counts *[256]int32) (runs int, carryOut uint64) {
	table, mult, shift := idx.table, idx.mult, idx.shift&63
	wide := idx.wide
	n := len(text)
	for b := 0; b < nb; b, p = b+1, p+64 {
		cur, next := masks[b], masks[b+1]
		starts := cur.word &^ (cur.word<<1 | carry)
		carry = cur.word >> 63
		runs += bits.OnesCount64(starts)
		acc := uint64(0) // at most 32 words in a block: no byte carries
		for ; starts != 0; starts &= starts - 1 {
			o := uint(bits.TrailingZeros64(starts)) & 63
			// The run's length, up to 64, from the bits of this block
			// and the next; whether it has a non-ASCII byte. A run with
			// one, a longer stop word's length or 64 bytes or more
			// (maybe more words after a non-ASCII byte) is read rune
			// by rune.
			run := cur.word>>o | next.word<<1<<(63-o)
			l := uint(bits.TrailingZeros64(^run))
			high := (cur.high>>o | next.high<<1<<(63-o)) & (1<<(l&63) - 1)
			if high != 0 || idx.slowLen[l] {
				slow[b] |= 1 << o
				continue
			}
			// An ASCII word: its packed form, or 0 past eight bytes
			// (no stop word there).
			at := p + int(o)
			var v uint64
			if at+8 <= n {
				v = load8(text, at)
			} else {
				v = loadTail(text, at)
			}
			key := (v | lowerBits) & packMask[l]
			e := &table[(key*mult)>>shift]
			// e.val if e.key is key, else 0, with no branch (a third
			// of the words are stop words: a branch would often be
			// mispredicted).
			diff := e.key ^ key
			val := e.val &^ -((diff | -diff) >> 63)
			if wide {
				counts[uint8(val)]++
			} else {
				acc += val
			}
		}
		sums[0] += acc & 0x00FF00FF00FF00FF
		sums[1] += acc >> 8 & 0x00FF00FF00FF00FF
	}
	return runs, carry
}

// packMask keeps the first n bytes of a packed word; 0 for longer words, so
// that their key is 0, which no stop word has.
var packMask = [65]uint64{
	0, 0xFF, 0xFFFF, 0xFFFFFF, 0xFFFFFFFF, 0xFFFFFFFFFF, 0xFFFFFFFFFFFF,
	0xFFFFFFFFFFFFFF, 0xFFFFFFFFFFFFFFFF,
}

// maskBatch is how many blocks are read by one call of fillMasks and words
// (1 KiB).
const maskBatch = 16

// blockMask marks bytes of a 64-byte block, bit i for byte i.
type blockMask struct {
	// word marks the bytes that may belong to a word: ASCII letters and
	// bytes that are not ASCII. A run of them between ASCII non-letters holds
	// zero or more whole words, as no rune's encoding has an ASCII byte.
	word uint64
	// high marks the bytes that are not ASCII.
	high uint64
}

// blockMasksAt returns the masks of the 64 bytes of text from p (fewer at
// the end; none past it).
func blockMasksAt(text string, p int) blockMask {
	if p+64 <= len(text) {
		return blockMasks(text[p : p+64])
	}
	if p >= len(text) {
		return blockMask{}
	}
	var buf [64]byte // 0 is neither a letter nor high
	copy(buf[:], text[p:])
	return blockMasks(unsafe.String(&buf[0], len(buf)))
}

// blockMasks returns the masks of a 64-byte block, eight bytes at a time.
func blockMasks(b string) blockMask {
	_ = b[63]
	var m blockMask
	for i := 0; i < 64; i += 8 {
		v := load8(b, i)
		high := v & highBits
		m.word |= gather8(asciiLetters(v)|high) << i
		m.high |= gather8(high) << i
	}
	return m
}

// gather8 packs the top bits of v's bytes into the low eight bits, byte i's
// into bit i.
func gather8(v uint64) uint64 {
	return (v >> 7) * 0x0102040810204080 >> 56
}

// loadTail is load8 for fewer than eight bytes left: zeros past the end.
func loadTail(s string, i int) uint64 {
	var v uint64
	for k := 0; i+k < len(s); k++ {
		v |= uint64(s[i+k]) << (8 * k)
	}
	return v
}

// detector holds Detect's counts of the words read rune by rune.
type detector struct {
	idx *stopwordIndex
	// counts counts words by their languages' combination (its index in
	// idx.combos; 0: no stop word).
	counts [256]int32
	words  int
	buf    [64]byte
}

// countRun counts the words of the run of letters and non-ASCII bytes at
// text[i:] (it ends at an ASCII byte that is no letter, or at the text's
// end), rune by rune, as the reference reads them: a rune that is no letter
// (and a byte that is no valid UTF-8) separates words.
func (d *detector) countRun(text string, i int) {
	maxKey := d.idx.maxKey
	word := d.buf[:0]
	inWord := false
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			l := asciiLetterLower[c]
			if l == 0 {
				break
			}
			if len(word) <= maxKey {
				word = append(word, l)
			}
			inWord = true
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if !unicode.IsLetter(r) {
			if inWord {
				d.count(word)
				word, inWord = word[:0], false
			}
			continue
		}
		if len(word) <= maxKey {
			word = utf8.AppendRune(word, unicode.ToLower(r))
		}
		inWord = true
	}
	if inWord {
		d.count(word)
	}
}

// count counts one word, lower-cased (cut after maxKey+1 bytes).
func (d *detector) count(word []byte) {
	d.words++
	idx := d.idx
	switch {
	case len(word) > idx.maxKey:
	case len(word) <= 8:
		d.counts[idx.lookup(pack8(word))]++
	default:
		d.counts[idx.long[string(word)]]++
	}
}

// choose returns the language with the most stop words, the first in order
// on a tie, or "" below minStopwordShare of words.
func (idx *stopwordIndex) choose(perLang *[64]int, words int) string {
	best := ""
	bestN := 0
	for i, l := range idx.order {
		if perLang[i] > bestN {
			best, bestN = l, perLang[i]
		}
	}
	if float64(bestN) < minStopwordShare*float64(words) {
		return ""
	}
	return best
}

// countPlain is countStopwords for an index without a table (see
// buildTable): one rune at a time, every word looked up in the map.
func (s *Set) countPlain(text string) (perLang [64]int, words int) {
	if len(text) > detectWindow {
		text = text[:detectWindow]
	}
	var buf [64]byte
	word := buf[:0]
	inWord := false
	flush := func() {
		if !inWord {
			return
		}
		words++
		if len(word) <= s.stop.maxKey {
			for langs := s.stop.langs[string(word)]; langs != 0; langs &= langs - 1 {
				perLang[bits.TrailingZeros64(langs)]++
			}
		}
		word, inWord = word[:0], false
	}
	for _, r := range text {
		if !unicode.IsLetter(r) {
			flush()
			continue
		}
		inWord = true
		word = utf8.AppendRune(word, unicode.ToLower(r))
	}
	flush()
	return perLang, words
}

// stopwordIndex maps every language's stop words to the languages that list
// them, so Detect looks a word up once.
type stopwordIndex struct {
	// order holds the languages with a stop-word list, sorted; bit i of a
	// langs value stands for order[i].
	order  []string
	langs  map[string]uint64
	maxKey int
	// combos holds each combination of languages that a stop word belongs
	// to, combos[0] being none; Detect counts words by combination.
	combos []uint64
	// table holds the stop words of at most eight bytes (all of them in
	// today's packs) packed into integers (pack8), each in the slot its
	// multiplicative hash gives, with no two in one slot: a lookup is one
	// probe and one comparison. Empty slots have key 0 (no word packs to 0)
	// and combination 0. nil when no such table was found (too many stop
	// words or combinations): Detect then counts as countPlain.
	table []tableSlot
	mult  uint64
	shift uint
	// wide is set when there are more than seven combinations: a slot's
	// val is then its combination, else 1<<(8*combination), a count in a
	// byte of an accumulator.
	wide bool
	// asm is the table for wordsBMI.
	asm wordTable
	// long holds the combinations of the longer stop words.
	long map[string]uint8
	// slowLen[l] is set for the lengths of runs that Detect reads rune by
	// rune: those of the longer stop words and 64 (64 bytes or more).
	slowLen [65]bool
}

// wordTable is what wordsBMI reads of a stopwordIndex, at the offsets its
// assembly names.
type wordTable struct {
	slots   *tableSlot // 0
	mult    uint64     // 8
	shift   uint64     // 16
	slowLen [72]bool   // 24: stopwordIndex.slowLen
	keyMask [65]uint64 // 96: packMask
	keyCase [65]uint64 // 616: packMask & lowerBits, to lower-case a key
}

// tableSlot is one slot of stopwordIndex.table.
type tableSlot struct {
	key, val uint64
}

// lookup returns the combination of a packed word, 0 for none.
func (idx *stopwordIndex) lookup(key uint64) uint8 {
	e := &idx.table[(key*idx.mult)>>idx.shift]
	if e.key != key || e.val == 0 {
		return 0
	}
	if idx.wide {
		return uint8(e.val)
	}
	return uint8(bits.TrailingZeros64(e.val) / 8)
}

// pack8 packs a word of one to eight bytes into an integer, its first byte
// lowest. No byte of a word is 0, so distinct words give distinct integers.
func pack8(w []byte) uint64 {
	var k uint64
	for i, b := range w {
		k |= uint64(b) << (8 * i)
	}
	return k
}

func (s *Set) buildStopwordIndex() {
	idx := stopwordIndex{langs: map[string]uint64{}}
	for _, lang := range s.Languages() {
		l := s.packs[lang].List("stopwords")
		if l.Len() == 0 || len(idx.order) == 64 {
			continue
		}
		bit := uint64(1) << len(idx.order)
		idx.order = append(idx.order, lang)
		for _, e := range l.Entries {
			key := strings.ToLower(e.Phrase)
			idx.langs[key] |= bit
			idx.maxKey = max(idx.maxKey, len(key))
		}
	}
	idx.buildTable()
	s.stop = idx
}

// buildTable numbers the combinations of languages and fills the table of
// short stop words and the map of long ones; it leaves the table nil
// (Detect then counts as countPlain, several times slower) where there are
// more than 255 combinations or no multiplier places the short words in
// distinct slots of a table of at most 1<<16 slots: beyond some 800 short
// stop words, far more than the packs' (76).
func (idx *stopwordIndex) buildTable() {
	comboOf := map[uint64]uint8{}
	idx.combos = []uint64{0}
	var short []uint64
	var shortCombos []uint8
	for l := 9; l <= idx.maxKey && l < 64; l++ {
		idx.slowLen[l] = true
	}
	idx.slowLen[64] = true
	long := map[string]uint8{}
	for w, langs := range idx.langs {
		c, ok := comboOf[langs]
		if !ok {
			if len(idx.combos) == 256 {
				return
			}
			c = uint8(len(idx.combos))
			comboOf[langs] = c
			idx.combos = append(idx.combos, langs)
		}
		switch {
		case len(w) == 0:
		case len(w) <= 8:
			short = append(short, pack8([]byte(w)))
			shortCombos = append(shortCombos, c)
		default:
			long[w] = c
		}
	}
	idx.wide = len(idx.combos) > 8
	// The smallest table (at least 64 slots, twice the words) where a
	// random multiplier places every word in a slot of its own with a
	// chance above e⁻⁶ (the birthday bound: pairs of words / slots ≤ 6),
	// so that the 1024 multipliers tried find one; then up to three sizes
	// more, of at most 1<<16 slots.
	pairs := len(short) * (len(short) - 1) / 2
	minBits := uint(6)
	for 1<<minBits < 2*len(short) || 6<<minBits < pairs {
		minBits++
	}
	// Multipliers from a fixed sequence (splitmix64), so the table is the
	// same on every run.
	seed := uint64(0x9E3779B97F4A7C15)
	for b := minBits; b <= minBits+3 && b <= 16; b++ {
		slots := make([]tableSlot, 1<<b)
		placed := make([]int, 0, len(short))
		for try := 0; try < 1024; try++ {
			seed += 0x9E3779B97F4A7C15
			z := seed
			z = (z ^ z>>30) * 0xBF58476D1CE4E5B9
			z = (z ^ z>>27) * 0x94D049BB133111EB
			mult := (z ^ z>>31) | 1
			for _, i := range placed {
				slots[i] = tableSlot{}
			}
			placed = placed[:0]
			ok := true
			for i, k := range short {
				slot := int((k * mult) >> (64 - b))
				e := &slots[slot]
				if e.key != 0 {
					ok = false
					break
				}
				placed = append(placed, slot)
				e.key, e.val = k, uint64(shortCombos[i])
				if !idx.wide {
					e.val = 1 << (8 * e.val)
				}
			}
			if ok {
				idx.table, idx.mult, idx.shift, idx.long = slots, mult, 64-b, long
				idx.asm = wordTable{slots: &slots[0], mult: mult, shift: uint64(64 - b), keyMask: packMask}
				copy(idx.asm.slowLen[:], idx.slowLen[:])
				for l, m := range packMask {
					idx.asm.keyCase[l] = m & lowerBits
				}
				return
			}
		}
	}
}

// Masks for reading eight bytes at once.
const (
	highBits  = 0x8080808080808080 // each byte's top bit
	lowBits   = 0x7F7F7F7F7F7F7F7F // each byte's other bits
	lowerBits = 0x2020202020202020 // the bit that lower-cases an ASCII letter
	oneBits   = 0x0101010101010101
)

// load8 returns s[i:i+8] as a little-endian integer (one load).
func load8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// asciiLetters returns the top bit of each byte of v that is an ASCII
// letter. No byte's sum carries into the next: each is exact.
func asciiLetters(v uint64) uint64 {
	x := (v | lowerBits) & lowBits
	atLeastA := x + oneBits*(0x80-'a')
	pastZ := x + oneBits*(0x7F-'z')
	return atLeastA &^ pastZ &^ v & highBits
}

// asciiLetterLower maps each ASCII letter to its lower case, every other
// byte to 0.
var asciiLetterLower = func() (t [256]byte) {
	for c := byte('a'); c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = c, c
	}
	return t
}()
