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
		What: `An opening or closing quotation mark with no partner in its paragraph. Marks pair by family, whatever their style: a double mark (“ ” " „ « » or ’’) closes any double mark, so "…” and German „…“ are complete; a single mark (‘ ’ ‚ ‹ ›) closes a single one. Whether a mark opens or closes is read from where it stands (before a word it opens, after one it closes), so a mark that faces the wrong way still pairs. Not reported: a quote that runs on into the next paragraph, which news style opens again without closing; a ‘ or ’ inside a word or before a digit (“Jum’at”, “Ma‘ruf”, “’90-an”, “rock ’n’ roll”) or the ‘ayn opening a name after another name (“Siti ‘Aisyah”); a lone closing ’ (a possessive: “the players’ union”); an inch mark after a digit (27").`,
		Why:  "An unmatched mark means text was cut or glued: the reader cannot tell where a quote starts or ends, nor can attribution checks.",
		Bad:  "Putin menyebut latihan itu “bermusuhan” terhadap Korea Utara.” Dia pergi.\n",
		Good: "Putin menyebut latihan itu “bermusuhan” terhadap Korea Utara. Dia pergi.\n",
		Lang: "id",
	},
	Run: runUnbalancedQuote,
}

// quoteFamily says which marks can pair: double marks pair with double marks,
// single with single, whatever their style.
type quoteFamily int

const (
	noQuote quoteFamily = iota
	doubleQuote
	singleQuote
)

// quoteRole is what a mark does at its place in the text.
type quoteRole int

const (
	roleSkip   quoteRole = iota // not a quotation mark here: apostrophe, inch mark, letter
	roleOpen                    // opens a quote
	roleClose                   // closes a quote
	roleEither                  // closes an open quote if there is one, else opens
)

// quoteMark is one quotation mark found in a paragraph.
type quoteMark struct {
	off, size int // byte offset in the paragraph, and length (2 marks for ’’)
	r         rune
	family    quoteFamily
	role      quoteRole
}

// quoteMarkAt reads the quotation mark starting at byte i of text, if any.
func quoteMarkAt(text string, i int) (r rune, size int, fam quoteFamily) {
	r, size = utf8.DecodeRuneInString(text[i:])
	switch r {
	case '“', '”', '"', '„', '‟', '«', '»':
		return r, size, doubleQuote
	case '‘', '’', '‚', '‹', '›':
		// ’’ and ‘‘ written for ” and “
		if next, n := utf8.DecodeRuneInString(text[i+size:]); next == r && (r == '’' || r == '‘') {
			return r, size + n, doubleQuote
		}
		return r, size, singleQuote
	}
	return r, size, noQuote
}

// side classifies the character next to a quotation mark.
type side int

const (
	sideSpace side = iota // white space, the paragraph's edge, an opening bracket or dash
	sideWord              // a letter, digit or symbol
	sidePunct             // closing punctuation: . , ; : ! ? ) ] …
)

func classifySide(r rune, edge, after bool) side {
	switch {
	case edge || unicode.IsSpace(r) || strings.ContainsRune("—–-/", r):
		return sideSpace
	case strings.ContainsRune("([{", r):
		if after {
			return sideWord // “[Rendahnya …]”: the quote opens on a bracket
		}
		return sideSpace
	case strings.ContainsRune(".,;:!?)]}…", r):
		return sidePunct
	}
	return sideWord
}

