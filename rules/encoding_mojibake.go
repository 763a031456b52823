package rules

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// Mojibake finds UTF-8 text that was decoded as Windows-1252 or Latin-1 and
// encoded again ("â€œ" for “, "JÃ³hann" for Jóhann), and repairs it.
var Mojibake = &rule.Rule{
	ID:       "encoding/mojibake",
	Title:    "UTF-8 decoded as Windows-1252 (mojibake)",
	Severity: finding.Error,
	FixSafe:  true,
	Doc: rule.Doc{
		What: `Characters such as "â€œ", "â€™" or "Ã³" that are UTF-8 bytes read as Windows-1252 or Latin-1 and written again. The fix re-encodes the run to those bytes and decodes it as UTF-8.`,
		Why:  "Mojibake makes names and quotes unreadable and unsearchable; the repair is exact when the bytes round-trip.",
		Bad:  "Putin mengatakan â€œkami siapâ€ kepada JÃ³hann.\n",
		Good: "Putin mengatakan “kami siap” kepada Jóhann.\n",
		Lang: "id",
	},
	Run: runMojibake,
}

// isMojibakeRune reports whether r can be produced by reading one byte 0x80–0xFF
// as Windows-1252 or Latin-1.
func isMojibakeRune(r rune) bool {
	_, ok := mojibakeByte(r)
	return ok
}

// mojibakeByte returns the byte 0x80–0xFF that r is when read as Windows-1252
// (falling back to Latin-1 for the five bytes 1252 leaves undefined).
func mojibakeByte(r rune) (byte, bool) {
	if r < 0x80 {
		return 0, false
	}
	if b, ok := charmap.Windows1252.EncodeRune(r); ok {
		return b, true
	}
	if r <= 0xff {
		return byte(r), true
	}
	return 0, false
}

// repairMojibakeChar reads the characters at t[k:] as the bytes of one UTF-8
// character (its lead byte gives how many) and returns where they end and the
// bytes, when they decode to a valid character.
func repairMojibakeChar(t string, k int) (end int, buf [utf8.UTFMax]byte, size int, ok bool) {
	for want := 1; size < want; size++ {
		if k >= len(t) {
			return 0, buf, 0, false
		}
		r, n := utf8.DecodeRuneInString(t[k:])
		b, isByte := mojibakeByte(r)
		if !isByte {
			return 0, buf, 0, false
		}
		if size == 0 {
			switch {
			case b >= 0xc2 && b <= 0xdf:
				want = 2
			case b >= 0xe0 && b <= 0xef:
				want = 3
			case b >= 0xf0 && b <= 0xf4:
				want = 4
			default:
				return 0, buf, 0, false
			}
		}
		buf[size] = b
		k += n
	}
	if r, n := utf8.DecodeRune(buf[:size]); r == utf8.RuneError && n <= 1 || n != size {
		return 0, buf, 0, false
	}
	return k, buf, size, true
}

// findMojibake calls fn for each repairable mojibake run that starts in
// t[from:to], with its repair, in order.
func findMojibake(t string, from, to int, fn func(s finding.Span, fixed string)) {
	scanMojibake(t, from, to, len(t), fn)
}

// scanMojibake is findMojibake with the runs cut at the first character that
// ends after t[stop]: enough to learn which runs cover t[stop] without reading
// a long run to its end.
//
// A run is repaired one UTF-8 character at a time and extended while the next
// characters repair too. UTF-8 is self-synchronizing, so this finds the longest
// prefix of the run that is valid UTF-8, and it reads each character of the
// text a bounded number of times: the work is linear in the text.
func scanMojibake(t string, from, to, stop int, fn func(s finding.Span, fixed string)) {
	var fixed []byte
	for i := from; i < to; {
		// A mojibake run starts with a UTF-8 lead byte read as a character:
		// 0xC2–0xF4 are Â Ã Ä … ô, all encoded with the lead byte 0xC3,
		// which never stands inside another character: the scan jumps from
		// one 0xC3 to the next.
		k := strings.IndexByte(t[i:to], 0xc3)
		if k < 0 {
			return
		}
		i += k
		r, n := utf8.DecodeRuneInString(t[i:])
		if r < 0xc2 || r > 0xf4 {
			i += n
			continue
		}
		best := -1
		fixed = fixed[:0]
		for k := i; k <= stop; {
			end, buf, size, ok := repairMojibakeChar(t, k)
			if !ok {
				break
			}
			fixed = append(fixed, buf[:size]...)
			best, k = end, end
		}
		repaired := string(fixed)
		if best < 0 && strings.HasPrefix(t[i:], "â€") && !strings.HasPrefix(t[i+len("â€"):], "\u009d") {
			// "â€" standing alone is ” whose third byte (0x9D, undefined in
			// Windows-1252) was dropped along the way.
			best, repaired = i+len("â€"), "”"
			if next, _ := utf8.DecodeRuneInString(t[best:]); isMojibakeRune(next) {
				best = -1
			}
		}
		if best < 0 {
			i += n
			continue
		}
		fn(finding.Span{Start: i, End: best}, repaired)
		i = best
	}
}

func runMojibake(p *rule.Pass) {
	t := p.Doc.Text
	findMojibake(t, 0, len(t), func(span finding.Span, fixed string) {
		bad := t[span.Start:span.End]
		if allInvisible(fixed) {
			// The repair is itself invisible (U+2060 from "â\u0081\u00a0"):
			// deleting it is what encoding/invisible-char would do next.
			p.Report(span, fmt.Sprintf("mojibake of an invisible character (U+%04X)", firstRune(fixed)),
				finding.Fix{Message: "delete it", Edits: []finding.Edit{{Span: span}}, Safe: true})
			return
		}
		p.Report(span, "mojibake "+quote(bad)+" reads as "+quote(fixed),
			finding.Fix{Message: "replace " + quote(bad) + " with " + quote(fixed), Edits: []finding.Edit{{Span: span, New: fixed}}, Safe: true})
	})
}

// allInvisible reports whether every character of s is one encoding/invisible-char
// removes.
func allInvisible(s string) bool {
	for _, r := range s {
		if invisibleName(r) == "" {
			return false
		}
	}
	return s != ""
}

// mojibakeReach bounds how far around a character inMojibakeRun looks for the
// run it may belong to, so callers stay linear.
const mojibakeReach = 64

// inMojibakeRun reports whether the character at t[i] belongs to a mojibake run
// that encoding/mojibake repairs, such as the no-break space in
// "â\u0081\u00a0", the soft hyphen in "Â\u00ad" or the control characters in
// "æ\u0094¹é\u009d©": such bytes are not real characters, so other rules leave
// them to the repair.
func inMojibakeRun(t string, i int) bool {
	// The start of the run of mojibake-able characters holding i.
	a := i
	for a > 0 && i-a < mojibakeReach {
		r, n := utf8.DecodeLastRuneInString(t[:a])
		if !isMojibakeRune(r) {
			break
		}
		a -= n
	}
	found := false
	scanMojibake(t, a, i+1, i, func(s finding.Span, _ string) {
		if s.Start <= i && i < s.End {
			found = true
		}
	})
	return found
}
