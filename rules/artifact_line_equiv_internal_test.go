package rules

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The artifact rules below replaced regular expressions by code, or guard
// them with literal tests. These tests check the code against the expressions
// it replaced on many generated lines built from the pieces that matter
// (codes, parentheses, slashes, upper and lower case, digits, white space of
// every kind, invalid UTF-8), so a shortcut that drops or adds a match fails.

// randomLine joins n pieces drawn from pieces.
func randomLine(rng *rand.Rand, pieces []string, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	return b.String()
}

// editorCodePieces are the pieces of generated editor-code lines.
var editorCodePieces = []string{
	"(", ")", "/", " ", "  ", "\t", "\v", "\f", "\r", "\n", "\u00a0", "'", "-", ".",
	"a", "ab", "nds", "krs", "abcde", "abcdef", "x", "Ab", "AB", "9", "12", "é", "É", "ß", "٣", "ǅ",
	"(nds/krs)", "(ab/cd/ef)", "(ab/cd/ef/gh)", "(ab/cd/ef/gh/ij)", "(a/bc)", "(abcdef/ab)", "(ab/)", "(/ab)",
	" marcus", " rashford", " -x", " 'x", " x-y", " o'neil", " Kota", "\xff", "\xe4\xb8", "中",
}

func TestClosingEditorCodeIsTheRegexp(t *testing.T) {
	re := regexp.MustCompile(`\s*` + editorCodeExpr + `(?:\s+[\p{Ll}\p{N}][\p{Ll}\p{N}'-]*)*\s*$`)
	rng := rand.New(rand.NewPCG(1, 2))
	matches := 0
	for i := range 300000 {
		line := randomLine(rng, editorCodePieces, 1+i%12)
		want := -1
		if m := re.FindStringIndex(line); m != nil {
			want = m[0]
			matches++
		}
		if got := closingEditorCode(line); got != want {
			t.Fatalf("closingEditorCode(%q) = %d, the regexp says %d", line, got, want)
		}
	}
	if matches < 1000 {
		t.Fatalf("only %d generated lines match: the test checks too little", matches)
	}
}

// creditPieces are the pieces of generated photo-credit lines.
var creditPieces = []string{
	"(", ")", ":", "/", "-/", " ", "\t", ".", "?", "Foto", "foto", "FOTO", "fOtO", "Photo", "photo", "PHOTO", "Image",
	"Gambar", "gambar", "ilustraſi", "doK.", "dok.", "AP", "AFP", "Reuters", "Getty Images", "getty images",
	"Getty Imageſ", "Photo by", " by ", "Kremlin", "dpa", "Istimewa", "Ahn", "ſ", "s", "S", "x", "12", "é", "\xff",
	"(Foto: ", "(foto:", "(Gambar : ", "(AP Photo/", "(AFP/", "(Reuters Photo/", "(Photo by ", "Foto: ", "PHOTO :", "/Getty Images",
	"/ Getty Images", " -/", "\n", " (", "  (foto: x) ", "(dok.:", "(DOK :",
}

// TestCreditPrefiltersKeepEveryMatch: a line a credit pattern matches (with
// its trigger) holds the pattern's literal and passes its cheap test, so
// neither drops a finding.
func TestCreditPrefiltersKeepEveryMatch(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	matches := make([]int, len(creditPatterns))
	for i := range 300000 {
		line := randomLine(rng, creditPieces, 1+i%10)
		for k, cp := range creditPatterns {
			if !cp.triggers(line) || !cp.re().MatchString(line) {
				continue
			}
			matches[k]++
			if !cp.may(line) || !strings.Contains(line, cp.inText) {
				t.Fatalf("credit pattern %d matches %q, which its cheap tests rule out", k, line)
			}
		}
	}
	for k, n := range matches {
		if n < 100 {
			t.Errorf("credit pattern %d matches only %d generated lines: the test checks too little", k, n)
		}
	}
}

// TestCreditFindIsTheRegexp: the credit patterns tried at each "(" find what
// their regexps find along the whole line.
func TestCreditFindIsTheRegexp(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	matches := 0
	for i := range 60000 {
		line := randomLine(rng, creditPieces, 1+i%16)
		for k, cp := range creditPatterns {
			if cp.atParen == nil {
				continue
			}
			want := cp.re().FindAllStringIndex(line, -1)
			matches += len(want)
			if got := cp.find(line); !slices.EqualFunc(got, want, slices.Equal) {
				t.Fatalf("credit pattern %d finds %v in %q, its regexp %v", k, got, line, want)
			}
		}
	}
	if matches < 3000 {
		t.Fatalf("only %d matches in the generated lines: the test checks too little", matches)
	}
}

func TestContainsAroundIsContains(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	pieces := []string{"-", "/", "-/", "P", "Photo", "Photo/", "(", "(Photo by", "x", " "}
	found := 0
	for i := range 20000 {
		text := randomLine(rng, pieces, i%12)
		for _, cp := range creditPatterns {
			want := strings.Contains(text, cp.inText)
			if want {
				found++
			}
			if got := containsAround(text, cp.inText, cp.rare); got != want {
				t.Fatalf("containsAround(%q, %q, %d) = %v", text, cp.inText, cp.rare, got)
			}
		}
	}
	if found < 1000 {
		t.Fatalf("only %d generated texts hold a literal: the test checks too little", found)
	}
}