// isCJK reports whether r is Hangul, Han or kana: scripts without apostrophes,
// where a particle follows a closing mark directly (‘리벤지’의).
func isCJK(r rune) bool {
	return unicode.In(r, unicode.Hangul, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

// contractionAfter reports whether text at i starts an English contraction's
// tail cut off by a stray space ("isn ‘t").
func contractionAfter(text string, i int) bool {
	for _, tail := range []string{"t", "s", "ll", "re", "ve", "d", "m"} {
		if strings.HasPrefix(text[i:], tail) {
			next, _ := utf8.DecodeRuneInString(text[i+len(tail):])
			if i+len(tail) == len(text) || !unicode.IsLetter(next) {
				return true
			}
		}
	}
	return false
}

// roleOf decides what the mark r (size bytes at off, of family fam) does,
// from its shape and the characters on either side.
func roleOf(text string, off, size int, r rune, fam quoteFamily) quoteRole {
	prev, _ := utf8.DecodeLastRuneInString(text[:off])
	next, _ := utf8.DecodeRuneInString(text[off+size:])
	before := classifySide(prev, off == 0, false)
	after := classifySide(next, off+size >= len(text), true)
	if fam == singleQuote {
		if r == '’' {
			if before == sideWord && after == sideWord && !isCJK(next) {
				return roleSkip // Jum’at, don’t
			}
			// ’ never opens a quote: before a word it stands for left-out
			// letters (’round, ’90-an), elsewhere it closes or is a
			// possessive apostrophe (the Browns ’ game, U.K.’s).
			return roleClose
		}
		if unicode.IsDigit(next) {
			return roleSkip // ’90-an, ’80s: an elided century
		}
		if before == sideWord && after == sideWord && !isCJK(prev) && !isCJK(next) {
			return roleSkip // Ma‘ruf; against a Korean word (‘리벤지’의) it is a quote
		}
		if before == sideSpace && off > 0 && unicode.IsSpace(prev) && contractionAfter(text, off+size) {
			p2, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(text[:off], unicode.IsSpace))
			if unicode.IsLetter(p2) {
				return roleSkip // "isn ‘t": an apostrophe with a stray space
			}
		}
	}
	switch {
	case before == sideWord && after == sideWord:
		switch r {
		case '"':
			return roleEither
		case '“', '„', '‘', '‚', '«', '‹':
			return roleOpen
		}
		return roleClose
	case after == sideWord && before != sideWord:
		if before == sidePunct {
			return roleEither // ".“China" opens, "kata dia,”Lalu" closes
		}
		return roleOpen
	case before != sideSpace && after != sideWord:
		if r == '"' && unicode.IsDigit(prev) {
			return roleEither // 27" (an inch mark) or the end of "50OFF699"
		}
		if before == sidePunct && after == sidePunct {
			return roleEither
		}
		return roleClose
	}
	return roleEither // spaced on both sides: “ I Cavalieri dello Zodiaco “,
}

func runUnbalancedQuote(p *rule.Pass) {
	d := p.Doc
	if !hasQuoteMark(d.Text) {
		return
	}
	paras := d.Paragraphs
	opensWith := func(k int, fam quoteFamily) bool {
		if k >= len(paras) {
			return false
		}
		next := strings.TrimSpace(d.Slice(paras[k].Span))
		if next == "" {
			return false
		}
		_, _, f := quoteMarkAt(next, 0)
		return f == fam
	}
	// The marks still open, by family, and the marks to report: reused from
	// one paragraph to the next.
	var doubles, singles, bad []quoteMark
	for k, para := range paras {
		text := d.Slice(para.Span)
		if !hasQuoteMark(text) {
			continue
		}
		bad, doubles, singles = bad[:0], doubles[:0], singles[:0]
		leads := newNeedleScan(text, quoteLeads)
		for i := 0; i < len(text); {
			// Every mark starts with '"' or the lead byte of «, », “, ’ …:
			// the bytes between are passed over without decoding them (a
			// lead byte never stands inside another character).
			k, _ := leads.from(i)
			if k < 0 {
				break
			}
			i = k
			r, size, fam := quoteMarkAt(text, i)
			if fam == noQuote {
				i += size
				continue
			}
			m := quoteMark{off: i, size: size, r: r, family: fam, role: roleOf(text, i, size, r, fam)}
			i += size
			st := &doubles
			if fam == singleQuote {
				st = &singles
			}
			if m.role == roleOpen && r == '"' && len(*st) > 0 && (*st)[len(*st)-1].r == '"' && misplacedCloser(text, m.off, m.size) {
				m.role = roleClose
			}
			switch m.role {
			case roleSkip:
				continue
			case roleOpen:
				*st = append(*st, m)
			case roleEither:
				if len(*st) > 0 {
					*st = (*st)[:len(*st)-1]
				} else if r == '"' && unicode.IsDigit(lastRune(text[:m.off])) {
					continue // an inch mark: 27"
				} else if strings.ContainsRune("«»‹›", r) {
					continue // a lone spaced guillemet is an arrow: "Home » News", "near you »"
				} else {
					m.role = roleOpen
					*st = append(*st, m)
				}
			case roleClose:
				if len(*st) > 0 {
					*st = (*st)[:len(*st)-1]
				} else if fam == doubleQuote {
					bad = append(bad, m)
				} // a lone closing ’ is a possessive apostrophe: the players’ union
			}
		}
		for _, fam := range [...]quoteFamily{doubleQuote, singleQuote} {
			st := doubles
			if fam == singleQuote {
				st = singles
			}
			if len(st) == 0 || opensWith(k+1, fam) {
				continue // none left open, or the quote runs on into the next paragraph
			}
			for _, m := range st {
				if fam == singleQuote && aynInName(text, m.off, m.size) {
					continue
				}
				bad = append(bad, m)
			}
		}
		for _, m := range bad {
			off := para.Start + m.off
			kind := "closing"
			if m.role == roleOpen {
				kind = "opening"
			}
			p.Report(finding.Span{Start: off, End: off + m.size}, kind+" quotation mark "+quote(text[m.off:m.off+m.size])+" has no partner in its paragraph")
		}
	}
}

// quoteLeads are the bytes a quotation mark starts with: '"', and the lead
// bytes of « » (0xC2) and of “ ” „ ‟ ‘ ’ ‚ ‹ › (0xE2).
var quoteLeads = []string{"\"", "\xc2", "\xe2"}

// hasQuoteMark reports whether text holds one of the marks quoteMarkAt
// reads (strings.ContainsAny(text, "“”\"„‟«»‘’‚‹›")), with vectorised
// searches for '"' and for the lead bytes of the others instead of decoding
// every character.
func hasQuoteMark(text string) bool {
	if strings.IndexByte(text, '"') >= 0 || strings.Contains(text, "«") || strings.Contains(text, "»") {
		return true
	}
	// “ ” „ ‟ ‘ ’ ‚ are U+2018–U+201F (E2 80 98–9F); ‹ › are U+2039–U+203A (E2 80 B9–BA).
	for i := 0; ; {
		k := strings.Index(text[i:], "\xe2\x80")
		if k < 0 || i+k+2 >= len(text) {
			return false
		}
		i += k + 2
		if c := text[i]; c >= 0x98 && c <= 0x9f || c == 0xb9 || c == 0xba {
			return true
		}
	}
}

// misplacedCloser reports whether the straight quote at off, which stands
// before a word, is a closing mark with its space on the wrong side: after a
// comma and before a lower-case word, `… sementara waktu, "kata Puja.`.
func misplacedCloser(text string, off, size int) bool {
	before := strings.TrimRightFunc(text[:off], unicode.IsSpace)
	next, _ := utf8.DecodeRuneInString(text[off+size:])
	return len(before) < off && strings.HasSuffix(before, ",") && unicode.IsLower(next)
}

// aynInName reports whether the single mark at off opens a capitalised word
// right after another capitalised word: the ‘ayn of a transliterated Arabic
// name ("Siti ‘Aisyah", "Abu ‘Ubaidah"), a letter rather than a quote.
func aynInName(text string, off, size int) bool {
	next, _ := utf8.DecodeRuneInString(text[off+size:])
	if !unicode.IsUpper(next) {
		return false
	}
	before := strings.TrimRightFunc(text[:off], unicode.IsSpace)
	if len(before) == len(text[:off]) {
		return false
	}
	w := wordBefore(before, len(before))
	first, _ := utf8.DecodeRuneInString(w)
	return w != "" && unicode.IsUpper(first) && unicode.IsLetter(lastRune(w))
}
