package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// MissingSpace finds a sentence period with no space after it:
// "tersebut.Pesawat", "said.The".
var MissingSpace = &rule.Rule{
	ID:            "punctuation/missing-space",
	Title:         "no space after a sentence's final punctuation",
	NeedsLanguage: true,
	Severity:      finding.Warning,
	FixSafe:       true,
	Doc: rule.Doc{
		What: `A lower-case word, a period (or "?", "!") and straight away a capitalised word: "tersebut.Pesawat", "said.The". Domains (Kompas.com, Deras.id), decimals and times, initials (U.S.), abbreviations, URLs, e-mail addresses and file names are left alone.`,
		Why:  "Two sentences glued together defeat sentence segmentation and search for either word.",
		Bad:  "Putin tiba di Vietnam untuk pembicaraan dengan negara tersebut.Pesawat Putin mendarat di Hanoi.\n",
		Good: "Putin tiba di Vietnam untuk pembicaraan dengan negara tersebut. Pesawat Putin mendarat di Hanoi.\n",
		Lang: "id",
	},
	Run: runMissingSpace,
}

func runMissingSpace(p *rule.Pass) {
	t := p.Doc.Text
	scan := newNeedleScan(t, sentenceMarks)
	for pos := 1; ; {
		i, _ := scan.from(pos)
		if i < 0 || i+2 >= len(t) {
			return
		}
		pos = i + 1
		c := t[i]
		// A lower-case letter before the mark and a capital after it; ASCII
		// is judged without decoding.
		if b := t[i-1]; b < utf8.RuneSelf && !('a' <= b && b <= 'z') {
			continue
		}
		if b := t[i+1]; b < utf8.RuneSelf && !('A' <= b && b <= 'Z') {
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(t[:i])
		next, _ := utf8.DecodeRuneInString(t[i+1:])
		if !unicode.IsLower(prev) || !unicode.IsUpper(next) {
			continue
		}
		// the token around the mark, up to white space
		a := i
		for a > 0 {
			r, n := utf8.DecodeLastRuneInString(t[:a])
			if unicode.IsSpace(r) {
				break
			}
			a -= n
		}
		b := i + 1
		for b < len(t) {
			r, n := utf8.DecodeRuneInString(t[b:])
			if unicode.IsSpace(r) {
				break
			}
			b += n
		}
		tok := t[a:b]
		left := t[a:i]
		right := strings.TrimRight(t[i+1:b], ".,;:!?\"'”’)")
		if strings.ContainsAny(tok, "@/\\:_=") || strings.HasPrefix(strings.ToLower(tok), "www") {
			continue // URL, e-mail address, path
		}
		if strings.Count(right, ".") > 0 || domainSuffixes[strings.ToLower(right)] && isBareDomain(strings.ToLower(strings.TrimRight(t[a:b], ".,;:!?\"'”’)"))) {
			continue // a domain such as Detik.Com or static.Euronews.com
		}
		w := document.Words(t, finding.Span{Start: i + 1, End: i + 1 + len(right)})
		if len(w) == 0 || !isLowerWord(strings.ToLower(right)) || utf8.RuneCountInString(right) < 2 {
			continue
		}
		// the capitalised word must continue in lower case ("Pesawat", not "PDF")
		rest := right[utf8.RuneLen(next):]
		if rest == "" || !isLowerWord(rest) && !unicode.IsLower(firstRune(rest)) {
			continue
		}
		if p.Pack.IsAbbreviation(lastWord(left)+".") || utf8.RuneCountInString(lastWord(left)) < 2 {
			continue
		}
		span := finding.Span{Start: i, End: i + 1}
		p.Report(span, "no space after "+quote(string(c))+" in "+quote(tok),
			finding.Fix{Message: "insert a space: " + quote(lastWord(left)+string(c)+" "+right), Edits: []finding.Edit{{Span: finding.Span{Start: i + 1, End: i + 1}, New: " "}}, Safe: true})
	}
}

// sentenceMarks are the marks that end a sentence.
var sentenceMarks = []string{".", "?", "!"}

// domainSuffixes are the top-level domains that news text writes with a capital
// ("Detik.Com", "Deras.Id"); a glued word such as "said.The" is not a domain.
var domainSuffixes = map[string]bool{
	"com": true, "net": true, "org": true, "id": true, "co": true, "info": true, "biz": true,
	"gov": true, "edu": true, "io": true, "tv": true, "uk": true, "au": true, "sg": true, "news": true,
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
