//go:build linux

package lexicon

import (
	"math/rand/v2"
	"syscall"
	"testing"
	"unsafe"
)

// TestDetectReadsNoFurther puts texts at the very end of a page followed by
// a page that cannot be read: a load past a text's last byte (the 8-byte
// word loads, the vector loads of the last block) crashes the test.
func TestDetectReadsNoFurther(t *testing.T) {
	page := syscall.Getpagesize()
	mem, err := syscall.Mmap(-1, 0, 2*page, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		t.Skip("mmap:", err)
	}
	defer syscall.Munmap(mem)
	if err := syscall.Mprotect(mem[page:], syscall.PROT_NONE); err != nil {
		t.Skip("mprotect:", err)
	}
	sets := detectSets(t)
	rng := rand.New(rand.NewPCG(7, 8))
	rounds := 2000
	if raceEnabled {
		rounds = 300
	}
	for i := range rounds {
		text := randomText(rng, rng.IntN(page))
		if i%3 == 0 {
			text = text[:len(text)-rng.IntN(min(len(text), 9)+1)] // any length, not only a piece's end
		}
		if len(text) > page {
			text = text[:page]
		}
		at := page - len(text)
		copy(mem[at:page], text)
		guarded := unsafe.String(unsafe.SliceData(mem[at:]), len(text))
		for name, s := range sets {
			checkDetect(t, name, s, guarded)
		}
	}
}
