// Package minhash estimates how alike two texts are from small signatures:
// MinHash over word 5-grams, banded for locality-sensitive hashing (LSH) with
// the common dataset-deduplication setting of 14 bands of 8 rows, which makes
// two texts candidates from a Jaccard similarity of about 0.8.
//
// A signature keeps one byte of each of its 112 minimum hashes (b-bit MinHash,
// Li and König 2010), 112 bytes a text: enough both to band (a band is 8 bytes)
// and to estimate the similarity of a candidate pair. Hashing is FNV-1a and a
// fixed splitmix64 mix, so signatures are the same in every run and on every
// machine.
package minhash

import (
	"encoding/binary"
	"unicode"
	"unicode/utf8"
)

const (
	// Bands is the number of LSH bands.
	Bands = 14
	// Rows is the number of minimum hashes in a band.
	Rows = 8
	// Size is the number of minimum hashes in a signature.
	Size = Bands * Rows
	// ShingleWords is the number of words in a shingle.
	ShingleWords = 5
)

// chance is the probability that the kept bytes of two unrelated minimum
// hashes agree: one byte each, so 1/256.
const chance = 1.0 / 256

// Signature is a text's b-bit MinHash signature: the low byte of each of Size
// minimum hashes over the text's word 5-grams.
type Signature [Size]byte

// Sign returns the signature of a text given as its words (already folded as
// the caller compares them: case, punctuation). A text of fewer than
// ShingleWords words is one shingle.
func Sign(words []string) Signature {
	var s signer
	s.reset()
	for _, w := range words {
		s.addWord(fnv1a(w))
	}
	return s.finish()
}

// SignText returns Sign(strings.Fields(text)) without building the words: it
// hashes each white-space separated field (white space as unicode.IsSpace
// has it) where it lies in text.
func SignText(text string) Signature {
	var s signer
	s.reset()
	s.addFields(text)
	return s.finish()
}

