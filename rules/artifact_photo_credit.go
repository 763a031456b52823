package rules

import (
	"regexp"
	"strings"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// PhotoCredit finds photo credits and caption credits: "-/Kremlin/dpa",
// "(Foto: dok. Istimewa)", "(AP Photo/…)", "Foto: AFP".
var PhotoCredit = &rule.Rule{
	ID:       "artifact/photo-credit",
	Title:    "photo credit left in the text",
	Severity: finding.Warning,
	FixSafe:  true,
	Doc: rule.Doc{
		What: `A photo credit from a caption: an agency path such as "-/Kremlin/dpa" at the end of a line, a parenthesised "(Foto: dok. Istimewa)" or "(AP Photo/Ahn Young-joon)", or a line that is only "Foto: AFP".`,
		Why:  "Credits are page furniture; in running text they read as garbage words.",
		Bad:  "Kim Jong Un dan Vladimir Putin hadir dalam upacara penyambutan. -/Kremlin/dpa\n",
		Good: "Kim Jong Un dan Vladimir Putin hadir dalam upacara penyambutan.\n",
		Lang: "id",
	},
	Run: runPhotoCredit,
}

// creditPattern is a regular expression over one line; it is tried only on
// lines holding its trigger substring, so it never runs per character.
type creditPattern struct {
	// inText is a literal every text the pattern matches in holds, and
	// rare the index of its rarest byte, looked for first: a document
	// without it is not looked at line by line.
	inText string
	rare   int
	// may is a cheap test every line the regexp matches passes (a byte it
	// needs, the line's first or last letters): it spares the trigger's
	// search and the regexp on nearly every line.
	may     func(line string) bool
	trigger string
	fold    bool // the regexp ignores case, so the trigger must too ("FOTO: AFP")
	re      func() *regexp.Regexp
	line    bool // the match is the whole line: delete the line
	// atParen, when set, is re from its "(" on, anchored, and firsts the
	// bytes that may follow that "(": re's matches are then found by
	// trying atParen at each "(" (find) instead of running re along the
	// whole line, which in a flattened article is the whole text.
	atParen func() *regexp.Regexp
	firsts  string
}

// matches returns the start and end of each of cp's matches in line, none
// when line lacks cp's trigger.
func (cp creditPattern) matches(line string) [][]int {
	if cp.atParen != nil {
		// Trying each "(" costs less than a search for the trigger that
		// ignores case.
		if ms := cp.find(line); ms != nil && cp.triggers(line) {
			return ms
		}
		return nil
	}
	if !cp.triggers(line) {
		return nil
	}
	return cp.find(line)
}

// find returns the start and end of each of cp's matches in line, as
// cp.re().FindAllStringIndex would.
func (cp creditPattern) find(line string) [][]int {
	if cp.atParen == nil {
		return cp.re().FindAllStringIndex(line, -1)
	}
	// re is \s*\(…\): a match starts at the white space (\s) before a "("
	// where atParen matches and ends at the first ")" after it (re takes
	// no ")" between them), and the next match is looked for from its end.
	var out [][]int
	for from := 0; from < len(line); {
		i := strings.IndexByte(line[from:], '(')
		if i < 0 {
			break
		}
		p := from + i
		if p+1 >= len(line) || strings.IndexByte(cp.firsts, line[p+1]) < 0 {
			from = p + 1
			continue
		}
		q := strings.IndexByte(line[p:], ')')
		if q < 0 {
			break
		}
		end := p + q + 1
		if !cp.atParen().MatchString(line[p:end]) {
			from = p + 1
			continue
		}
		start := p
		for start > from && isRegexpSpace(line[start-1]) {
			start--
		}
		out = append(out, []int{start, end})
		from = end
	}
	return out
}

// triggers reports whether line holds cp's trigger.
func (cp creditPattern) triggers(line string) bool {
	if cp.fold {
		return containsFoldASCII(line, cp.trigger)
	}
	return strings.Contains(line, cp.trigger)
}

// creditPatterns are compiled once, on first use: compiling them for every
// article cost more than all the other rules together (bench/README.md).
var creditPatterns = []creditPattern{
	{inText: "-/", rare: 1, may: anyLine, trigger: "-/", re: lazyRegexp(`(?:^|\s)-/[\p{L}\p{N} .&'-]{1,40}(?:/[\p{L}\p{N} .&'-]{1,40}){0,3}$`)},
	{inText: ":", may: holdsParenColon, trigger: "(", fold: true,
		re:      lazyRegexp(`(?i)\s*` + photoParenExpr),
		atParen: lazyRegexp(`(?i)^` + photoParenExpr),
		// the letters starting the words, none of which folds to a letter outside ASCII
		firsts: "fFpPgGiIdD"},
	{inText: "/", may: holdsParen, trigger: "/",
		re:      lazyRegexp(`\s*` + agencyParenExpr),
		atParen: lazyRegexp(`^` + agencyParenExpr),
		firsts:  "AERG"},
	{inText: ":", may: startsWithPhoto, trigger: "oto", fold: true, re: lazyRegexp(`(?i)^(?:foto|photo)\s*:\s*(?:dok\.\s*)?[^.!?\n]{1,60}$`), line: true},
	{inText: "(Photo by", may: anyLine, trigger: "Photo by", re: lazyRegexp(`\s*\(Photo by [^()\n]{1,80}\)`)},
	{inText: "/", may: endsWithGettyImages, trigger: "getty images", fold: true, re: lazyRegexp(`(?i)^(?:photo|image)?[^.!?\n]{0,60}/\s*Getty Images$`), line: true},
}

// holdsParen reports whether line holds a "(".
func holdsParen(line string) bool { return strings.IndexByte(line, '(') >= 0 }

// agencyParenExpr is a parenthesised agency path, "(AP Photo/Ahn Young-joon)",
// "(ANTARA/Budi Santoso)".
const agencyParenExpr = `\((?:AP|AFP|Reuters|EPA|Getty Images|ANTARA)(?: Photo)?/[^()\n]{1,80}\)`

// photoParenExpr is a parenthesised credit, "(Foto: dok. Istimewa)".
const photoParenExpr = `\((?:foto|photo|gambar|ilustrasi|image|dok\.?)\s*:[^()\n]{1,80}\)`

// anyLine is the test of a pattern whose trigger is cheap enough alone.
func anyLine(string) bool { return true }

// holdsParenColon: "(Foto: …)" holds "(", ":" and ")".
func holdsParenColon(line string) bool {
	return strings.IndexByte(line, '(') >= 0 && strings.IndexByte(line, ':') >= 0 && strings.IndexByte(line, ')') >= 0
}

// startsWithPhoto: "Foto: AFP" starts with "foto" or "photo" in any case
// (none of their letters folds to a letter outside ASCII).
func startsWithPhoto(line string) bool {
	return hasPrefixFoldASCII(line, "foto") || hasPrefixFoldASCII(line, "photo")
}

// endsWithGettyImages: "…/Getty Images" ends with "getty images" in any
// case, its "s" maybe the long s "ſ" that folds to it (no other of its
// letters folds to a letter outside ASCII).
func endsWithGettyImages(line string) bool {
	const name = "getty image" // and the "s"
	switch {
	case strings.HasSuffix(line, "s"), strings.HasSuffix(line, "S"):
		line = line[:len(line)-1]
	case strings.HasSuffix(line, "ſ"):
		line = line[:len(line)-len("ſ")]
	default:
		return false
	}
	return len(line) >= len(name) && hasPrefixFoldASCII(line[len(line)-len(name):], name)
}

func runPhotoCredit(p *rule.Pass) {
	d := p.Doc
	var tried uint // bit k: creditPatterns[k] may match in the text
	for k, cp := range creditPatterns {
		if containsAround(d.Text, cp.inText, cp.rare) {
			tried |= 1 << k
		}
	}
	if tried == 0 {
		return
	}
	for i := range d.Lines {
		ls := trimmedLine(d, i)
		if ls.Len() == 0 {
			continue
		}
		line := d.Slice(ls)
		var done []finding.Span
		for k, cp := range creditPatterns {
			if tried&(1<<k) == 0 || !cp.may(line) {
				continue
			}
			for _, m := range cp.matches(line) {
				s := trimSpan(d.Text, finding.Span{Start: ls.Start + m[0], End: ls.Start + m[1]})
				if overlapsAny(done, s) {
					continue
				}
				done = append(done, s)
				if cp.line || s == ls {
					p.Report(s, "photo credit line "+quote(d.Slice(s)), deleteLineFix(d, i))
					continue
				}
				p.Report(s, "photo credit "+quote(d.Slice(s))+" left in the text",
					finding.Fix{Message: "delete " + quote(d.Slice(s)), Edits: []finding.Edit{removeInlineEdit(d.Text, ls, s)}, Safe: true})
			}
		}
	}
}

// containsAround reports whether text holds lit, looking for lit's byte at k
// first: strings.Contains looks for the first byte, and "-" or "P" is
// everywhere in a text where "/" is rare.
func containsAround(text, lit string, k int) bool {
	for i := k; i < len(text); {
		j := strings.IndexByte(text[i:], lit[k])
		if j < 0 {
			return false
		}
		if start := i + j - k; strings.HasPrefix(text[start:], lit) {
			return true
		}
		i += j + 1
	}
	return false
}

func overlapsAny(list []finding.Span, s finding.Span) bool {
	for _, x := range list {
		if x.Overlaps(s) {
			return true
		}
	}
	return false
}
