//go:build !amd64 || purego

package lexicon

// hasMaskVector is false where no vector code is written for the machine.
const hasMaskVector = false

// fillMasks sets masks[1:k+1] to the masks of the k blocks that follow the
// block at p (whose masks are masks[0]), k up to maskBatch, and returns k:
// the blocks, from p on, to be read. Blocks past the text's end have no
// bits.
func fillMasks(masks *[maskBatch + 1]blockMask, text string, p int) int {
	k := min((len(text)-p+63)/64, maskBatch)
	for b := 1; b <= k; b++ {
		masks[b] = blockMasksAt(text, p+64*b)
	}
	return k
}

// hasWordVector is false where no assembly is written for the machine.
const hasWordVector = false

func wordsBMI(masks *[maskBatch + 1]blockMask, nb int, text string, p int, tab *wordTable,
	slow *[maskBatch]uint64, carry uint64, sums *[2]uint64) (runs int, carryOut uint64) {
	panic("unreachable")
}
