//go:build amd64 && !purego

#include "textflag.h"

// func prefix(dst *byte, src string, space uint64) (read, written int, spaceAfter uint64)
TEXT ·prefix(SB), NOSPLIT, $0-56
	MOVQ dst+0(FP), DI
	MOVQ src_base+8(FP), SI
	MOVQ src_len+16(FP), CX
	MOVQ space+24(FP), DX
	XORQ R8, R8 // read
	XORQ R9, R9 // written
	MOVL $0x20, AX
	VPBROADCASTB AX, Z20 // ' ', and the bit that lowers an ASCII letter's case
	MOVL $0x61, AX
	VPBROADCASTB AX, Z21 // 'a'
	MOVL $26, AX
	VPBROADCASTB AX, Z22
	MOVL $0x30, AX
	VPBROADCASTB AX, Z23 // '0'
	MOVL $10, AX
	VPBROADCASTB AX, Z24

loop:
	// AX: the bytes of this step (a prefix mask); R11: stop after it.
	XORQ R11, R11
	MOVQ $-1, AX
	CMPQ CX, $64
	JAE  load
	TESTQ CX, CX
	JZ   done
	MOVQ $1, AX
	SHLQ CX, AX
	DECQ AX
	MOVQ $1, R11

load:
	KMOVQ AX, K1
	VMOVDQU8.Z (SI), K1, Z0
	VPMOVB2M Z0, K2
	KMOVQ K2, BX
	TESTQ BX, BX
	JZ   ascii
	// Only the bytes before the first that is not ASCII.
	MOVQ BX, R10
	NEGQ R10
	ANDQ BX, R10
	DECQ R10
	ANDQ R10, AX
	MOVQ $1, R11
	TESTQ AX, AX
	JZ   done

ascii:
	VPORQ   Z20, Z0, Z1          // Z1: letters in lower case
	VPSUBB  Z21, Z1, Z2
	VPCMPUB $1, Z22, Z2, K3      // K3: letters (Z1-'a' < 26)
	VPSUBB  Z23, Z0, Z3
	VPCMPUB $1, Z24, Z3, K4      // K4: digits (Z0-'0' < 10)
	VPBLENDMB Z0, Z20, K4, Z5    // digits as they are, the rest spaces
	VMOVDQU8 Z1, K3, Z5          // letters in lower case
	KORQ    K3, K4, K5
	KMOVQ   K5, BX
	ANDQ    AX, BX               // BX: alphanumeric bytes
	// Kept: the alphanumeric bytes, and each other byte whose previous byte
	// is alphanumeric (the first byte's previous is alphanumeric unless space).
	MOVQ BX, R10
	SHLQ $1, R10
	XORQ $1, DX
	ORQ  DX, R10
	ORQ  BX, R10
	ANDQ AX, R10
	KMOVQ R10, K6
	VPCOMPRESSB Z5, K6, Z6
	POPCNTQ R10, R12             // bytes written
	MOVQ $-1, R13
	CMPQ R12, $64
	JEQ  store
	MOVQ $1, R13
	MOVQ R12, CX
	SHLQ CX, R13
	DECQ R13
	MOVQ src_len+16(FP), CX
	SUBQ R8, CX

store:
	KMOVQ R13, K7
	VMOVDQU8 Z6, K7, (DI)
	POPCNTQ AX, R10              // bytes read
	// space: whether the last byte read is not alphanumeric.
	LEAQ -1(R10), R13
	XORL DX, DX
	BTQ  R13, BX
	SETCC DL
	ADDQ R10, SI
	ADDQ R10, R8
	SUBQ R10, CX
	ADDQ R12, DI
	ADDQ R12, R9
	TESTQ R11, R11
	JZ   loop

done:
	VZEROUPPER
	MOVQ R8, read+32(FP)
	MOVQ R9, written+40(FP)
	MOVQ DX, spaceAfter+48(FP)
	RET
