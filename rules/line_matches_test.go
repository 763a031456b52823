package rules

import (
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/lexicon"
)

// The shortcuts the widget rules take must give what the plain way gives:
// these tests compare them with it on the test data and on generated text full
// of near misses.

// widgetTestTexts returns the repository's rule test inputs and generated
// texts that put the widget phrases next to every kind of neighbour.
func widgetTestTexts(t *testing.T) []string {
	t.Helper()
	var texts []string
	err := filepath.WalkDir("../testdata/rules", func(path string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(path, ".txt") {
			return err
		}
		b, err := os.ReadFile(path)
		texts = append(texts, string(b))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	texts = append(texts,
		"Baca juga: A\nBACA JUGA B\nbAcA jUgA: c\n  Baca juga  \n\u00a0Baca juga:\u200b\n",
		"éBaca juga: X. ÉBaca juga: Y. 1Baca juga: Z _Baca juga: W \u00a0Baca juga: V \u200bBaca juga: U",
		"Baca\njuga: split. Baca\r\njuga. Baca\rjuga. Baca juga\nBaca juga",
		"Baca jugaa: no. Baca juga9: no. Baca juga\u0301: mark. Baca juga\xff: bad. \xffBaca juga: bad",
		"READ  Title. READ\u00a0Title. Read more: x. ALSO READ: y. Also read: z. See also: w. Relatedness: no.",
		"Artikel ini telah tayang di Kompas.com dengan judul \"X\". artikel ini telah tayang di Y. ARTIKEL INI SUDAH TAYANG DI Z.",
		"This article originally appeared on X. This story first appeared on Y.\r\n",
		"SCROLL TO CONTINUE WITH CONTENT ADVERTISEMENT advertisement ADVERTISEMENTS [Gambas:Video 20detik] [Gambas:x",
		"Bérita\nini. BÉRITA\nINI. Bérita ini.\n",
		"Tonton juga video \"A\". Simak juga Video 'B'. Simak Video: C. Berita terkait: D. Artikel terkait: E.",
	)
	// Generated: phrases in random capitals between random neighbours.
	pieces := []string{"Baca juga", "baca juga", "BACA JUGA", "Lihat juga", "Simak juga video", "Related", "READ",
		"Artikel ini telah tayang di", "berita ini sudah tayang di", "ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT",
		"Bacaan", "jugak", "read", "artikel", "(nds/krs)", "(ab/cd/ef/gh)", "(abcdef/x)", "(ab/cd", "[Gambas:Video]",
		"bdadinfo.com", "www.Example.CO.ID/", "laporan.pdf", "1.", "12.", "123.", "x.", "Sial!", "Menurut", "é", "ß", "\u00a0", "\u200b",
		"\u2009", "\u3000", "\ufeff", "\xe2\x80", "\xff", "\u0301", "1", "_",
		// Near misses: a phrase's first bytes, or all but its last.
		"Artikel ini", "Berita ini telah", "Baca jug", "Simak Vide", "ADVERTISEMEN", "SCROLL TO CONTINUE", "READ", "Watc"}
	seps := []string{" ", "  ", "\t", "\n", "\r\n", "\n\n", ": ", ". ", ", ", "", "\"", "“", "”", "(", ")", "-"}
	r := rand.New(rand.NewSource(9))
	for range 400 {
		var b strings.Builder
		for range r.Intn(40) + 1 {
			p := pieces[r.Intn(len(pieces))]
			if r.Intn(4) == 0 {
				p = randomCase(r, p)
			}
			b.WriteString(p)
			b.WriteString(seps[r.Intn(len(seps))])
		}
		texts = append(texts, b.String())
	}
	return texts
}

func randomCase(r *rand.Rand, s string) string {
	b := []byte(s)
	for i, c := range b {
		if r.Intn(2) == 0 {
			b[i] = lowerASCII(c)
		} else {
			b[i] = upperASCII(c)
		}
	}
	return string(b)
}

func TestLineMatchesAsByLine(t *testing.T) {
	packs, err := lexicon.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	lists := []*lexicon.List{packs.Union("read-more"), packs.Union("syndication"), packs.Union("inline-widgets"),
		lexicon.NewList("digits", []string{"1. Baca", "12 juga", "Juga1"}),
		lexicon.NewList("unicode", []string{"Bérita ini", "ÉTÉ ini", "baca jugá"}),
		lexicon.NewList("colon", []string{"Baca juga:", "Related:"}),
		lexicon.NewList("control", []string{"Bérita\nini", "Baca juga"}), // a line break inside: line by line
		lexicon.NewList("space", []string{"Baca juga", "READ  "}),        // ends with white space: line by line
		lexicon.NewList("short", []string{"ba", "Baca juga"}),            // too short for the scan: line by line
		lexicon.NewList("punct", []string{"\"Baca juga", "Baca juga:"}),  // starts with punctuation: line by line
	}
	// The scan's stride and gram follow the shortest phrase: four bytes
	// (gram 3, stride 2), five (gram 4, stride 2), nine (gram 4, stride 4).
	five := lexicon.NewList("five", []string{"Simak", "Baca juga", "Berita ini"})
	nine := lexicon.NewList("nine", []string{"Baca juga", "Artikel ini telah tayang di", "Simak juga video", "ADVERTISEMENT"})
	groups := [][]*lexicon.List{lists, {five}, {nine}, {nine, lists[4]}, {lists[0]}, {lists[1], lists[2]}}
	found := 0
	for _, text := range widgetTestTexts(t) {
		d := document.Parse("t.txt", []byte(text))
		for _, lists := range groups {
			got := lineMatches(d, lists)
			for k, list := range lists {
				want := lineMatchesByLine(d, list)
				found += len(want)
				if !slices.Equal(got[k], want) {
					t.Fatalf("list %s in %q:\n got %v\nwant %v", list.Name, text, got[k], want)
				}
			}
		}
	}
	if found < 1000 {
		t.Fatalf("only %d matches in the test texts: they test too little", found)
	}
}

func TestEditorCodeAsExpression(t *testing.T) {
	at := regexp.MustCompile(`^` + editorCodeExpr)
	in := regexp.MustCompile(editorCodeExpr)
	for _, text := range widgetTestTexts(t) {
		for i := range len(text) {
			want := -1
			if m := at.FindStringIndex(text[i:]); m != nil {
				want = m[1]
			}
			if got := editorCodeAt(text[i:]); got != want {
				t.Fatalf("editorCodeAt(%q) = %d, want %d", text[i:], got, want)
			}
		}
		d := document.Parse("t.txt", []byte(text))
		codes := editorCodeLines(d)
		for i := range d.Lines {
			ls := trimmedLine(d, i)
			want := -1
			if m := in.FindStringIndex(d.Slice(ls)); m != nil {
				want = ls.Start + m[0]
			}
			got := -1
			if len(codes) > 0 && codes[0].line == i {
				got, codes = codes[0].at, codes[1:]
			}
			if got != want {
				t.Fatalf("line %q: editor code at %d, want %d", d.Slice(ls), got, want)
			}
		}
	}
}

func TestWordHelpersAsBefore(t *testing.T) {
	marker := regexp.MustCompile(`^[0-9]{1,2}\.$`)
	for _, text := range widgetTestTexts(t) {
		for _, line := range strings.Split(text, "\n") {
			if got, want := isBareDomain(line), isDomainShape(line); got != want {
				t.Fatalf("isBareDomain(%q) = %v, want %v", line, got, want)
			}
		}
		for _, w := range strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == '\n' }) {
			if got, want := headlineCore(w), strings.Trim(w, "\"'“”‘’()[]:,;?!."); got != want {
				t.Fatalf("headlineCore(%q) = %q, want %q", w, got, want)
			}
			if got, want := isListMarker(w), marker.MatchString(w); got != want {
				t.Fatalf("isListMarker(%q) = %v, want %v", w, got, want)
			}
			if got, want := isBareDomain(w), isDomainShape(w); got != want {
				t.Fatalf("isBareDomain(%q) = %v, want %v", w, got, want)
			}
		}
	}
}

