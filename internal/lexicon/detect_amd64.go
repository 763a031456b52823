//go:build amd64 && !purego

package lexicon

import "golang.org/x/sys/cpu"

// hasMaskVector reports whether the processor and the operating system
// support the AVX-512 instructions masksAVX512 uses (byte compares into
// mask registers: BW).
var hasMaskVector = cpu.X86.HasAVX512F && cpu.X86.HasAVX512BW

// fillMasks sets masks[1:k+1] to the masks of the k blocks that follow the
// block at p (whose masks are masks[0]), k up to maskBatch, and returns k:
// the blocks, from p on, to be read. Blocks past the text's end have no
// bits. With AVX-512 each block is one load and three vector instructions
// (masksAVX512); else blockMasks reads eight bytes at a time.
func fillMasks(masks *[maskBatch + 1]blockMask, text string, p int) int {
	k := min((len(text)-p+63)/64, maskBatch)
	if hasMaskVector {
		masksAVX512(&masks[1], text, p+64, k)
		return k
	}
	for b := 1; b <= k; b++ {
		masks[b] = blockMasksAt(text, p+64*b)
	}
	return k
}

// masksAVX512 writes the masks of n blocks of text from byte from on (fewer
// bytes, or none, at the text's end) to dst[0:n]: blockMasksAt for each,
// with a masked load for the last, partial block.
//
//go:noescape
func masksAVX512(dst *blockMask, text string, from, n int)

// hasWordVector reports whether the processor has the bit instructions
// wordsBMI uses (TZCNT, BLSR: BMI1; SHRX, SHLX, BZHI: BMI2; POPCNT), with
// or without AVX-512 for the masks.
var hasWordVector = cpu.X86.HasBMI1 && cpu.X86.HasBMI2 && cpu.X86.HasPOPCNT

// wordsBMI is stopwordIndex.words in assembly for a table that counts in
// bytes (not wide), with a word whose eight bytes from its start are not all
// in the text marked slow: the Go compiler kept too few of the loop's values
// in registers.
//
//go:noescape
func wordsBMI(masks *[maskBatch + 1]blockMask, nb int, text string, p int, tab *wordTable,
	slow *[maskBatch]uint64, carry uint64, sums *[2]uint64) (runs int, carryOut uint64)
