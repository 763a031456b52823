package rules

import (
	"math/bits"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/lexicon"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// The duplicate rules' shared helpers were rewritten for speed; these tests
// pin each to the simple form it replaced, on random text made of the pieces
// that matter to it (separators, credits, white space of every kind, bytes
// that are not UTF-8).

// randomText joins n pieces drawn from pieces.
func randomText(r *rand.Rand, pieces []string, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

var titlePieces = []string{
	"Putin", "tiba", "di", "Pyongyang", "Kompas.com", "detikSport", "BMKG", "news", "F1", "a", "É", "ê",
	" ", " ", " ", "  ", "\t", "\u00a0", "\u2003", "\u200b", "\ufeff", "\u0085",
	" | ", " - ", " – ", " — ", " :: ", "-", "|", ":", ".", "!", "?", ",", "\"", "“", "”", "'",
	"(static.euronews.com)", " (antaranews.com)", "(", ")", "www.detik.com", "laporan.pdf",
	"\xe2", "\x80", "\x83", "\xe2\x80", "\xff", "\u2028",
}

// oneSiteSuffixLenBefore is oneSiteSuffixLen as it was before it looked for
// separators only among the last words: the last of each separator anywhere.
func oneSiteSuffixLenBefore(line string, sites *lexicon.List) int {
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: "} {
		i := strings.LastIndex(line, sep)
		if i <= 0 {
			continue
		}
		if n := siteSuffixAt(line, i, sep, sites); n > 0 {
			return n
		}
	}
	return 0
}

// normalizeTitleBefore is normalizeTitle as it was before it wrote through a
// table into a shared buffer.
func normalizeTitleBefore(s string) string {
	s = strings.TrimSpace(s)
	if n := creditLen(s); n > 0 {
		s = strings.TrimSpace(s[:len(s)-n])
	}
	if n := siteSuffixLen(s); n > 0 {
		s = s[:len(s)-n]
	}
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			default:
				space = true
				continue
			}
			if space && len(b) > 0 {
				b = append(b, ' ')
			}
			space = false
			b = append(b, c)
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		r = unicode.ToLower(r)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			space = true
			continue
		}
		if space && len(b) > 0 {
			b = append(b, ' ')
		}
		space = false
		b = utf8.AppendRune(b, r)
	}
	return string(b)
}

func TestNormalizeTitleUnchanged(t *testing.T) {
	r := rand.New(rand.NewPCG(6, 9))
	pieces := append([]string{"presiden", "rusia", "tiba di", "2024", "z", "9", "{", "`", "@", "/", ":", "[", "Z", "A", "0",
		"kunjungan pertamanya ke korea utara", "Ⱥ", "İ", "ǅ", "Σ", "ς", "٣", "\u0301", "中", "\U0001F600"}, titlePieces...)
	for range 50000 {
		s := randomText(r, pieces, r.IntN(20))
		if got, want := normalizeTitle(s), normalizeTitleBefore(s); got != want {
			t.Fatalf("normalizeTitle(%q) = %q, was %q", s, got, want)
		}
		prefix := "abc"
		if got := string(appendFoldedTitle([]byte(prefix), s)); got != prefix+normalizeTitleBefore(s) {
			t.Fatalf("appendFoldedTitle(%q, %q) = %q", prefix, s, got)
		}
	}
}

func TestLastWordsStart(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 9))
	for range 20000 {
		s := randomText(r, titlePieces, r.IntN(14))
		for n := range 5 {
			e := lastWordsStart(s, n)
			if got := countWords(s[e:], 1<<30); e > 0 && got > n {
				t.Fatalf("lastWordsStart(%q, %d) = %d leaves %d words", s, n, e, got)
			}
			for i := 0; i < e; i++ {
				if got := countWords(s[i:], 1<<30); got <= n {
					t.Fatalf("lastWordsStart(%q, %d) = %d, but from %d there are only %d words", s, n, e, i, got)
				}
			}
		}
	}
}

func TestOneSiteSuffixLenUnchanged(t *testing.T) {
	packs, err := lexicon.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	sites := packs.Union("site-names")
	r := rand.New(rand.NewPCG(2, 9))
	for range 50000 {
		s := randomText(r, titlePieces, r.IntN(20))
		for _, l := range []*lexicon.List{nil, sites} {
			if got, want := oneSiteSuffixLen(s, l), oneSiteSuffixLenBefore(s, l); got != want {
				t.Fatalf("oneSiteSuffixLen(%q) = %d, was %d", s, got, want)
			}
		}
	}
}

// linePieces make lines of an article: blank ones, ones of white space or
// punctuation only, and lines of words.
var linePieces = append([]string{"\n", "\n", "\n\n", "\r\n", " \n", "\u200b\n", "\ufeff"}, titlePieces...)

