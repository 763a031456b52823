package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// UnbalancedQuote finds a quotation mark with no partner in its paragraph.
var UnbalancedQuote = &rule.Rule{
	ID:       "punctuation/unbalanced-quote",
	Title:    "quotation mark without its partner",
	Severity: finding.Warning,
	Doc: rule.Doc{
		What: `An opening or closing quotation mark (“ ” ‘ ’ or ") with no partner in its paragraph. A quote that runs on into the next paragraph, which news style opens again without closing, is not reported.`,
		Why:  "An unmatched mark means text was cut or glued: the reader cannot tell where a quote starts or ends, nor can attribution checks.",
		Bad:  "Putin menyebut latihan itu “bermusuhan” terhadap Korea Utara.” Dia pergi.\n",
		Good: "Putin menyebut latihan itu “bermusuhan” terhadap Korea Utara. Dia pergi.\n",
		Lang: "id",
	},
	Run: runUnbalancedQuote,
}

type quoteMark struct {
	off  int
	open bool
}

func runUnbalancedQuote(p *rule.Pass) {
	d := p.Doc
	paras := d.Paragraphs
	for k, para := range paras {
		text := d.Slice(para.Span)
		if !strings.ContainsAny(text, "“”‘\"") {
			continue
		}
		var bad []int
		// curly double quotes, with a stack
		var stack []int
		var single []int
		for i, r := range text {
			switch r {
			case '“':
				stack = append(stack, i)
			case '”':
				if len(stack) == 0 {
					bad = append(bad, i)
				} else {
					stack = stack[:len(stack)-1]
				}
			case '‘':
				single = append(single, i)
			case '’':
				prev, _ := utf8.DecodeLastRuneInString(text[:i])
				next, _ := utf8.DecodeRuneInString(text[i+len("’"):])
				if unicode.IsLetter(prev) && unicode.IsLetter(next) {
					continue // an apostrophe: Jum’at, don’t
				}
				if len(single) > 0 {
					single = single[:len(single)-1]
				}
			}
		}
		if len(stack) > 0 && !(k+1 < len(paras) && strings.HasPrefix(strings.TrimSpace(d.Slice(paras[k+1].Span)), "“")) {
			bad = append(bad, stack...)
		}
		bad = append(bad, single...)
		// straight double quotes: an odd count, not inch marks after a digit
		var straight []int
		for i := 0; i < len(text); i++ {
			if text[i] == '"' && !(i > 0 && text[i-1] >= '0' && text[i-1] <= '9') {
				straight = append(straight, i)
			}
		}
		if len(straight)%2 == 1 {
			last := straight[len(straight)-1]
			opens := last == 0 || unicode.IsSpace(rune(text[last-1]))
			continued := k+1 < len(paras) && strings.HasPrefix(strings.TrimSpace(d.Slice(paras[k+1].Span)), "\"")
			if !(opens && continued) {
				bad = append(bad, last)
			}
		}
		for _, i := range bad {
			r, n := utf8.DecodeRuneInString(text[i:])
			off := para.Start + i
			kind := "closing"
			if r == '“' || r == '‘' || r == '"' && (i == 0 || unicode.IsSpace(rune(text[i-1]))) {
				kind = "opening"
			}
			p.Report(finding.Span{Start: off, End: off + n}, kind+" quotation mark "+quote(string(r))+" has no partner in its paragraph")
		}
	}
}