func TestLastWordsBackAsForward(t *testing.T) {
	long := strings.Repeat("Video Rashford:\u00a0Barcelona  Tempat\tyang Tepat ", 12)
	checked := 0
	for _, text := range append(widgetTestTexts(t), long, "é"+long, "\u00a0\u00a0x", "  ") {
		for limit := len(text); limit > 0; limit -= 29 {
			for _, from := range []int{0, 1, 3, limit / 2, limit - 2000} {
				if from < 0 || from > limit || !utf8.ValidString(text[from:limit]) {
					continue
				}
				var fwd, back lastWords
				fwd.scan(text, from, limit)
				back.scanBack(text, from, limit)
				wantCount := min(fwd.count, lastWordsKept+1)
				if back.count != wantCount || !slices.Equal(back.words(), fwd.words()) {
					t.Fatalf("words of %q: back %d %v, forward %d %v", text[from:limit], back.count, back.words(), fwd.count, fwd.words())
				}
				checked++
			}
		}
	}
	if checked < 1000 {
		t.Fatalf("only %d stretches checked", checked)
	}
}

// splitHeadlineWordsPlain splits text[from:limit] into at most n words, all
// built: what headlineWords builds as it is asked.
func splitHeadlineWordsPlain(text string, from, limit, n int) (ws []headlineWord, done bool) {
	i := from
	for len(ws) < n {
		spaces := 0
		for i < limit && isHSpace(text, i) {
			i += spaceLen(text, i)
			spaces++
		}
		if i >= limit {
			return ws, true
		}
		j := i
		for j < limit && !isHSpace(text, j) {
			_, size := utf8.DecodeRuneInString(text[j:])
			j += size
		}
		w := text[i:j]
		ws = append(ws, headlineWord{start: i, end: j, text: w, core: strings.Trim(w, "\"'“”‘’()[]:,;?!."), gap: spaces >= 2 && len(ws) > 0})
		i = j
	}
	return ws, skipHSpace(text, i, limit) >= limit
}

