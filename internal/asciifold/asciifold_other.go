//go:build !amd64 || purego

package asciifold

// hasVector is false where no vector code is written for the machine.
const hasVector = false

func prefix(dst *byte, src string, space uint64) (read, written int, spaceAfter uint64) {
	return 0, 0, space
}
