package document

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/finding"
)

// The fast paths of the document model (byte scans, ASCII tables) must
// answer exactly as the rune-by-rune code they replaced (reference_test.go):
// these tests compare the two on tricky text, on every rune, and under the
// fuzzer (go test ./internal/document -fuzz FuzzFastPaths).

// abbrs is a small abbreviation list for the comparisons.
type abbrs map[string]bool

func (a abbrs) IsAbbreviation(tok string) bool { return a[tok] }

var testAbbrs = abbrs{"Jl.": true, "No.": true, "dkk.": true, "U.S.": true, "Prof.": true, "Dr.": true}

var fastSeeds = []string{
	"", "a", ".", "…", "\xe2\x80", "\xe2\x80\xa6", "a\xe2\x80\xa6 B", "Jl. Sudirman No. 10. U.S. officials.\n\u00a0\n",
	"Judul\r\n\r\nIsi “kutipan” — ya.\r\n", "\xef\xbb\xbfx\ny", "a\rb\n\nc\xff\xfe", "Kata-kata O’Neil dan Kompas.com, 10.30 WIB. “Ya!” Lalu?!",
	"Satu.\u2028Dua. \u00a0Tiga…\u3000Empat.", "(Jl. Merdeka) Ia pergi. A. B. Cd. É. É.F. x.É. 'Ya.' -- Tidak.",
	"naïve café\u0301 ٣٤ x\u0300y Ωmega. Ölçü. 1.500 orang.\t\v\f\x85Lagi.", "tok.\xff Next. a\xe2\x80\xa6\xe2\x80\xa6) B",
	"U.S\xe2. X", "“Ya.” Kata dia.", "A.\u00a0B", "kata ... Lagi", "x\r\ny\rz\n",
}

// reversed returns s backwards.
func reversed(s []int) []int {
	out := slices.Clone(s)
	slices.Reverse(out)
	return out
}

