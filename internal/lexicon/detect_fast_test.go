package lexicon

import (
	"fmt"
	"math/bits"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// refCounts is Detect's counting before its byte loop (one rune at a time,
// every rune through unicode, every word looked up in the map): the
// differential tests below hold Detect's counts to it, so that the linter's
// output does not change.
func (s *Set) refCounts(text string) (perLang [64]int, words int) {
	if len(text) > detectWindow {
		text = text[:detectWindow]
	}
	var buf [64]byte
	word := buf[:0]
	inWord := false
	flush := func() {
		if !inWord {
			return
		}
		words++
		if len(word) <= s.stop.maxKey {
			if langs := s.stop.langs[string(word)]; langs != 0 {
				for i := range s.stop.order {
					if langs&(1<<i) != 0 {
						perLang[i]++
					}
				}
			}
		}
		word, inWord = word[:0], false
	}
	for _, r := range text {
		if !unicode.IsLetter(r) {
			flush()
			continue
		}
		inWord = true
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			word = append(word, byte(r))
		} else {
			word = utf8.AppendRune(word, unicode.ToLower(r))
		}
	}
	flush()
	return perLang, words
}

// refDetect is Detect from refCounts.
func (s *Set) refDetect(text string) string {
	counts, words := s.refCounts(text)
	best := ""
	bestN := 0
	for i, l := range s.stop.order {
		if counts[i] > bestN {
			best, bestN = l, counts[i]
		}
	}
	if float64(bestN) < minStopwordShare*float64(words) {
		return ""
	}
	return best
}

var detectSeeds = []string{
	"", "yang", "The", "İN THE", "\u212Aata yang dan", "yang dan di ke dari ini itu the and",
	"Dia berkata bahwa tidak ada yang salah.", "He said that the man was in the house.",
	"Ölçü über straße " + strings.Repeat("x", 70) + " the", "tersebutx tersebut TERSEBUT the the",
	"日本語のテキスト the", "\xff\xfethe\xffand", strings.Repeat("ab ", 6000) + "the the the",
	strings.Repeat("yang ", 3300) + "\xe2\x80\x9c", "the\u00a0and\u2014of", "yang" + strings.Repeat("\u0301", 40),
	strings.Repeat("a", 63) + "é the", strings.Repeat("b", 64) + "\u2014the", strings.Repeat("c", 65) + "é",
	"über ÜBER und der Straße straße", "sebagai SEBAGAIMANA sebagaimana",
}

// detectSets returns the embedded packs and packs made to reach Detect's
// other paths: longer stop words than eight bytes and stop words with other
// letters (read rune by rune), more than seven combinations of languages
// (counted in memory, not in an accumulator's bytes), more than 255 (no
// table: countPlain).
func detectSets(t testing.TB) map[string]*Set {
	emb, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	sets := map[string]*Set{"embedded": emb}
	load := func(name string, fsys fstest.MapFS) {
		s, err := Load(fsys)
		if err != nil {
			t.Fatal(err)
		}
		sets[name] = s
	}
	file := func(words ...string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(strings.Join(words, "\n") + "\n")}
	}
	load("long", fstest.MapFS{
		"de/stopwords.txt": file("und", "der", "über", "Straße", "sebagaimana", "the"),
		"id/stopwords.txt": file("yang", "dan", "sebagaimana", "tersebut", "merupakan", "a"),
		"xx/stopwords.txt": file("ölçü", "ab", "k", "ſ", "the", strings.Repeat("x", 70), "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
	})
	wide := fstest.MapFS{}
	for l := range 4 {
		var words []string
		for w := 1; w < 16; w++ {
			if w&(1<<l) != 0 {
				words = append(words, fmt.Sprintf("w%c", 'a'+w), fmt.Sprintf("zz%c", 'a'+w))
			}
		}
		wide[fmt.Sprintf("l%d/stopwords.txt", l)] = file(words...)
	}
	load("wide", wide)
	plain := fstest.MapFS{}
	for l := range 9 {
		words := []string{"the"}
		for w := 1; w < 300; w++ {
			if w&(1<<l) != 0 {
				words = append(words, fmt.Sprintf("q%c%c", 'a'+w/26, 'a'+w%26))
			}
		}
		plain[fmt.Sprintf("l%d/stopwords.txt", l)] = file(words...)
	}
	load("plain", plain)
	// Many short stop words (a table of 1<<16 slots), with the pieces'.
	many := []string{"yang", "the", "über", "ab"}
	for w := range 700 {
		many = append(many, fmt.Sprintf("m%c%c%c", 'a'+w/676, 'a'+w/26%26, 'a'+w%26))
	}
	load("many", fstest.MapFS{"mm/stopwords.txt": file(many...), "id/stopwords.txt": file("yang", "dan")})
	for name, s := range sets {
		switch {
		case name == "plain" && s.stop.table != nil:
			t.Fatal("plain: a table was built for more than 255 combinations")
		case name != "plain" && s.stop.table == nil:
			t.Fatalf("%s: no table", name)
		case name == "wide" && !s.stop.wide, name != "wide" && name != "plain" && s.stop.wide:
			t.Fatalf("%s: wide is %v", name, s.stop.wide)
		case name == "many" && len(s.stop.table) < 1<<14:
			t.Fatalf("many: a table of %d slots", len(s.stop.table))
		case name == "long" && s.stop.maxKey <= 64:
			t.Fatalf("long: the longest stop word has %d bytes", s.stop.maxKey)
		}
	}
	return sets
}

