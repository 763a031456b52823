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

import "encoding/binary"

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
	var mins [Size]uint64
	for i := range mins {
		mins[i] = ^uint64(0)
	}
	hashes := make([]uint64, len(words))
	for i, w := range words {
		hashes[i] = fnv1a(w)
	}
	n := len(hashes) - ShingleWords + 1
	if n < 1 {
		n = 1
	}
	for start := 0; start < n; start++ {
		end := min(start+ShingleWords, len(hashes))
		var s uint64
		for _, h := range hashes[start:end] {
			s = mix(s ^ h)
		}
		for i := range mins {
			if v := mix(s + uint64(i+1)*golden); v < mins[i] {
				mins[i] = v
			}
		}
	}
	var sig Signature
	for i, m := range mins {
		sig[i] = byte(m)
	}
	return sig
}

// fnv1a is the 64-bit FNV-1a hash of s (as hash/fnv computes it, without
// allocating).
func fnv1a(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

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