// addFieldsExact adds the hashes of text's fields one at a time, decoding
// the runes beyond ASCII to tell white space: SignText's loop where no vector
// code is written for the machine (see addFields).
func (s *signer) addFieldsExact(text string) {
	h, inField := uint64(fnvOffset), false
	for i := 0; i < len(text); {
		// Most bytes are ASCII letters and digits: hash them in a tight loop.
		for ; i < len(text) && text[i] > ' ' && text[i] < utf8.RuneSelf; i++ {
			h = (h ^ uint64(text[i])) * fnvPrime
			inField = true
		}
		if i == len(text) {
			break
		}
		c, size := text[i], 1
		var space bool
		if c < utf8.RuneSelf {
			space = asciiSpace[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			space = unicode.IsSpace(r)
		}
		if !space {
			inField = true
			for end := i + size; i < end; i++ {
				h = (h ^ uint64(text[i])) * fnvPrime
			}
			continue
		}
		if inField {
			s.addWord(h)
			h, inField = fnvOffset, false
		}
		i += size
	}
	if inField {
		s.addWord(h)
	}
}

// asciiSpace holds the ASCII bytes unicode.IsSpace accepts.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// batch is how many shingles a signer hashes at once before folding them into
// its minimums.
const batch = 64

// signer computes a signature from the hashes of a text's words, one word at
// a time, without allocating: it gathers word hashes, and from them the
// hashes of batch shingles at a time for minimize.
type signer struct {
	mins     [Size]uint64
	words    [batch + ShingleWords - 1]uint64 // word hashes: the last ShingleWords-1 of the previous batch first
	n        int                              // word hashes in words
	total    int                              // words added
	shingles [batch]uint64
	lanes    laneState // addFields' vector lanes, where it has them
}

func (s *signer) reset() {
	for i := range s.mins {
		s.mins[i] = ^uint64(0)
	}
	s.n, s.total = 0, 0
}

// addWord adds the next word's hash.
func (s *signer) addWord(h uint64) {
	s.words[s.n] = h
	s.n++
	s.total++
	if s.n == len(s.words) {
		s.flush()
	}
}

// flush hashes the shingles that end at the gathered words (each word from
// the ShingleWords-th ends one) and folds them into the minimums, keeping the
// last ShingleWords-1 words for the shingles that end at the next ones. A
// shingle's hash is s = mix(s ^ word) over its words from s = 0; four
// shingles at a time, so that their chains of multiplications overlap.
func (s *signer) flush() {
	m := s.n - (ShingleWords - 1)
	if m <= 0 {
		return
	}
	w, sh := s.words[:s.n], s.shingles[:m]
	j := hashShingles(sh, w)
	for ; j+4 <= m; j += 4 {
		var a, b, c, d uint64
		for _, x := range w[j : j+ShingleWords] {
			a = mix(a ^ x)
		}
		for _, x := range w[j+1 : j+1+ShingleWords] {
			b = mix(b ^ x)
		}
		for _, x := range w[j+2 : j+2+ShingleWords] {
			c = mix(c ^ x)
		}
		for _, x := range w[j+3 : j+3+ShingleWords] {
			d = mix(d ^ x)
		}
		sh[j], sh[j+1], sh[j+2], sh[j+3] = a, b, c, d
	}
	for ; j < m; j++ {
		var a uint64
		for _, x := range w[j : j+ShingleWords] {
			a = mix(a ^ x)
		}
		sh[j] = a
	}
	minimize(&s.mins, sh)
	s.n = copy(s.words[:], w[m:])
}

// finish returns the signature: a text of fewer than ShingleWords words (even
// none) is one shingle of all its words.
func (s *signer) finish() Signature {
	if s.total < ShingleWords {
		var sh uint64
		for _, h := range s.words[:s.n] {
			sh = mix(sh ^ h)
		}
		s.shingles[0] = sh
		minimize(&s.mins, s.shingles[:1])
	} else {
		s.flush()
	}
	var sig Signature
	for i, m := range s.mins {
		sig[i] = byte(m)
	}
	return sig
}

// seeds holds what each of the Size hash functions adds to a shingle's hash
// before mixing: (i+1) times golden for function i.
var seeds = func() (o [Size]uint64) {
	for i := range o {
		o[i] = uint64(i+1) * golden
	}
	return o
}()

// minimizeGeneric lowers each mins[i] to the least mix(h + seeds[i]) over the
// shingle hashes h: the Size hash functions of every shingle, the whole cost of
// signing. Four shingles at a time, so that their independent multiplications
// overlap.
func minimizeGeneric(mins *[Size]uint64, hashes []uint64) {
	k := 0
	for ; k+4 <= len(hashes); k += 4 {
		h0, h1, h2, h3 := hashes[k], hashes[k+1], hashes[k+2], hashes[k+3]
		for i, c := range seeds {
			mins[i] = min(mins[i], mix(h0+c), mix(h1+c), mix(h2+c), mix(h3+c))
		}
	}
	for _, h := range hashes[k:] {
		for i, c := range seeds {
			mins[i] = min(mins[i], mix(h+c))
		}
	}
}

// fnv1a is the 64-bit FNV-1a hash of s (as hash/fnv computes it, without
// allocating).
func fnv1a(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// FNV-1a's 64-bit offset basis and prime.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// golden is 2^64 divided by the golden ratio, splitmix64's increment.
const golden = 0x9e3779b97f4a7c15

// mix is splitmix64's finaliser: a bijection that spreads every input bit over
// the output, standing in for one of Size independent hash functions per seed.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// Band returns band i of the signature as one key.
func (s *Signature) Band(i int) uint64 {
	return binary.LittleEndian.Uint64(s[i*Rows : (i+1)*Rows])
}

// Similarity estimates the Jaccard similarity of the shingle sets of the two
// texts: the share of agreeing bytes, corrected for the 1/256 chance that two
// bytes agree although their hashes differ, and clamped to [0, 1].
func Similarity(a, b *Signature) float64 {
	agree := 0
	for i := range a {
		if a[i] == b[i] {
			agree++
		}
	}
	est := (float64(agree)/Size - chance) / (1 - chance)
	return max(0, min(1, est))
}

// CandidateProbability is the probability that two texts of Jaccard similarity
// j share at least one band: 1 - (1 - j^Rows)^Bands.
func CandidateProbability(j float64) float64 {
	p := 1.0
	for range Rows {
		p *= j
	}
	q := 1.0
	for range Bands {
		q *= 1 - p
	}
	return 1 - q
}
