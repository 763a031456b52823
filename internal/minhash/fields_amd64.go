//go:build amd64 && !purego

package minhash

import (
	"encoding/binary"
	"math/bits"
	"strings"
)

// Word hashing in vector lanes. FNV-1a is one multiplication after another
// along a word, so hashing one word at a time waits on each, and the branch
// that ends a word at the next space is mispredicted at most words' ends.
// Where the processor has AVX-512, addFields instead cuts the text at ASCII
// white space into chunks of up to eight ranges of at most streamBytes bytes
// and fieldsAVX512 hashes the ranges side by side, one in each lane of a
// vector register, a byte of each lane a step, without a branch. That holds
// up to the first byte that may start a white-space rune beyond ASCII (see
// blankRuneStarts); from there on addFieldsExact decodes runes.
const (
	vectorLanes = 8
	streamBytes = 256
	laneSteps   = streamBytes + 8 // a range's bytes, a blank after them, rounded up to eight
	laneStride  = laneSteps + 8   // a lane's bytes in laneState.stage
	laneGroups  = (laneSteps + 63) / 64
)

// blankRuneStarts holds the bytes that start every white-space rune beyond
// ASCII in UTF-8 (U+0085 and U+00A0; U+1680; U+2000–U+200A, U+2028, U+2029,
// U+202F and U+205F; U+3000). Any other byte of 0x80 or more is part of a
// field, whatever rune it belongs to.
var blankRuneStarts = [...]byte{0xc2, 0xe1, 0xe2, 0xe3}

// addFields adds the hashes of text's fields: SignText's loop.
func (s *signer) addFields(text string) {
	if !hasAVX512 {
		s.addFieldsExact(text)
		return
	}
	// Up to the last ASCII white space before the first byte that may start
	// white space beyond ASCII, ASCII white space alone separates fields.
	ascii := len(text)
	for _, c := range blankRuneStarts {
		if i := strings.IndexByte(text[:ascii], c); i >= 0 {
			ascii = i
		}
	}
	if ascii < len(text) {
		for ascii > 0 && !isASCIISpace(text[ascii]) {
			ascii--
		}
	}
	for i := 0; i < ascii; {
		// Ranges of streamBytes, or less to share the rest of the text out
		// evenly.
		var ends [vectorLanes]int
		n, a := 0, i
		step := min(streamBytes, max((ascii-i)/vectorLanes+1, 32))
		for n < vectorLanes && a < ascii {
			b := rangeEnd(text[:ascii], a, step)
			if b == a {
				break // a field longer than a range
			}
			ends[n], a = b, b
			n++
		}
		if n == 0 {
			// A field of more than streamBytes: to the next white space
			// after it, one field at a time.
			end := i + streamBytes
			for end < ascii && !isASCIISpace(text[end]) {
				end++
			}
			s.addFieldsExact(text[i:end])
			i = end
			continue
		}
		s.hashLanes(text, i, ends[:n])
		i = a
	}
	s.addFieldsExact(text[ascii:])
}

// isASCIISpace reports whether c is ASCII white space.
func isASCIISpace(c byte) bool { return c < 0x80 && asciiSpace[c] }

// rangeEnd returns where a range of text from a ends: at the end of text if
// that is at most step bytes on, else at the last white space byte within
// step bytes, else within streamBytes; a if there is none.
func rangeEnd(text string, a, step int) int {
	for _, l := range [2]int{step, streamBytes} {
		b := a + l
		if b >= len(text) {
			return len(text)
		}
		for b > a && !isASCIISpace(text[b]) {
			b--
		}
		if b > a {
			return b
		}
	}
	return a
}

// laneState is what fieldsAVX512 reads and writes: the ranges copied one
// after another and padded with spaces (lane k's bytes at k*laneStride), the
// lanes' hashes before each byte (rows), the lanes that end a field at each
// byte (a bit each in emask) and, from those, the bytes at which each lane
// ends a field (masks[k][g], bit t: byte 64g+t).
type laneState struct {
	stage [vectorLanes * laneStride]byte
	rows  [laneSteps][vectorLanes]uint64
	emask [laneGroups * 64]byte
	masks [vectorLanes][laneGroups]uint64
}

// lanePerm holds fieldsAVX512's constants: the gather offsets of the lanes
// (eight little-endian uint64), then for each byte t of eight the VPERMB
// indexes that bring byte t of each lane's eight to the lane's first byte.
var lanePerm = func() (p [9 * 64]byte) {
	for k := range vectorLanes {
		binary.LittleEndian.PutUint64(p[8*k:], uint64(k*laneStride))
		for t := range 8 {
			p[64*(t+1)+8*k] = byte(8*k + t)
		}
	}
	return p
}()

// spaces pads the lanes.
var spaces = strings.Repeat(" ", laneSteps)

// hashLanes adds the hashes of the fields of the ranges text[i:ends[0]],
// text[ends[0]:ends[1]], … (at most vectorLanes, each of at most streamBytes
// bytes, ending where a field ends and holding no white space beyond ASCII),
// in order, hashing them side by side.
func (s *signer) hashLanes(text string, i int, ends []int) {
	ls := &s.lanes
	longest := 0
	for k := range vectorLanes {
		lane := ""
		if k < len(ends) {
			lane = text[i:ends[k]]
			i = ends[k]
		}
		longest = max(longest, len(lane))
		at := k * laneStride
		copy(ls.stage[at:], lane)
		copy(ls.stage[at+len(lane):at+laneSteps], spaces)
	}
	blocks := (longest + 8) / 8 // a blank at least after the longest
	groups := (blocks + 7) / 8
	clear(ls.emask[blocks*8 : groups*64])
	fieldsAVX512(&ls.stage[0], blocks, &ls.rows[0][0], &ls.emask[0], &ls.masks[0][0], &lanePerm[0])
	for k := range ends {
		for g := range groups {
			for m := ls.masks[k][g]; m != 0; m &= m - 1 {
				s.addWord(ls.rows[g*64+bits.TrailingZeros64(m)][k])
			}
		}
	}
}

// fieldsAVX512 hashes blocks×8 bytes of each of the eight lanes of stage
// (FNV-1a of each field, fields separated by ASCII white space), writing the
// lanes' hashes before each byte to rows, and to masks the bytes at which
// each lane ends a field.
//
//go:noescape
func fieldsAVX512(stage *byte, blocks int, rows *uint64, emask *byte, masks *uint64, perm *byte)
