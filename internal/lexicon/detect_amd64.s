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

// RUNLENGTH takes the next run of BX: AX its offset o in the block, DI its
// length up to 64 (word>>o | next.word<<1<<(63-o)), R14 63-o.
#define RUNLENGTH \
	TZCNTQ BX, AX \
	BLSRQ  BX, BX \
	MOVL   $63, R14 \
	SUBL   AX, R14 \
	SHRXQ  AX, 0(R8), DI \
	SHLXQ  R14, 16(R8), R15 \
	SHLQ   $1, R15 \
	ORQ    R15, DI \
	NOTQ   DI \
	TZCNTQ DI, DI

// LOOKUP adds the run's val to R11 (ASCII letters at SI+AX, DI of them),
// or jumps to slow: at a length tab.slowLen marks (a longer stop word's, 64
// bytes or more), or fewer than eight bytes of text from the run's start. The key is the
// first eight bytes, lower-cased, cut to the run's length (0 past eight
// bytes); the slot's val counts where its key is the key, else 0.
#define LOOKUP(slow) \
	CMPB   24(R9)(DI*1), $0 \
	JNE    slow \
	LEAQ   (SI)(AX*1), R14 \
	CMPQ   R14, DX \
	JHI    slow \
	MOVQ   (R14), R14 \
	ANDQ   96(R9)(DI*8), R14 \
	ORQ    616(R9)(DI*8), R14 \
	MOVQ   R14, R15 \
	IMULQ  8(R9), R15 \
	SHRXQ  CX, R15, R15 \
	SHLQ   $4, R15 \
	XORL   DI, DI \
	CMPQ   0(R10)(R15*1), R14 \
	CMOVQEQ 8(R10)(R15*1), DI \
	ADDQ   DI, R11

// func wordsBMI(masks *[maskBatch + 1]blockMask, nb int, text string, p int, tab *wordTable,
//	slow *[maskBatch]uint64, carry uint64, sums *[2]uint64) (runs int, carryOut uint64)
//
// Registers: R8 the block's masks (word, high; the next block's at 16 and
// 24), SI the block's first byte, DX the last address an 8-byte load may
// start at, R9 tab, R10 its slots, CX its shift, R11 the block's vals, R12 the block's
// slow runs, R13 where they go, BX the runs still to read; AX a run's
// offset in the block, DI its length, R14 and R15 scratch. runs and
// carryOut are kept in their result slots.
TEXT ·wordsBMI(SB), NOSPLIT, $0-88
	MOVQ masks+0(FP), R8
	MOVQ text_base+16(FP), SI
	MOVQ text_len+24(FP), DX
	LEAQ -8(SI)(DX*1), DX
	ADDQ p+32(FP), SI
	MOVQ tab+40(FP), R9
	MOVQ 0(R9), R10
	MOVQ 16(R9), CX
	MOVQ slow+48(FP), R13
	MOVQ carry+56(FP), AX
	MOVQ AX, carryOut+80(FP)
	MOVQ $0, runs+72(FP)
	XORQ R11, R11
	CMPQ nb+8(FP), $0
	JEQ  done

block:
	// BX: the runs that start in the block (a byte in a word, the byte
	// before not); carryOut: the block's last byte is in one.
	MOVQ    0(R8), BX
	MOVQ    BX, DI
	SHLQ    $1, DI
	ORQ     carryOut+80(FP), DI
	MOVQ    BX, AX
	SHRQ    $63, AX
	MOVQ    AX, carryOut+80(FP)
	NOTQ    DI
	ANDQ    DI, BX
	POPCNTQ BX, DI
	ADDQ    DI, runs+72(FP)
	XORQ    R12, R12
	TESTQ   BX, BX
	JZ      endblock

	// A block with no byte outside ASCII, nor the next: runLetters, which
	// skips that test.
	MOVQ   8(R8), R14
	ORQ    24(R8), R14
	JZ     runLetters

run:
	RUNLENGTH
	// A byte that is not ASCII in the run: slow.
	SHRXQ  AX, 8(R8), R15
	SHLXQ  R14, 24(R8), R14
	SHLQ   $1, R14
	ORQ    R14, R15
	BZHIQ  DI, R15, R15
	JNZ    slow
	LOOKUP(slow)
	TESTQ  BX, BX
	JNZ    run
	JMP    endblock

slow:
	BTSQ  AX, R12
	TESTQ BX, BX
	JNZ   run
	JMP   endblock

runLetters:
	RUNLENGTH
	LOOKUP(slowLetters)
	TESTQ  BX, BX
	JNZ    runLetters
	JMP    endblock

slowLetters:
	BTSQ  AX, R12
	TESTQ BX, BX
	JNZ   runLetters

endblock:
	// The block's vals (a byte per combination) into sums' 16-bit fields:
	// the even bytes into sums[0], the odd into sums[1].
	MOVQ sums+64(FP), R14
	MOVQ $0x00FF00FF00FF00FF, R15
	MOVQ R11, DI
	ANDQ R15, DI
	ADDQ DI, 0(R14)
	SHRQ $8, R11
	ANDQ R15, R11
	ADDQ R11, 8(R14)
	XORQ R11, R11
	MOVQ R12, 0(R13)
	ADDQ $8, R13
	ADDQ $16, R8
	ADDQ $64, SI
	DECQ nb+8(FP)
	JNZ  block

done:
	RET