func TestHeadlineWordsAsSplit(t *testing.T) {
	code := regexp.MustCompile(`^` + editorCodeExpr + `$`)
	checked := 0
	for _, text := range widgetTestTexts(t) {
		for from := 0; from < len(text); from += 11 {
			for _, limit := range []int{len(text), from + (len(text)-from)/2, from + 3} {
				if limit > len(text) {
					continue
				}
				want, done := splitHeadlineWordsPlain(text, from, limit, scanHeadlineWords)
				stop := len(want)
				for k, w := range want {
					if code.MatchString(w.text) {
						stop = k
						break
					}
				}
				h := newHeadlineWords(text, from, limit)
				if h.n != len(want) || h.done != done || h.stop != stop {
					t.Fatalf("words of %q: %d words, done %v, code at %d; want %d, %v, %d", text[from:limit], h.n, h.done, h.stop, len(want), done, stop)
				}
				for k := range want {
					if got := h.word(k); got != want[k] {
						t.Fatalf("word %d of %q: %+v, want %+v", k, text[from:limit], got, want[k])
					}
				}
				checked++
			}
		}
	}
	if checked < 1000 {
		t.Fatalf("only %d stretches checked", checked)
	}
}

// TestLastWordRepeatedKeepsEveryVideo: where lastWordRepeated rules a line
// out, the full search finds no video widget.
func TestLastWordRepeatedKeepsEveryVideo(t *testing.T) {
	texts := widgetTestTexts(t)
	r := rand.New(rand.NewSource(3))
	titles := []string{"Gol Indah", "Persib Menang Lagi", "Video: Jokowi", "Ini  Dia", "É Bola", "x\xff y", "Bali\u00a0United", "Liga 1 2024"}
	for range 2000 {
		tt := titles[r.Intn(len(titles))]
		pre := []string{"", "Video ", "Simak ", "x", "Berita ini. "}[r.Intn(5)]
		sep := []string{" ", "  ", "\t", "\u00a0", ""}[r.Intn(5)]
		end := []string{" ", "", "\t", " \t "}[r.Intn(4)]
		texts = append(texts, pre+"Video: "+tt+sep+"Video: "+tt+end+"(nds/krs)", pre+tt+sep+tt+end+"(ab/cd)", tt+" Video "+tt+"x (ab/cd)")
	}
	kept, videos := 0, 0
	for _, text := range texts {
		d := document.Parse("t.txt", []byte(text))
		for _, code := range editorCodeLines(d) {
			ls := trimmedLine(d, code.line)
			from := max(code.at-2000, ls.Start)
			_, want := videoWidgetIn(d.Text, ls, from, code.at)
			if want {
				videos++
			}
			if !lastWordRepeated(d.Text, from, code.at) {
				if want {
					t.Fatalf("video widget before %d in %q ruled out", code.at, text)
				}
				continue
			}
			kept++
		}
	}
	if videos < 500 || kept == 0 {
		t.Fatalf("%d videos, %d kept: the test tests too little", videos, kept)
	}
}

// TestFieldsJoinedAsFields: the key of a widget line, built without a copy
// where it can be, is what the plain code built.
func TestFieldsJoinedAsFields(t *testing.T) {
	pieces := []string{"Baca", "juga", ":", ".", " ", "  ", "\t", "\n", "\r", "\v", "\f", "\u0085", "\u00a0", "\u2009", "é", "\xff", "x"}
	r := rand.New(rand.NewSource(7))
	for range 20000 {
		var b strings.Builder
		for range r.Intn(10) {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		s := b.String()
		want := strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
		if got := fieldsJoined(s); got != want {
			t.Fatalf("fieldsJoined(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestHoldsTwiceAsCount(t *testing.T) {
	r := rand.New(rand.NewSource(11))
	for range 20000 {
		var b strings.Builder
		for range r.Intn(12) {
			b.WriteByte("ab "[r.Intn(3)])
		}
		s, sub := b.String(), []string{"a", "aa", "ab", "a b", "aba", "b"}[r.Intn(6)]
		if got, want := holdsTwice(s, sub), strings.Count(s, sub) >= 2; got != want {
			t.Fatalf("holdsTwice(%q, %q) = %v, want %v", s, sub, got, want)
		}
	}
}