// shuffled returns s in a fixed pseudo-random order.
func shuffled(s []int) []int {
	out := slices.Clone(s)
	rand.New(rand.NewPCG(uint64(len(s)), 1)).Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// refSegment is Segment done by the reference code, paragraph by paragraph.
func refSegment(d *Document, a Abbreviations) []finding.Span {
	var out []finding.Span
	for _, p := range d.Paragraphs {
		out = refAppendSentences(out, d.Text, p.Span, a)
	}
	return out
}

func checkFast(t *testing.T, text string) {
	t.Helper()
	// Lines, line ends and invalid runs.
	d := ParseString("x.txt", text)
	lines, eol := splitAnyEnding(d.Text) // what every text went through before the LF fast path
	if !reflect.DeepEqual(d.Lines, lines) || d.LineEnding != eol {
		t.Fatalf("lines of %q: got %v %v, want %v %v", text, d.Lines, d.LineEnding, lines, eol)
	}
	if got, want := d.InvalidUTF8, invalidRuns(d.Text); !reflect.DeepEqual(got, want) {
		t.Fatalf("invalid runs of %q: got %v, want %v", text, got, want)
	}
	for i := range d.Lines {
		if got, want := IsBlank(d.LineText(i)), refIsBlank(d.LineText(i)); got != want {
			t.Fatalf("IsBlank(%q) = %v, want %v", d.LineText(i), got, want)
		}
		if d.LineIndex(d.Lines[i].Start) != i && d.Lines[i].Start != d.Lines[max(i-1, 0)].Start {
			t.Fatalf("LineIndex(%d) = %d, want %d", d.Lines[i].Start, d.LineIndex(d.Lines[i].Start), i)
		}
	}
	// Sentences, with and without abbreviations.
	for _, a := range []Abbreviations{nil, testAbbrs} {
		if got, want := ParseString("x.txt", text).Segment(a), refSegment(d, a); !reflect.DeepEqual(got, want) {
			t.Fatalf("sentences of %q: got %v, want %v", text, got, want)
		}
	}
	t2 := d.Text
	for i := 0; i <= len(t2); i++ {
		if got, want := TokenBefore(t2, i), refTokenBefore(t2, i); got != want {
			t.Fatalf("TokenBefore(%q, %d) = %q, want %q", t2, i, got, want)
		}
		for j := i; j <= len(t2) && j < i+8; j++ {
			if i < len(t2) {
				if got, want := IsBoundary(t2, i, j, testAbbrs), refIsBoundary(t2, i, j, testAbbrs); got != want {
					t.Fatalf("IsBoundary(%q, %d, %d) = %v, want %v", t2, i, j, got, want)
				}
			}
			w, ok := nextWord(t2, i, j)
			rw, rok := refNextWord(t2, i, j)
			if w != rw || ok != rok {
				t.Fatalf("nextWord(%q, %d, %d) = %v %v, want %v %v", t2, i, j, w, ok, rw, rok)
			}
		}
		w, ok := nextWord(t2, i, len(t2))
		rw, rok := refNextWord(t2, i, len(t2))
		if w != rw || ok != rok {
			t.Fatalf("nextWord(%q, %d) = %v %v, want %v %v", t2, i, w, ok, rw, rok)
		}
	}
	for i := 0; i <= len(t2); i++ {
		for _, j := range []int{i, i + 1, i + 7, i + 8, i + 9, i + 17, len(t2)} {
			if j < i || j > len(t2) {
				continue
			}
			r, u := countUnits(t2[i:j])
			rr, ru := refCountUnits(t2[i:j])
			if r != rr || u != ru {
				t.Fatalf("countUnits(%q) = %d, %d, want %d, %d", t2[i:j], r, u, rr, ru)
			}
		}
	}
	for i := 0; i <= len(t2); i++ {
		if got, want := asciiPrefix(t2[i:]), refASCIIPrefix(t2[i:]); got != want {
			t.Fatalf("asciiPrefix(%q) = %d, want %d", t2[i:], got, want)
		}
	}
	// Positions, in the order findings resolve them and in others: every
	// answer must be the definition, whatever was asked before (an offset
	// inside a character included, which the code before answered by what
	// it had counted last), and on rune boundaries the code before's.
	n := len(t2)
	var all, onRunes []int
	for off := -1; off <= n+1; off++ {
		all = append(all, off)
		if off < 0 || off >= n || utf8.RuneStart(t2[off]) {
			onRunes = append(onRunes, off)
		}
	}
	for _, offs := range [][]int{all, onRunes} {
		boundaries := len(offs) == len(onRunes) // every offset on a rune boundary
		for _, order := range [][]int{offs, reversed(offs), shuffled(offs)} {
			pd := ParseString("x.txt", text)
			before := refPositioner{d: pd}
			for _, off := range order {
				got := pd.Position(off)
				if want := before.position(off); boundaries && got != want {
					t.Fatalf("Position(%d) of %q = %+v, the code before says %+v", off, text, got, want)
				}
				if want := refPosition(pd, off); got != want {
					t.Fatalf("Position(%d) of %q = %+v, want %+v", off, text, got, want)
				}
			}
		}
	}
	for _, tok := range strings.FieldsFunc(t2, unicode.IsSpace) {
		for _, s := range []string{tok, strings.TrimSuffix(tok, ".")} {
			if got, want := IsInitial(s), refIsInitial(s); got != want {
				t.Fatalf("IsInitial(%q) = %v, want %v", s, got, want)
			}
		}
	}
}

func TestFastPathsMatchReference(t *testing.T) {
	for _, s := range fastSeeds {
		checkFast(t, s)
	}
	for _, s := range []string{"", "A", "É", "a", "U.S", "U.S.A", "J.R", ".", "A.", ".A", "A..B", "\xff", "\xc3", "ÉÉ", "AB"} {
		if got, want := IsInitial(s), refIsInitial(s); got != want {
			t.Fatalf("IsInitial(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestIsWordRuneEveryRune(t *testing.T) {
	for r := rune(-2); r <= unicode.MaxRune+2; r++ {
		if IsWordRune(r) != refIsWordRune(r) {
			t.Fatalf("IsWordRune(%U) = %v", r, IsWordRune(r))
		}
		if r < 0x3100 && isSpace(r) != unicode.IsSpace(r) {
			t.Fatalf("isSpace(%U) = %v", r, isSpace(r))
		}
	}
}

// TestFastPathsOnCorpus compares the two on real articles when the benchmark
// corpus is named (CORPUSLINT_BENCH_CORPUS): long texts the seeds do not have.
func TestFastPathsOnCorpus(t *testing.T) {
	dir := os.Getenv("CORPUSLINT_BENCH_CORPUS")
	if dir == "" || testing.Short() {
		t.Skip("CORPUSLINT_BENCH_CORPUS not set")
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	more, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	paths = append(paths, more...)
	if len(paths) == 0 {
		t.Fatalf("no *.txt under %s", dir)
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		d := Parse(p, data)
		if got, want := Parse(p, data).Segment(testAbbrs), refSegment(d, testAbbrs); !reflect.DeepEqual(got, want) {
			t.Fatalf("sentences of %s differ", p)
		}
		var ws, rws []Word
		for i := 0; ; {
			w, ok := refNextWord(d.Text, i, len(d.Text))
			if !ok {
				break
			}
			rws = append(rws, w)
			i = w.End
		}
		for _, l := range d.Lines {
			r, u := countUnits(d.Text[l.Start:l.End])
			rr, ru := refCountUnits(d.Text[l.Start:l.End])
			if r != rr || u != ru {
				t.Fatalf("units of a line of %s differ", p)
			}
		}
		before := refPositioner{d: d}
		for off := 0; off <= len(d.Text); off += 37 {
			for _, o := range []int{off, off + 5, off - 40} {
				if d.Position(o) != before.position(o) {
					t.Fatalf("Position(%d) of %s differs", o, p)
				}
			}
		}
		ws = Words(d.Text, finding.Span{End: len(d.Text)})
		if !reflect.DeepEqual(ws, rws) {
			t.Fatalf("words of %s differ", p)
		}
	}
}

func FuzzFastPaths(f *testing.F) {
	for _, s := range fastSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 400 {
			s = s[:400]
		}
		checkFast(t, s)
	})
}

// segmentPieces are the pieces TestFastPathsOnGeneratedText builds texts
// from: what the segmenter decides on (marks, abbreviations, initials,
// numbers, quotes and brackets, every kind of space and line end) and what
// its byte scans could trip on (invalid UTF-8, a cut ellipsis).
var segmentPieces = []string{
	"kata", "Budi", "rumah", "Ölçü", "étude", "É", "Ω", "x\u0301", "中文", "٣٤",
	"Jl.", "jl.", "No.", "no.", "dkk.", "Dkk.", "U.S.", "U.S", "Prof.", "Dr.", "J.", "R.", "A.B.", "É.", "É.F.",
	".", ".", ".", "!", "?", "…", "...", "?!", "..", "\xe2\x80", "\xe2\x80\xa6", "\xe2\xe2\x80\xa6", "\xa6",
	"\"", "'", "”", "’", ")", "]", "»", "›", "“", "‘", "(", "[", "«", "‹", "-", "–", "—",
	" ", " ", " ", "  ", "\t", "\v", "\f", "\u00a0", "\u3000", "\u2028", "\u0085", "\u200b", "\ufeff", "\u202f",
	"\n", "\n", "\r\n", "\r", "\n\n", "\n \n", "\r\n\r\n",
	"10", "3.5", "10.30", "1.500", "Kompas.com", "www.x.id", "\xff", "\xc3", "\xf0\x9f", "😀",
}

// TestFastPathsOnGeneratedText compares the fast paths with the reference on
// many random texts built from segmentPieces.
func TestFastPathsOnGeneratedText(t *testing.T) {
	n := 8000
	if testing.Short() {
		n = 2000
	}
	r := rand.New(rand.NewPCG(6, 2026))
	for range n {
		var b strings.Builder
		for range r.IntN(60) {
			b.WriteString(segmentPieces[r.IntN(len(segmentPieces))])
		}
		checkFast(t, b.String())
	}
}
