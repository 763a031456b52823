package lexicon

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// refDetect is Detect before its byte loop (one rune at a time, every rune
// through unicode): the differential tests below hold the two to the same
// answers, so that the linter's output does not change.
func (s *Set) refDetect(text string) string {
	if len(text) > detectWindow {
		text = text[:detectWindow]
	}
	var counts [64]int
	words := 0
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
						counts[i]++
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
}

func TestDetectMatchesReference(t *testing.T) {
	s, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
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
			if got, want := s.Detect(text[:cut]), s.refDetect(text[:cut]); got != want {
				t.Fatalf("Detect(%.60q…) = %q, want %q", text[:cut], got, want)
			}
		}
	}
}

func FuzzDetect(f *testing.F) {
	s, err := Embedded()
	if err != nil {
		f.Fatal(err)
	}
	for _, t := range detectSeeds {
		f.Add(t)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := s.Detect(text), s.refDetect(text); got != want {
			t.Fatalf("Detect(%q) = %q, want %q", text, got, want)
		}
	})
}
