//go:build amd64 && !purego

package asciifold

import "golang.org/x/sys/cpu"

// hasVector reports whether the processor and the operating system support
// the AVX-512 instructions prefix uses (byte masks: BW; VPCOMPRESSB: VBMI2).
var hasVector = cpu.X86.HasAVX512F && cpu.X86.HasAVX512BW && cpu.X86.HasAVX512VBMI2

// prefix is Prefix in AVX-512 registers, 64 bytes a step: each byte is
// classified (letter, digit, other) and mapped (lower case, itself, space),
// the bytes kept (alphanumeric, or the first of a run of others) are
// compressed together with VPCOMPRESSB and stored under a mask. It stops at
// the first byte that is not ASCII.
//
//go:noescape
func prefix(dst *byte, src string, space uint64) (read, written int, spaceAfter uint64)
