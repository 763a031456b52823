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
	trigger string
	fold    bool // the regexp ignores case, so the trigger must too ("FOTO: AFP")
	re      func() *regexp.Regexp
	line    bool // the match is the whole line: delete the line
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
	{"-/", false, lazyRegexp(`(?:^|\s)-/[\p{L}\p{N} .&'-]{1,40}(?:/[\p{L}\p{N} .&'-]{1,40}){0,3}$`), false},
	{"oto", true, lazyRegexp(`(?i)\s*\((?:foto|photo|gambar|ilustrasi|image|dok\.?)\s*:[^()\n]{1,80}\)`), false},
	{"Photo/", false, lazyRegexp(`\s*\((?:AP|AFP|Reuters|EPA|Getty Images|ANTARA)(?: Photo)?/[^()\n]{1,80}\)`), false},
	{"oto", true, lazyRegexp(`(?i)^(?:foto|photo)\s*:\s*(?:dok\.\s*)?[^.!?\n]{1,60}$`), true},
	{"Photo by", false, lazyRegexp(`\s*\(Photo by [^()\n]{1,80}\)`), false},
	{"getty images", true, lazyRegexp(`(?i)^(?:photo|image)?[^.!?\n]{0,60}/\s*Getty Images$`), true},
}

func runPhotoCredit(p *rule.Pass) {
	d := p.Doc
	for i := range d.Lines {
		ls := trimmedLine(d, i)
		if ls.Len() == 0 {
			continue
		}
		line := d.Slice(ls)
		var done []finding.Span
		for _, cp := range creditPatterns {
			if !cp.triggers(line) {
				continue
			}
			for _, m := range cp.re().FindAllStringIndex(line, -1) {
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

func overlapsAny(list []finding.Span, s finding.Span) bool {
	for _, x := range list {
		if x.Overlaps(s) {
			return true
		}
	}
	return false
}
