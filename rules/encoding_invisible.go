package rules

import (
	"fmt"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// InvisibleChar finds characters a reader cannot see: zero-width spaces, soft
// hyphens, byte-order marks inside the text, bidirectional controls, control
// characters and the replacement character U+FFFD.
var InvisibleChar = &rule.Rule{
	ID:       "encoding/invisible-char",
	Title:    "invisible, control or replacement character",
	Severity: finding.Warning,
	FixSafe:  true,
	Doc: rule.Doc{
		What: "Zero-width spaces (U+200B), word joiners, soft hyphens (U+00AD), byte-order marks inside the text, bidirectional controls, C0 and C1 control characters, and U+FFFD, the mark a decoder leaves where it lost a character.",
		Why:  "They split words for search and tokenizers while looking like nothing; U+FFFD means text was already lost.",
		Bad:  "Kim Jong\u200bUn tiba di Moskow.\n",
		Good: "Kim JongUn tiba di Moskow.\n",
		Lang: "id",
	},
	Run: runInvisible,
}

func invisibleName(r rune) string {
	switch {
	case r == '\u200b':
		return "zero-width space"
	case r == '\u2060':
		return "word joiner"
	case r == '\u00ad':
		return "soft hyphen"
	case r == '\ufeff':
		return "byte-order mark inside the text"
	case r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069', r == '\u200e', r == '\u200f':
		return "bidirectional control"
	case r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == 0x7f, r >= 0x80 && r <= 0x9f:
		return "control character"
	}
	return ""
}

func runInvisible(p *rule.Pass) {
	t := p.Doc.Text
	for i := 0; i < len(t); {
		// Eight printable ASCII characters at a time, then one byte at a
		// time up to the next that may start an invisible character: a
		// control byte or the lead byte of U+0080–U+00AD (0xC2), of
		// U+200B–U+2069 (0xE2) or of U+FEFF and U+FFFD (0xEF). A lead byte
		// never stands inside another character, so the bytes between need
		// no decoding.
		for i+8 <= len(t) && printableASCII8(t[i:i+8]) {
			i += 8
		}
		if i == len(t) {
			break
		}
		c := t[i]
		if c >= 0x20 && c < 0x7f || c == '\n' || c == '\r' || c == '\t' || c >= 0x80 && c != 0xc2 && c != 0xe2 && c != 0xef {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(t[i:])
		if r == utf8.RuneError && n == 1 {
			i++ // invalid UTF-8 is encoding/invalid-utf8's
			continue
		}
		span := finding.Span{Start: i, End: i + n}
		name := invisibleName(r)
		// Ask whether the character is part of mojibake only for one this
		// rule would report: most non-ASCII text is neither.
		switch {
		case r != utf8.RuneError && name == "":
		case inMojibakeRun(t, i):
			// "Ã\u0080" for "À": encoding/mojibake repairs it
		case r == utf8.RuneError:
			p.Report(span, "replacement character U+FFFD: a character was lost when the text was decoded")
		default:
			p.Report(span, fmt.Sprintf("invisible %s (U+%04X)", name, r),
				finding.Fix{Message: fmt.Sprintf("delete the %s", name), Edits: []finding.Edit{{Span: span}}, Safe: true})
		}
		i += n
	}
}

// printableASCII8 reports whether the eight bytes of s are all printable
// ASCII (0x20–0x7E), testing them together as one word: with every high bit
// clear (so no sum carries into the next byte), a byte b is at least 0x20 when
// b+0x60 sets its high bit, and below 0x7F when b+1 does not.
func printableASCII8(s string) bool {
	x := littleEndian64(s, 0)
	return (x|(x+oneBytes))&highBytes == 0 && (x+0x60*oneBytes)&highBytes == highBytes
}