func TestFoldedLines(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 9))
	for range 5000 {
		d := document.Parse("a.txt", []byte(randomText(r, linePieces, r.IntN(200))))
		p := rule.NewPass(SameBody, d, nil, nil, nil, nil)
		for i := range d.Lines {
			if got, want := foldedLine(p, i), normalizeTitleBefore(d.LineText(i)); got != want {
				t.Fatalf("line %d %q: folded %q, normalizeTitle %q", i, d.LineText(i), got, want)
			}
			ls := trimmedLine(d, i)
			if got, want := foldedTrimmedLine(p, i, ls), normalizeTitleBefore(d.Slice(ls)); got != want {
				t.Fatalf("line %d %q trimmed: folded %q, normalizeTitle %q", i, d.Slice(ls), got, want)
			}
		}
		if got, want := buildBody(p), buildBodyBefore(d); got != want {
			t.Fatalf("%q: body %+v, was %+v", d.Text, got, want)
		}
	}
}

// buildBodyBefore is buildBody as it was before the folded lines were shared.
func buildBodyBefore(d *document.Document) body {
	lines := d.NonBlankLines()
	if len(lines) == 0 {
		return body{}
	}
	from := 0
	if len(lines) > 1 {
		from = lines[1]
	}
	var b strings.Builder
	for _, i := range lines {
		if i >= from {
			if n := normalizeTitleBefore(d.LineText(i)); n != "" {
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(n)
			}
		}
	}
	text := b.String()
	if wordCount(text) < minBodyWords {
		return body{}
	}
	return body{text: text, sum: sumOf([]byte(text)), ok: true,
		first: trimSpan(d.Text, d.Lines[from].Span)}
}

func TestFoldedWordCount(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 9))
	for range 20000 {
		s := normalizeTitleBefore(randomText(r, titlePieces, r.IntN(20)))
		if got, want := foldedWordCount(s), wordCount(s); got != want {
			t.Fatalf("%q: %d words, wordCount %d", s, got, want)
		}
	}
}

func TestWordSetsJaccard(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 9))
	vocab := []string{"a", "b", "c", "d", "e", "f", "putin", "tiba", "di", "pyongyang", "é", "1", "22"}
	line := func() string {
		ws := make([]string, 1+r.IntN(30))
		for i := range ws {
			ws[i] = vocab[r.IntN(len(vocab))]
		}
		return strings.Join(ws, " ")
	}
	mapSet := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, w := range strings.Fields(s) {
			m[w] = true
		}
		return m
	}
	for range 2000 {
		var sets wordSets
		var lines []string
		var ids []lineWords
		for range 1 + r.IntN(10) {
			l := line()
			lines = append(lines, l)
			ids = append(ids, sets.add(l))
		}
		for i := range lines {
			a := mapSet(lines[i])
			if ids[i].len() != len(a) {
				t.Fatalf("%q: %d distinct words, want %d", lines[i], ids[i].len(), len(a))
			}
			for j := range lines {
				b := mapSet(lines[j])
				inter := 0
				for w := range a {
					if b[w] {
						inter++
					}
				}
				want := float64(inter) / float64(len(a)+len(b)-inter)
				if got := sets.jaccard(ids[i], ids[j]); got != want {
					t.Fatalf("jaccard(%q, %q) = %v, want %v", lines[i], lines[j], got, want)
				}
				pa := paragraph{text: lines[i], words: foldedWordCount(lines[i]), bloom: wordBloom(lines[i])}
				pb := paragraph{text: lines[j], words: foldedWordCount(lines[j]), bloom: wordBloom(lines[j])}
				for _, threshold := range []float64{0.5, 0.6, 0.75, 0.8, 0.9, 0.95, 1} {
					if want >= threshold && !mayBeSimilar(&pa, &pb, threshold) {
						t.Fatalf("mayBeSimilar(%q, %q, %v) is false at similarity %v", lines[i], lines[j], threshold, want)
					}
				}
			}
		}
	}
}

// oldWordBloom is wordBloom as it was: one byte at a time.
func oldWordBloom(folded string) uint64 {
	var bloom uint64
	for from := 0; from < len(folded); {
		end, h := from, uint64(0)
		for ; end < len(folded) && folded[end] != ' '; end++ {
			h = bits.RotateLeft64(h, 8) ^ uint64(folded[end])
		}
		if end > from {
			bloom |= 1 << slot(h, 64-6)
		}
		from = end + 1
	}
	return bloom
}

func TestWordBloomUnchanged(t *testing.T) {
	pieces := []string{"a", "kata", "pemerintahannya", "é", "1", " ", " ", "  ", "\t", "\u00a0", "\xff", "!",
		strings.Repeat("x", 17), "abcdefgh", "abcdefghi", "\x00", "\x80", "\x9f", "\x1f", "!"}
	r := rand.New(rand.NewPCG(21, 22))
	for range 20000 {
		text := randomText(r, pieces, r.IntN(40))
		if got, want := wordBloom(text), oldWordBloom(text); got != want {
			t.Fatalf("wordBloom(%q) = %x, was %x", text, got, want)
		}
	}
}