// checkDetect compares Detect's counts and answer on text with the
// reference's.
func checkDetect(t testing.TB, name string, s *Set, text string) {
	t.Helper()
	gotCounts, gotWords := s.countStopwords(text)
	wantCounts, wantWords := s.refCounts(text)
	if gotCounts != wantCounts || gotWords != wantWords {
		t.Fatalf("%s: counts of %.80q… (%d bytes): %v, %d words; want %v, %d words",
			name, text, len(text), gotCounts[:len(s.stop.order)], gotWords, wantCounts[:len(s.stop.order)], wantWords)
	}
	if got, want := s.Detect(text), s.refDetect(text); got != want {
		t.Fatalf("%s: Detect(%.80q…) = %q, want %q", name, text, got, want)
	}
}

func TestDetectMatchesReference(t *testing.T) {
	sets := detectSets(t)
	texts := append([]string(nil), detectSeeds...)
	if dir := os.Getenv("CORPUSLINT_BENCH_CORPUS"); dir != "" {
		paths, _ := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(data))
		}
	}
	for _, text := range texts {
		// Every cut of the short ones, so the window may fall inside a rune.
		for cut := len(text); cut >= 0 && cut > len(text)-200; cut-- {
			checkDetect(t, "embedded", sets["embedded"], text[:cut])
		}
	}
	for name, s := range sets {
		for _, text := range detectSeeds {
			checkDetect(t, name, s, text)
		}
	}
}

// detectPieces are what randomText builds texts of: stop words of every
// set, other letters, separators of one and several bytes, bytes that are
// no valid UTF-8.
var detectPieces = []string{
	"yang", "dan", "di", "ke", "the", "and", "of", "tersebut", "adalah", "sebagai", "YANG", "The", "tHe",
	"über", "ÜBER", "maab", "MAZZ", "mbae", "mbaez", "und", "der", "Straße", "STRASSE", "sebagaimana", "SEBAGAIMANA", "merupakan", "ölçü",
	"ÖLÇÜ", "ab", "AB", "k", "\u212A", "ſ", "wb", "WD", "zzc", "zzp", "qab", "qkl", "QAZ", "İ", "ı",
	"é", "É", "ß", "ǅ", "Ω", "ω", "слово", "日本", "ａ", "a", "A", "x", "aaaa",
	" ", " ", " ", "  ", ".", ", ", "\n", "\n\n", "-", "'", "\"", "0", "42", "_", "\t",
	"\u201c", "\u201d", "\u2014", "\u2013", "\u00a0", "\u0301", "\u200b", "😀", "\xff", "\xe2\x80", "\xc3", "\x80",
}

// randomText returns a text of about n bytes: pieces and runs of ASCII
// letters of every length, glued together or apart.
func randomText(rng *rand.Rand, n int) string {
	var b strings.Builder
	for b.Len() < n {
		switch rng.IntN(10) {
		case 0:
			// A run of letters of any length up to 140, in any case.
			run := make([]byte, 1+rng.IntN(140))
			for i := range run {
				run[i] = byte('a' + rng.IntN(26))
				if rng.IntN(4) == 0 {
					run[i] -= 'a' - 'A'
				}
			}
			b.Write(run)
		case 1, 2, 3:
			b.WriteString(" ")
		default:
			b.WriteString(detectPieces[rng.IntN(len(detectPieces))])
		}
	}
	return b.String()
}

func TestDetectRandomTexts(t *testing.T) {
	sets := detectSets(t)
	rng := rand.New(rand.NewPCG(1, 2))
	rounds := 3000
	if testing.Short() || raceEnabled {
		rounds = 300
	}
	for i := range rounds {
		size := rng.IntN(300)
		switch i % 10 {
		case 0:
			size = detectWindow - 200 + rng.IntN(400) // across the window's end
		case 1:
			size = rng.IntN(3 * detectWindow)
		case 2, 3:
			size = rng.IntN(3000)
		}
		text := randomText(rng, size)
		for name, s := range sets {
			checkDetect(t, name, s, text)
		}
	}
}

// TestDetectStraddles puts words at every offset around the 8-, 16- and
// 64-byte boundaries Detect reads by, with every kind of neighbour.
func TestDetectStraddles(t *testing.T) {
	sets := detectSets(t)
	words := []string{"yang", "the", "tersebut", "sebagaimana", "über", "aüb", "ab\u2014cd", "Straße", "é",
		strings.Repeat("y", 63), strings.Repeat("y", 64), strings.Repeat("y", 65), strings.Repeat("the", 30) + "é"}
	fills := []string{" ", "\u201c", "é", "1", "\xff"}
	for _, w := range words {
		for _, before := range fills {
			for _, after := range fills {
				for off := 0; off < 140; off++ {
					if raceEnabled && off%7 != 0 && off != 63 && off != 64 {
						continue
					}
					text := strings.Repeat(".", off) + before + w + after + " the"
					for name, s := range sets {
						checkDetect(t, name, s, text)
						checkDetect(t, name, s, text[:off+len(before)+len(w)]) // the word ends the text
					}
				}
			}
		}
	}
}

