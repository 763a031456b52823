package rules

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/lexicon"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// The artifact rules below replaced regular expressions by code, or guard
// them with literal tests. These tests check the code against the expressions
// it replaced on many generated lines built from the pieces that matter
// (codes, parentheses, slashes, upper and lower case, digits, white space of
// every kind, invalid UTF-8), so a shortcut that drops or adds a match fails.

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
		line := randomText(rng, editorCodePieces, 1+i%12)
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
		line := randomText(rng, creditPieces, 1+i%10)
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
		line := randomText(rng, creditPieces, 1+i%16)
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
		text := randomText(rng, pieces, i%12)
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

// oldFindWidgetKind is findWidgetKind before MayMatch: it built every short
// line's key and tried the patterns on it.
func oldFindWidgetKind(p *rule.Pass, line string) string {
	list := p.Packs.Union("widget-lines")
	mayHold := list.MayHold(line)
	if !mayHold && countWords(line, 42) > 41 {
		return ""
	}
	key := strings.TrimRight(strings.Join(strings.Fields(strings.ReplaceAll(line, "\u00a0", " ")), " "), ":.")
	if key == "" {
		return ""
	}
	if mayHold {
		if e := list.Lookup(key); e != nil {
			return e.Field(0)
		}
		if e := list.Lookup(key + ":"); e != nil {
			return e.Field(0)
		}
		if e := list.Lookup(line); e != nil {
			return e.Field(0)
		}
	}
	if wordCount(key) <= 40 {
		if e := p.Packs.Union("widget-patterns").LinePattern().Match(key); e != nil {
			return e.Field(0)
		}
	}
	return ""
}

// oldIsNetworkRow is shareNetworks.isRow without its test of the line's start.
func oldIsNetworkRow(networks *lexicon.List, line string, afterHeading bool) bool {
	ms := networks.FindAll(line)
	if len(ms) == 0 || len(ms) < 2 && !afterHeading {
		return false
	}
	prev := 0
	for _, m := range append(ms, lexicon.Match{Start: len(line), End: len(line)}) {
		if strings.Trim(line[prev:m.Start], " \t\u00a0|·•,/-") != "" {
			return false
		}
		prev = m.End
	}
	return true
}

// widgetPieces are the words of the widget lists and patterns, and of
// running text, with digits, white space and punctuation between them.
func widgetPieces(t *testing.T, packs *lexicon.Set) []string {
	pieces := []string{" ", " ", " ", "  ", "\u00a0", "\t", ":", ".", ",", "|", "-", "/", "·", "©", "(C)",
		"12", "2024", "03", "12/03/2024", "Senin,", "Maret", "March", "10:15", "WIB", "pukul", "admin", "Dewi",
		"Kompas.com+", "yang", "dan", "mengatakan", "Presiden", "oleh", "dari", "by", "All", "rights", "reserved",
		"\u200b", "é", "ſ", "K", "\xff", "Kota", "X", "x", "LINE", "line", "E-mail", "Facebook", "twitter"}
	for _, name := range []string{"widget-lines", "widget-patterns", "share-networks"} {
		for _, e := range packs.Union(name).Entries {
			pieces = append(pieces, e.Phrase)
			pieces = append(pieces, strings.Fields(e.Phrase)...)
		}
	}
	if len(pieces) < 200 {
		t.Fatalf("only %d pieces: the lists are missing", len(pieces))
	}
	return pieces
}

// TestWidgetKindShortcutsKeepTheAnswers: findWidgetKind, which rules most
// lines out before building their key, and shareNetworks.isRow, which rules out
// lines that do not start with a network's name, answer as they did before.
func TestWidgetKindShortcutsKeepTheAnswers(t *testing.T) {
	packs, err := lexicon.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	pieces := widgetPieces(t, packs)
	d := document.Parse("x.txt", []byte("x\n"))
	p := rule.NewPass(WidgetLine, d, packs, packs.Pack("id"), func(string, rule.Fact) {}, func(finding.Finding) {})
	networks := packs.Union("share-networks")
	names := newShareNetworks(networks)
	// Lines about as long as the patterns are tried on (40 words), ending
	// with a word the key drops or keeps.
	var edges []string
	for n := 36; n <= 44; n++ {
		for _, end := range []string{"", " .", " :", " ..", " x", ".", " ?"} {
			edges = append(edges, "Kategori: "+strings.Repeat("ab ", n-2)+"cd"+end)
		}
	}
	rng := rand.New(rand.NewPCG(9, 10))
	kinds, rows, edgeKinds := 0, 0, 0
	for i := range 100000 + len(edges) {
		var line string
		if i < len(edges) {
			line = edges[i]
		} else {
			line = randomText(rng, pieces, 1+i%9)
			if i%7 == 0 {
				line = strings.Repeat(line+" ", 1+i%50)
			}
			if i%3 == 0 {
				line = strings.TrimSpace(line)
			}
		}
		want := oldFindWidgetKind(p, line)
		if want != "" {
			kinds++
			if i < len(edges) {
				edgeKinds++
			}
		}
		if got := findWidgetKind(p, line); got != want {
			t.Fatalf("findWidgetKind(%q) = %q, before %q", line, got, want)
		}
		for _, after := range []bool{false, true} {
			want := oldIsNetworkRow(networks, line, after)
			if want {
				rows++
			}
			if got := names.isRow(line, after); got != want {
				t.Fatalf("isRow(%q, %v) = %v, before %v", line, after, got, want)
			}
		}
	}
	if kinds < 2500 || rows < 1000 || edgeKinds < 10 || edgeKinds == len(edges) {
		t.Fatalf("only %d widget lines (%d of %d about 40 words) and %d share rows generated: the test checks too little",
			kinds, edgeKinds, len(edges), rows)
	}
}

// TestMayHoldKeyAsMayHold: the widget list's MayHold, counted eight bytes at
// a time, gives List.MayHold's answer on lines of every length around the
// list's longest entry, of every byte.
func TestMayHoldKeyAsMayHold(t *testing.T) {
	packs, err := lexicon.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	lists := []*lexicon.List{packs.Union("widget-lines"), lexicon.NewList("short", []string{"Baca", "É ini"})}
	var lines []string
	for _, text := range widgetTestTexts(t) {
		lines = append(lines, strings.Split(text, "\n")...)
	}
	r := rand.New(rand.NewPCG(17, 0))
	pieces := []string{"a", "Z", "0", "9", "/", ":", "@", "[", "`", "{", " ", "\x00", "\x7f", "\x80", "\xc1", "\xda", "\xe0", "\xfa", "\xff", "é", "Baca juga"}
	for range 30000 {
		var b strings.Builder
		for n := r.IntN(140); b.Len() < n; {
			if r.IntN(3) == 0 {
				b.WriteByte(byte(r.IntN(256)))
			} else {
				b.WriteString(pieces[r.IntN(len(pieces))])
			}
		}
		lines = append(lines, b.String())
	}
	held, ruled := 0, 0
	for _, list := range lists {
		maxKey := longestKey(list)
		for _, line := range lines {
			want := list.MayHold(line)
			if got := mayHoldKey(line, maxKey); got != want {
				t.Fatalf("list %s: mayHoldKey(%q) = %v, MayHold %v", list.Name, line, got, want)
			}
			if want && len(line) > maxKey {
				held++
			} else if !want {
				ruled++
			}
		}
	}
	if held < 1000 || ruled < 1000 {
		t.Fatalf("%d held, %d ruled out past the longest entry: the test tests too little", held, ruled)
	}
}
