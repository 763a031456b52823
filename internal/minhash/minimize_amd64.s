//go:build amd64 && !purego

#include "textflag.h"

// ROUND folds the broadcast shingle hash in Z30 into the eight minimums in
// acc, for the eight hash functions whose seeds are at off(SI):
// acc = min(acc, mix(Z30 + seeds)), mix being splitmix64's finaliser
// (x ^= x>>30; x *= C1; x ^= x>>27; x *= C2; x ^= x>>31), C1 in Z14, C2 in Z15.
#define ROUND(off, acc) \
	VPADDQ  off(SI), Z30, Z16 \
	VPSRLQ  $30, Z16, Z17     \
	VPXORQ  Z17, Z16, Z16     \
	VPMULLQ Z14, Z16, Z16     \
	VPSRLQ  $27, Z16, Z17     \
	VPXORQ  Z17, Z16, Z16     \
	VPMULLQ Z15, Z16, Z16     \
	VPSRLQ  $31, Z16, Z17     \
	VPXORQ  Z17, Z16, Z16     \
	VPMINUQ Z16, acc, acc

// func minimizeAVX512(mins *[112]uint64, seeds *[112]uint64, hashes []uint64)
TEXT ·minimizeAVX512(SB), NOSPLIT, $0-40
	MOVQ mins+0(FP), DI
	MOVQ seeds+8(FP), SI
	MOVQ hashes_base+16(FP), BX
	MOVQ hashes_len+24(FP), CX
	TESTQ CX, CX
	JZ   none

	VMOVDQU64 0(DI), Z0
	VMOVDQU64 64(DI), Z1
	VMOVDQU64 128(DI), Z2
	VMOVDQU64 192(DI), Z3
	VMOVDQU64 256(DI), Z4
	VMOVDQU64 320(DI), Z5
	VMOVDQU64 384(DI), Z6
	VMOVDQU64 448(DI), Z7
	VMOVDQU64 512(DI), Z8
	VMOVDQU64 576(DI), Z9
	VMOVDQU64 640(DI), Z10
	VMOVDQU64 704(DI), Z11
	VMOVDQU64 768(DI), Z12
	VMOVDQU64 832(DI), Z13
	MOVQ $0xbf58476d1ce4e5b9, AX
	VPBROADCASTQ AX, Z14
	MOVQ $0x94d049bb133111eb, AX
	VPBROADCASTQ AX, Z15

loop:
	VPBROADCASTQ (BX), Z30
	ROUND(0, Z0)
	ROUND(64, Z1)
	ROUND(128, Z2)
	ROUND(192, Z3)
	ROUND(256, Z4)
	ROUND(320, Z5)
	ROUND(384, Z6)
	ROUND(448, Z7)
	ROUND(512, Z8)
	ROUND(576, Z9)
	ROUND(640, Z10)
	ROUND(704, Z11)
	ROUND(768, Z12)
	ROUND(832, Z13)
	ADDQ $8, BX
	DECQ CX
	JNZ  loop

	VMOVDQU64 Z0, 0(DI)
	VMOVDQU64 Z1, 64(DI)
	VMOVDQU64 Z2, 128(DI)
	VMOVDQU64 Z3, 192(DI)
	VMOVDQU64 Z4, 256(DI)
	VMOVDQU64 Z5, 320(DI)
	VMOVDQU64 Z6, 384(DI)
	VMOVDQU64 Z7, 448(DI)
	VMOVDQU64 Z8, 512(DI)
	VMOVDQU64 Z9, 576(DI)
	VMOVDQU64 Z10, 640(DI)
	VMOVDQU64 Z11, 704(DI)
	VMOVDQU64 Z12, 768(DI)
	VMOVDQU64 Z13, 832(DI)
	VZEROUPPER

none:
	RET

// MIX applies splitmix64's finaliser to the eight lanes of x, with C1 in Z14,
// C2 in Z15 and t for scratch.
#define MIX(x, t) \
	VPSRLQ  $30, x, t \
	VPXORQ  t, x, x   \
	VPMULLQ Z14, x, x \
	VPSRLQ  $27, x, t \
	VPXORQ  t, x, x   \
	VPMULLQ Z15, x, x \
	VPSRLQ  $31, x, t \
	VPXORQ  t, x, x

// func shinglesAVX512(dst []uint64, words []uint64)
TEXT ·shinglesAVX512(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ dst_len+8(FP), CX
	MOVQ words_base+24(FP), SI
	SHRQ $3, CX
	JZ   shnone
	MOVQ $0xbf58476d1ce4e5b9, AX
	VPBROADCASTQ AX, Z14
	MOVQ $0x94d049bb133111eb, AX
	VPBROADCASTQ AX, Z15

shloop:
	VMOVDQU64 0(SI), Z0
	MIX(Z0, Z1)
	VPXORQ    8(SI), Z0, Z0
	MIX(Z0, Z1)
	VPXORQ    16(SI), Z0, Z0
	MIX(Z0, Z1)
	VPXORQ    24(SI), Z0, Z0
	MIX(Z0, Z1)
	VPXORQ    32(SI), Z0, Z0
	MIX(Z0, Z1)
	VMOVDQU64 Z0, (DI)
	ADDQ $64, SI
	ADDQ $64, DI
	DECQ CX
	JNZ  shloop
	VZEROUPPER

shnone:
	RET