// TestBlockMasks holds fillMasks (AVX-512 where the processor has it) and
// blockMasks to a byte-by-byte reading, at every offset and length.
func TestBlockMasks(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	want := func(text string, p int) blockMask {
		var m blockMask
		for i := 0; i < 64 && p+i < len(text); i++ {
			c := text[p+i]
			if c >= utf8.RuneSelf {
				m.high |= 1 << i
			}
			if c >= utf8.RuneSelf || unicode.IsLetter(rune(c)) {
				m.word |= 1 << i
			}
		}
		return m
	}
	for range 300 {
		text := randomText(rng, rng.IntN(700))
		for p := 0; p <= len(text); p++ {
			if got, want := blockMasksAt(text, p), want(text, p); got != want {
				t.Fatalf("blockMasksAt(%q, %d) = %+v, want %+v", text, p, got, want)
			}
			var masks [maskBatch + 1]blockMask
			k := fillMasks(&masks, text, p)
			if k != min((len(text)-p+63)/64, maskBatch) {
				t.Fatalf("fillMasks(%d bytes, %d) = %d blocks", len(text), p, k)
			}
			for b := 1; b <= k; b++ {
				if got, want := masks[b], want(text, p+64*b); got != want {
					t.Fatalf("fillMasks(%q, %d)[%d] = %+v, want %+v (vector: %v)", text, p, b, got, want, hasMaskVector)
				}
			}
		}
	}
	for v := range 256 {
		b := strings.Repeat(string([]byte{byte(v)}), 64)
		if got, want := blockMasks(b), want(b, 0); got != want {
			t.Fatalf("byte %#x: %+v, want %+v", v, got, want)
		}
	}
}

// TestStopwordTable checks that every short stop word is found in its slot
// and that lookup finds nothing for other words.
func TestStopwordTable(t *testing.T) {
	for name, s := range detectSets(t) {
		idx := &s.stop
		if idx.table == nil {
			continue
		}
		for w, langs := range idx.langs {
			if len(w) == 0 || len(w) > 8 {
				continue
			}
			c := idx.lookup(pack8([]byte(w)))
			if idx.combos[c] != langs {
				t.Errorf("%s: %q: combination %d (%b), want %b", name, w, c, idx.combos[c], langs)
			}
		}
		for _, w := range []string{"zzzz", "yangg", "th", "x"} {
			if _, ok := idx.langs[w]; !ok && idx.lookup(pack8([]byte(w))) != 0 {
				t.Errorf("%s: %q found", name, w)
			}
		}
		if idx.asm.slots != &idx.table[0] || idx.asm.mult != idx.mult || idx.asm.shift != uint64(idx.shift) {
			t.Errorf("%s: the assembly's table differs", name)
		}
		if n := bits.OnesCount(uint(len(idx.table))); n != 1 {
			t.Errorf("%s: table of %d slots", name, len(idx.table))
		}
	}
}

// TestWordTableLayout holds wordTable to the offsets wordsBMI reads.
func TestWordTableLayout(t *testing.T) {
	var w wordTable
	for _, f := range []struct {
		name      string
		got, want uintptr
	}{
		{"slots", unsafe.Offsetof(w.slots), 0}, {"mult", unsafe.Offsetof(w.mult), 8},
		{"shift", unsafe.Offsetof(w.shift), 16}, {"slowLen", unsafe.Offsetof(w.slowLen), 24},
		{"keyMask", unsafe.Offsetof(w.keyMask), 96}, {"keyCase", unsafe.Offsetof(w.keyCase), 616},
	} {
		if f.got != f.want {
			t.Errorf("wordTable.%s at %d, the assembly reads it at %d", f.name, f.got, f.want)
		}
	}
}

func FuzzDetect(f *testing.F) {
	sets := detectSets(f)
	for _, t := range detectSeeds {
		f.Add(t)
	}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 20 {
		f.Add(randomText(rng, rng.IntN(500)))
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkDetect(t, "embedded", sets["embedded"], text)
		// The other packs' paths, by their counts (countPlain, the
		// no-table path, is the reference's loop: left to the tests).
		for _, name := range []string{"long", "wide"} {
			s := sets[name]
			gotCounts, gotWords := s.countStopwords(text)
			wantCounts, wantWords := s.refCounts(text)
			if gotCounts != wantCounts || gotWords != wantWords {
				t.Fatalf("%s: counts of %q: %v, %d words; want %v, %d words",
					name, text, gotCounts[:len(s.stop.order)], gotWords, wantCounts[:len(s.stop.order)], wantWords)
			}
		}
	})
}
