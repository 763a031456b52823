package minhash

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// signDefinition is Sign written as the package doc defines it, one shingle
// and one hash function at a time: what the faster Sign must equal.
func signDefinition(words []string) Signature {
	var mins [Size]uint64
	for i := range mins {
		mins[i] = ^uint64(0)
	}
	n := max(len(words)-ShingleWords+1, 1)
	for start := range n {
		var s uint64
		for _, w := range words[start:min(start+ShingleWords, len(words))] {
			s = mix(s ^ fnv1a(w))
		}
		for i := range mins {
			mins[i] = min(mins[i], mix(s+uint64(i+1)*golden))
		}
	}
	var sig Signature
	for i, m := range mins {
		sig[i] = byte(m)
	}
	return sig
}

func TestSignMatchesDefinition(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	// Every length up to three batches (the shingles are hashed 64 at a
	// time), then longer texts.
	for n := range 3*batch + ShingleWords {
		ws := words(r, n, 50)
		if got, want := Sign(ws), signDefinition(ws); got != want {
			t.Fatalf("%d words: signature differs from the definition", n)
		}
	}
	for range 50 {
		ws := words(r, r.IntN(3000), 500)
		if got, want := Sign(ws), signDefinition(ws); got != want {
			t.Fatalf("%d words: signature differs from the definition", len(ws))
		}
	}
}

func TestMinimizeMatchesGeneric(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for n := range 200 {
		hashes := make([]uint64, n)
		for i := range hashes {
			hashes[i] = r.Uint64()
		}
		var got, want [Size]uint64
		for i := range got {
			got[i] = r.Uint64()
			want[i] = got[i]
		}
		minimize(&got, hashes)
		minimizeGeneric(&want, hashes)
		if got != want {
			t.Fatalf("%d hashes: minimize and minimizeGeneric differ", n)
		}
	}
}

func TestSignTextIsSignOfFields(t *testing.T) {
	pieces := []string{"a", "putin", "tiba", "é", "1", " ", " ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u2003",
		"\u3000", "\u0085", "\u200b", "\xe2", "\x80", "\xe2\x80", "\xff", "\u2028"}
	r := rand.New(rand.NewPCG(9, 10))
	for range 5000 {
		var b strings.Builder
		for range r.IntN(200) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		text := b.String()
		if got, want := SignText(text), Sign(strings.Fields(text)); got != want {
			t.Fatalf("SignText(%q) differs from Sign(strings.Fields(…))", text)
		}
	}
}

// TestSignTextLongTexts checks SignText on texts long enough for several of
// addFields' chunks: words and runs of ASCII white space cut anywhere, fields
// longer than a stream's range, and now and then white space beyond ASCII or
// a byte that starts it without being it, after which the exact loop goes on.
func TestSignTextLongTexts(t *testing.T) {
	pieces := []string{"presiden", "rusia", "a", "é", "2024", " ", " ", " ", " ", "  ", "\t", "\n", "\r\n", "\v\f",
		"\x00", "\x08", "\x0e", "\x1f", "!", "\x7f", "\x85", "\xa0"}
	rare := []string{"\u00a0", "\u2003", "\u3000", "\u0085", "\u2028", "\u00e9", "\u1e00", "\u3042", "\xe2", "\xc2"}
	r := rand.New(rand.NewPCG(13, 14))
	for n := range 400 {
		var b strings.Builder
		for b.Len() < n*20 {
			switch k := r.IntN(1000); {
			case k == 0:
				b.WriteString(rare[r.IntN(len(rare))])
			case k < 4:
				b.WriteString(strings.Repeat("x", 200+r.IntN(400))) // a field longer than a range
			default:
				b.WriteString(pieces[r.IntN(len(pieces))])
			}
		}
		text := b.String()
		if got, want := SignText(text), Sign(strings.Fields(text)); got != want {
			t.Fatalf("SignText of a text of %d bytes differs from Sign(strings.Fields(…)): %q", len(text), text)
		}
	}
}

// BenchmarkSignText signs 570 texts of 350 words of 3 to 10 letters, about
// the bodies of one copy of the Indonesian sets (1.4 MB): MB/s of text.
func BenchmarkSignText(b *testing.B) {
	r := rand.New(rand.NewPCG(11, 12))
	texts := make([]string, 570)
	size := 0
	for i := range texts {
		ws := make([]string, 350)
		for j := range ws {
			w := make([]byte, 3+r.IntN(8))
			for k := range w {
				w[k] = byte('a' + r.IntN(26))
			}
			ws[j] = string(w)
		}
		texts[i] = strings.Join(ws, " ")
		size += len(texts[i])
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			SignText(t)
		}
	}
}
