//go:build amd64 && !purego

package minhash

import "golang.org/x/sys/cpu"

// hasAVX512 reports whether the processor and the operating system support
// the AVX-512 instructions minimizeAVX512 uses (VPMULLQ is AVX-512DQ).
var hasAVX512 = cpu.X86.HasAVX512F && cpu.X86.HasAVX512DQ

// minimize is minimizeGeneric, eight hash functions at a time in AVX-512
// registers where the processor has them: the same values, several times
// faster.
func minimize(mins *[Size]uint64, hashes []uint64) {
	if hasAVX512 {
		minimizeAVX512(mins, &seeds, hashes)
		return
	}
	minimizeGeneric(mins, hashes)
}

// minimizeAVX512 is minimizeGeneric with seeds passed in: the Size minimums
// live in 14 ZMM registers of eight lanes each while every shingle hash is
// broadcast, added to the seeds, mixed (splitmix64's finaliser, with VPMULLQ)
// and folded in with VPMINUQ.
//
//go:noescape
func minimizeAVX512(mins *[Size]uint64, seeds *[Size]uint64, hashes []uint64)

// hashShingles writes the hashes of the shingles that start at the first
// len(dst) of words (which holds ShingleWords-1 more) to dst, eight at a
// time where the processor has AVX-512, and returns how many it wrote: the
// rest are flush's.
func hashShingles(dst, words []uint64) int {
	if !hasAVX512 || len(dst) < 8 {
		return 0
	}
	n := len(dst) &^ 7
	_ = words[n+ShingleWords-2] // the words the vector code reads
	shinglesAVX512(dst[:n], words)
	return n
}

// shinglesAVX512 is hashShingles for a multiple of eight shingles: a shingle's
// hash is s = mix(s ^ word) over its words from s = 0, eight shingles in the
// lanes of one register.
//
//go:noescape
func shinglesAVX512(dst []uint64, words []uint64)
