//go:build amd64 && !purego

#include "textflag.h"

// func masksAVX512(dst *blockMask, text string, from, n int)
TEXT ·masksAVX512(SB), NOSPLIT, $0-40
	MOVQ dst+0(FP), DI
	MOVQ text_base+8(FP), SI
	MOVQ text_len+16(FP), DX
	MOVQ from+24(FP), AX
	MOVQ n+32(FP), R12
	MOVL $0x20, R8
	VPBROADCASTB R8, Z20 // the bit that lowers an ASCII letter's case
	MOVL $0x61, R8
	VPBROADCASTB R8, Z21 // 'a'
	MOVL $26, R8
	VPBROADCASTB R8, Z22

loop:
	TESTQ R12, R12
	JZ    done
	// R10: the bytes of this block that are in the text.
	MOVQ DX, CX
	SUBQ AX, CX
	JLE  empty
	MOVQ $-1, R10
	CMPQ CX, $64
	JAE  load
	MOVQ $1, R10
	SHLQ CX, R10
	DECQ R10

load:
	KMOVQ     R10, K1
	VMOVDQU8.Z (SI)(AX*1), K1, Z0 // bytes past the text are 0: no letter, not high
	VPMOVB2M  Z0, K2              // K2: bytes that are not ASCII
	VPORQ     Z20, Z0, Z1
	VPSUBB    Z21, Z1, Z1
	VPCMPUB   $1, Z22, Z1, K3     // K3: ASCII letters ((b|0x20)-'a' < 26; never a high byte)
	KORQ      K2, K3, K3
	KMOVQ     K3, R11
	MOVQ      R11, 0(DI)
	KMOVQ     K2, R11
	MOVQ      R11, 8(DI)
	JMP       next

empty:
	MOVQ $0, 0(DI)
	MOVQ $0, 8(DI)

next:
	ADDQ $64, AX
	ADDQ $16, DI
	DECQ R12
	JMP  loop

done:
	VZEROUPPER
	RET
