//go:build amd64 && !purego

#include "textflag.h"

// Registers of fieldsAVX512:
//   Z0  the eight lanes' next eight bytes (gathered)
//   Z1  one byte of each lane, zero-extended    Z2  scratch
//   Z3  the lanes' FNV-1a hashes                 Z4  h ^ c, then times the prime
//   Z5  the ASCII white space bits (9–13, 32)    Z6  ones
//   Z7  FNV-1a's prime                           Z8  FNV-1a's offset basis
//   Z9  gather offsets (lane × stride)           Z10–Z17 byte t of each lane, for VPERMB
//   K1  byte 0 of each lane                      K3, K4 this byte blank / the last one blank

// STEP hashes byte t of every lane: it stores the hashes before the byte to
// row t and the lanes where the byte ends a field (blank after a non-blank)
// to emask byte t, then h = blank ? offset : (h ^ c) * prime.
#define STEP(t, idx, kcur, kprev) \
	VPERMB.Z  Z0, idx, K1, Z1      \
	VPSRLVQ   Z1, Z5, Z2           \
	VPTESTMQ  Z6, Z2, kcur         \
	VPXORQ    Z1, Z3, Z4           \
	VPMULLQ   Z7, Z4, Z4           \
	VMOVDQU64 Z3, (t*64)(DI)       \
	KANDNB    kcur, kprev, K5      \
	KMOVB     K5, t(SI)            \
	VPBLENDMQ Z8, Z4, kcur, Z3

// func fieldsAVX512(stage *byte, blocks int, rows *uint64, emask *byte, masks *uint64, perm *byte)
TEXT ·fieldsAVX512(SB), NOSPLIT, $0-48
	MOVQ stage+0(FP), BX
	MOVQ blocks+8(FP), CX
	MOVQ rows+16(FP), DI
	MOVQ emask+24(FP), SI
	MOVQ masks+32(FP), R8
	MOVQ perm+40(FP), R9

	MOVQ $0x0101010101010101, AX
	KMOVQ AX, K1
	MOVQ $0x100003e00, AX
	VPBROADCASTQ AX, Z5
	MOVQ $1, AX
	VPBROADCASTQ AX, Z6
	MOVQ $0x100000001b3, AX
	VPBROADCASTQ AX, Z7
	MOVQ $0xcbf29ce484222325, AX
	VPBROADCASTQ AX, Z8
	VMOVDQA64 Z8, Z3
	VMOVDQU64 0(R9), Z9
	VMOVDQU64 64(R9), Z10
	VMOVDQU64 128(R9), Z11
	VMOVDQU64 192(R9), Z12
	VMOVDQU64 256(R9), Z13
	VMOVDQU64 320(R9), Z14
	VMOVDQU64 384(R9), Z15
	VMOVDQU64 448(R9), Z16
	VMOVDQU64 512(R9), Z17
	KXNORB K4, K4, K4 // before the first byte: as after a blank
	MOVQ SI, R10      // emask's start, for the masks

block:
	KXNORB K2, K2, K2
	VPGATHERQQ (BX)(Z9*1), K2, Z0
	STEP(0, Z10, K3, K4)
	STEP(1, Z11, K4, K3)
	STEP(2, Z12, K3, K4)
	STEP(3, Z13, K4, K3)
	STEP(4, Z14, K3, K4)
	STEP(5, Z15, K4, K3)
	STEP(6, Z16, K3, K4)
	STEP(7, Z17, K4, K3)
	ADDQ $8, BX
	ADDQ $512, DI
	ADDQ $8, SI
	DECQ CX
	JNZ  block

	// masks[k*fieldGroups+g] = the steps of group g (64 bytes of emask)
	// where lane k ends a field: bit k of each byte.
	MOVQ blocks+8(FP), CX
	ADDQ $7, CX
	SHRQ $3, CX // groups of 64 steps
group:
	VMOVDQU8 (R10), Z18
	MOVL $1, AX
	VPBROADCASTB AX, Z19
	VPTESTMB Z19, Z18, K6
	KMOVQ K6, 0(R8)
	VPADDB Z19, Z19, Z19
	VPTESTMB Z19, Z18, K6
	KMOVQ K6, 40(R8)
	VPADDB Z19, Z19, Z19
	VPTESTMB Z19, Z18, K6
	KMOVQ K6, 80(R8)
	VPADDB Z19, Z19, Z19
	VPTESTMB Z19, Z18, K6
	KMOVQ K6, 120(R8)
	VPADDB Z19, Z19, Z19
	VPTESTMB Z19, Z18, K6
	KMOVQ K6, 160(R8)
	VPADDB Z19, Z19, Z19
	VPTESTMB Z19, Z18, K6
	KMOVQ K6, 200(R8)
	VPADDB Z19, Z19, Z19
	VPTESTMB Z19, Z18, K6
	KMOVQ K6, 240(R8)
	VPADDB Z19, Z19, Z19
	VPTESTMB Z19, Z18, K6
	KMOVQ K6, 280(R8)
	ADDQ $64, R10
	ADDQ $8, R8
	DECQ CX
	JNZ  group
	VZEROUPPER
	RET
