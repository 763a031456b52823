package minhash

import (
	"encoding/binary"
)

// Index holds the signatures of many texts, numbered in the order they were
// added, in one flat array: Size bytes a text and nothing else.
type Index struct {
	sigs []byte
}

// NewIndex returns an empty index with room for n texts.
func NewIndex(n int) *Index { return &Index{sigs: make([]byte, 0, n*Size)} }

// Add appends a text's signature; its number is the previous Len.
func (x *Index) Add(s *Signature) { x.sigs = append(x.sigs, s[:]...) }

// Len is the number of texts in the index.
func (x *Index) Len() int { return len(x.sigs) / Size }

// Bytes is the memory the index holds (its capacity, not only its length).
func (x *Index) Bytes() int { return cap(x.sigs) }

// Signature returns text i's signature (a copy).
func (x *Index) Signature(i int) Signature {
	var s Signature
	copy(s[:], x.sigs[i*Size:(i+1)*Size])
	return s
}

func (x *Index) band(doc int32, b int) uint64 {
	o := int(doc)*Size + b*Rows
	return binary.LittleEndian.Uint64(x.sigs[o : o+Rows])
}

func (x *Index) similarity(a, b int32) float64 {
	sa := (*Signature)(x.sigs[int(a)*Size : int(a+1)*Size])
	sb := (*Signature)(x.sigs[int(b)*Size : int(b+1)*Size])
	return Similarity(sa, sb)
}

// Match says that text Doc is a near duplicate of the earlier text First.
type Match struct {
	Doc, First int
	// Similarity is the estimated Jaccard similarity of the two.
	Similarity float64
}

// MaxScan bounds how many earlier texts of one band bucket are compared with a
// text, so that a bucket of thousands of texts the caller skips (exact copies
// reported elsewhere) cannot make the search quadratic.
const MaxScan = 256

// Earliest finds, for each text, the earliest text (lowest number) that shares
// at least one band with it (the LSH candidates), whose estimated similarity is
// at least threshold (the confirmation), and that skip, when not nil, does not
// reject. Texts marked in alone (when not nil) take no match: as if skip
// rejected every pair of theirs, without asking it for each (an exact copy in
// a bucket of k copies was k calls). Texts with none are left out; matches
// are in text order. The result depends only on the signatures and their
// order, never on timing.
//
// Besides the index it uses 36 bytes a text while it runs: a bucket order (a
// band's value and the text's number) with room to sort it, and each text's
// best match so far.
func (x *Index) Earliest(threshold float64, alone []bool, skip func(doc, first int) bool) []Match {
	n := x.Len()
	best := make([]int32, n)
	for i := range best {
		best[i] = -1
	}
	// Each band's values with their texts, sorted by value then text: the
	// values sit next to the numbers, so the sort reads no signature.
	order, spare := make([]bandEntry, n), make([]bandEntry, n)
	bucket := make([]int32, 0, 16)
	for b := range Bands {
		for i := range order {
			order[i] = bandEntry{key: x.band(int32(i), b), doc: int32(i)}
		}
		sortBand(order, spare)
		for lo := 0; lo < n; {
			key := order[lo].key
			hi := lo + 1
			for hi < n && order[hi].key == key {
				hi++
			}
			if hi-lo > 1 {
				bucket = bucket[:0]
				for _, e := range order[lo:hi] {
					bucket = append(bucket, e.doc)
				}
				x.confirm(bucket, best, threshold, alone, skip)
			}
			lo = hi
		}
	}
	var out []Match
	for doc, first := range best {
		if first >= 0 {
			out = append(out, Match{Doc: doc, First: int(first), Similarity: x.similarity(int32(doc), first)})
		}
	}
	return out
}

// bandEntry is one text's value of one band.
type bandEntry struct {
	key uint64
	doc int32
}

// sortBand sorts a band's entries, made in text order, by value and then
// text: a stable radix sort on the value's bytes, lowest first, using spare
// (as long as entries) for room. It skips a byte every value has the same.
func sortBand(entries, spare []bandEntry) {
	if len(entries) < 2 {
		return
	}
	var counts [8][256]int32
	for _, e := range entries {
		for d := range 8 {
			counts[d][byte(e.key>>(8*d))]++
		}
	}
	src, dst := entries, spare
	for d := range 8 {
		c := &counts[d]
		if int(c[byte(src[0].key>>(8*d))]) == len(src) {
			continue
		}
		var at int32
		for i, k := range c {
			c[i] = at
			at += k
		}
		for _, e := range src {
			k := byte(e.key >> (8 * d))
			dst[c[k]] = e
			c[k]++
		}
		src, dst = dst, src
	}
	if &src[0] != &entries[0] {
		copy(entries, src)
	}
}

// confirm compares each text of a bucket (sorted by number) with the earlier
// ones, earliest first, and keeps the earliest confirmed one in best.
func (x *Index) confirm(bucket []int32, best []int32, threshold float64, alone []bool, skip func(doc, first int) bool) {
	for j := 1; j < len(bucket); j++ {
		doc := bucket[j]
		if alone != nil && alone[doc] {
			continue
		}
		for k := 0; k < j && k < MaxScan; k++ {
			first := bucket[k]
			if best[doc] >= 0 && first >= best[doc] {
				break // an earlier band already found one at least as early
			}
			if skip != nil && skip(int(doc), int(first)) {
				continue
			}
			if x.similarity(doc, first) < threshold {
				continue
			}
			best[doc] = first
			break
		}
	}
}
