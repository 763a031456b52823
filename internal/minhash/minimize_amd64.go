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
