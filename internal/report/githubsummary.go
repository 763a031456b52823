package report

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/fix"
)

// Limits of the job summary. GitHub refuses a step summary of more than
// 1 MiB; summaryMaxBytes keeps well under it, whatever the findings hold.
const (
	summaryMaxBytes  = 900 << 10
	summaryTableRows = 500
	summaryFixes     = 200
	// diffContext is how many bytes of a long line a diff shows on either side
	// of its edits (articles flattened to one line run to thousands of bytes).
	diffContext = 80
	// diffMaxLines caps the lines one side of a suggested-fix diff shows.
	diffMaxLines = 12
)

// GitHubSummary renders the job summary of a run as GitHub-flavoured Markdown:
// the totals per category and per rule, a table of findings (the most severe
// first, capped at summaryTableRows with a note), the files that could not be
// checked, and each file's suggested fixes as diff blocks in a collapsible
// <details> section. It stays under 1 MiB whatever the input.
//
// Article text (messages, paths, lines) cannot break the Markdown or the HTML:
// outside code blocks every character Markdown or HTML gives a meaning to is
// written as a numeric character reference, and each diff block is fenced
// with more backticks than any run in its content.
func GitHubSummary(in *Input) string {
	s := &summaryWriter{budget: summaryMaxBytes}
	s.line("## " + toolName)
	s.line("")
	files := fmt.Sprintf("%d %s checked", in.Files, plural(in.Files, "file", "files"))
	if n := len(in.Errors); n > 0 {
		files += fmt.Sprintf(", %d could not be checked", n)
	}
	if len(in.Findings) == 0 {
		s.line("No findings in " + files + ".")
	} else {
		s.line("**" + findingTotals(in.Findings) + "** in " + files + ".")
	}
	if len(in.Findings) > 0 {
		writeSummaryTotals(s, in.Findings)
		writeSummaryTable(s, in.Findings)
	}
	if len(in.Errors) > 0 {
		s.line("")
		s.line("### Files that could not be checked")
		s.line("")
		for _, e := range in.Errors {
			if !s.line("- " + mdText(e.Path) + ": " + mdText(e.Message)) {
				break
			}
		}
	}
	if len(in.ConfigNotes) > 0 {
		s.line("")
		s.line("### Configuration notes")
		s.line("")
		for _, n := range in.ConfigNotes {
			where := mdText(n.Path)
			if n.Line > 0 {
				where += ":" + strconv.Itoa(n.Line)
			}
			if !s.line("- " + where + ": " + mdText(n.Message)) {
				break
			}
		}
	}
	writeSummaryFixes(s, in)
	if s.full {
		s.force("")
		s.force("_The summary stops here: GitHub keeps at most 1 MiB of it. --format sarif or --format rdjsonl gives every finding._")
	}
	return s.b.String()
}

// summaryWriter builds the summary within a byte budget; once a line does not
// fit, it writes no more ordinary lines.
type summaryWriter struct {
	b      strings.Builder
	budget int
	full   bool
}

// reserve is kept free for the closing lines force writes.
const reserve = 1 << 10

// line appends l and a line break if it fits, and reports whether it did.
func (s *summaryWriter) line(l string) bool {
	if s.full || s.b.Len()+len(l)+1 > s.budget-reserve {
		s.full = true
		return false
	}
	s.b.WriteString(l)
	s.b.WriteByte('\n')
	return true
}

// fits reports whether n more bytes fit.
func (s *summaryWriter) fits(n int) bool {
	if s.full || s.b.Len()+n > s.budget-reserve {
		s.full = true
		return false
	}
	return true
}

// force appends l within the reserve (closing lines, notes).
func (s *summaryWriter) force(l string) {
	s.b.WriteString(l)
	s.b.WriteByte('\n')
}

// ruleTotal counts the findings of one rule by severity.
type ruleTotal struct {
	id     string
	counts [finding.Error + 1]int
	files  map[string]bool
}

func (t *ruleTotal) total() int {
	return t.counts[finding.Info] + t.counts[finding.Warning] + t.counts[finding.Error]
}

// writeSummaryTotals writes the counts per category and per rule.
func writeSummaryTotals(s *summaryWriter, fs []finding.Finding) {
	rules := map[string]*ruleTotal{}
	cats := map[string]*ruleTotal{}
	for i := range fs {
		f := &fs[i]
		for _, t := range []*ruleTotal{total(rules, f.Rule), total(cats, finding.Category(f.Rule))} {
			if f.Severity >= finding.Info && f.Severity <= finding.Error {
				t.counts[f.Severity]++
			}
			t.files[f.Path] = true
		}
	}
	row := func(name string, t *ruleTotal) string {
		return "| " + name + " | " + strconv.Itoa(t.total()) + " | " + strconv.Itoa(t.counts[finding.Error]) + " | " +
			strconv.Itoa(t.counts[finding.Warning]) + " | " + strconv.Itoa(t.counts[finding.Info]) + " | " + strconv.Itoa(len(t.files)) + " |"
	}
	s.line("")
	s.line("### Totals")
	s.line("")
	s.line("| category | findings | error | warning | info | files |")
	s.line("|---|--:|--:|--:|--:|--:|")
	order := finding.Categories()
	catKeys := sortedKeys(cats)
	slices.SortStableFunc(catKeys, func(a, b string) int { return cmp.Compare(categoryRank(order, a), categoryRank(order, b)) })
	for _, c := range catKeys {
		s.line(row(mdText(c), cats[c]))
	}
	s.line("")
	s.line("| rule | findings | error | warning | info | files |")
	s.line("|---|--:|--:|--:|--:|--:|")
	ruleKeys := sortedKeys(rules)
	slices.SortStableFunc(ruleKeys, func(a, b string) int {
		return cmp.Compare(categoryRank(order, finding.Category(a)), categoryRank(order, finding.Category(b)))
	})
	for _, id := range ruleKeys {
		s.line(row("["+mdText(id)+"]("+ruleDocURL(id)+")", rules[id]))
	}
}

// total returns the counter for key, creating it.
func total(m map[string]*ruleTotal, key string) *ruleTotal {
	t := m[key]
	if t == nil {
		t = &ruleTotal{id: key, files: map[string]bool{}}
		m[key] = t
	}
	return t
}

// categoryRank orders categories as the documentation does; unknown ones last.
func categoryRank(order []string, c string) int {
	if i := slices.Index(order, c); i >= 0 {
		return i
	}
	return len(order)
}

// bySeverity returns the indexes of fs, the most severe first, in file order
// within a severity.
func bySeverity(fs []finding.Finding) []int {
	idx := make([]int, len(fs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(fs[b].Severity, fs[a].Severity) })
	return idx
}

// writeSummaryTable writes the table of findings, the most severe first.
func writeSummaryTable(s *summaryWriter, fs []finding.Finding) {
	s.line("")
	s.line("### Findings")
	s.line("")
	s.line("| severity | file | line | rule | message |")
	s.line("|---|---|--:|---|---|")
	written := 0
	for _, i := range bySeverity(fs) {
		if written == summaryTableRows {
			break
		}
		f := &fs[i]
		line := ""
		if !f.Range.IsZero() {
			line = strconv.Itoa(f.Range.Start.Line)
		}
		if !s.line("| " + f.Severity.String() + " | " + mdText(f.Path) + " | " + line + " | " + mdText(f.Rule) + " | " + mdText(annotationMessage(f)) + " |") {
			break
		}
		written++
	}
	if written < len(fs) {
		s.force("")
		s.force(fmt.Sprintf("_%d of %d findings shown, the most severe first; --format sarif or --format rdjsonl gives every finding._", written, len(fs)))
	}
}

// writeSummaryFixes writes each file's suggested fixes as diff blocks in a
// collapsible section. The lines come from in.Source; without it, or when a
// file cannot be read or no longer matches the finding, a fix is given in
// words only.
func writeSummaryFixes(s *summaryWriter, in *Input) {
	var withFix []int
	for i := range in.Findings {
		if firstFix(&in.Findings[i]) != nil {
			withFix = append(withFix, i)
		}
	}
	if len(withFix) == 0 || s.full {
		return
	}
	s.line("")
	s.line("### Suggested fixes")
	s.line("")
	shown := 0
	for start := 0; start < len(withFix) && shown < summaryFixes && !s.full; {
		path := in.Findings[withFix[start]].Path
		end := start
		for end < len(withFix) && in.Findings[withFix[end]].Path == path {
			end++
		}
		var src []byte // findings are sorted by path: each file is read once
		if in.Source != nil {
			if data, err := in.Source(path); err == nil {
				src = data
			}
		}
		var section strings.Builder
		n := 0
		for _, i := range withFix[start:end] {
			if shown+n == summaryFixes {
				break
			}
			f := &in.Findings[i]
			fx := firstFix(f)
			where := "whole file"
			if !f.Range.IsZero() {
				where = "line " + strconv.Itoa(f.Range.Start.Line)
			}
			section.WriteString(where + " · " + mdText(f.Rule) + ": " + mdText(fx.Message))
			if !fx.Safe {
				section.WriteString(" _(" + mdText(strings.TrimSpace(strings.Trim(unsafeFixNote, " ()"))) + ")_")
			}
			section.WriteString("\n\n")
			if diff := fixDiff(src, fx); diff != "" {
				fence := strings.Repeat("`", max(3, longestRun(diff, '`')+1))
				section.WriteString(fence + "diff\n" + diff + fence + "\n\n")
			}
			n++
		}
		head := "<details><summary>" + mdText(path) + ": " + strconv.Itoa(n) + " suggested " + plural(n, "fix", "fixes") + "</summary>\n\n"
		tail := "</details>\n"
		if !s.fits(len(head) + section.Len() + len(tail)) {
			break
		}
		s.b.WriteString(head)
		s.b.WriteString(section.String())
		s.b.WriteString(tail)
		shown += n
		start = end
	}
	if shown < len(withFix) {
		s.force("")
		s.force(fmt.Sprintf("_%d of %d suggested fixes shown; corpuslint --diff prints all that --fix would apply._", shown, len(withFix)))
	}
}

// fixDiff shows what fx does to the lines it touches of src (the file's bytes)
// as "-" and "+" lines, or "" when src does not hold the edits' spans. The
// edits are applied by fix.Apply, as --fix applies them, to the window shown.
func fixDiff(src []byte, fx *finding.Fix) string {
	if src == nil || len(fx.Edits) == 0 {
		return ""
	}
	text := strings.TrimPrefix(string(src), "\ufeff")
	edits := slices.Clone(fx.Edits)
	slices.SortStableFunc(edits, func(a, b finding.Edit) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
	})
	lo, hi := edits[0].Start, 0
	for _, e := range edits {
		hi = max(hi, e.End)
	}
	if lo < 0 || hi > len(text) {
		return "" // fix.Apply checks the rest, on the window
	}
	// Whole lines around the edits; an edit that ends with a line break ends
	// there.
	from := strings.LastIndexByte(text[:lo], '\n') + 1
	to := len(text)
	if hi > from && text[hi-1] == '\n' {
		to = hi
	} else if j := strings.IndexByte(text[hi:], '\n'); j >= 0 {
		to = hi + j + 1
	}
	// Long lines show a window around the edits.
	prefix, suffix := "", ""
	if lo-from > diffContext && !strings.Contains(text[from:lo], "\n") {
		from = runeStart(text, lo-diffContext)
		prefix = "…"
	}
	if to-hi > diffContext && !strings.Contains(text[hi:to], "\n") {
		to = runeStart(text, hi+diffContext)
		suffix = "…"
	}
	for i := range edits {
		edits[i].Start -= from
		edits[i].End -= from
	}
	after, err := fix.Apply(text[from:to], edits)
	if err != nil {
		return ""
	}
	var b strings.Builder
	diffSide(&b, '-', prefix, text[from:to], suffix)
	diffSide(&b, '+', prefix, after, suffix)
	return b.String()
}

// diffSide writes the lines of one side of a diff, each marked with sign,
// with control characters (CR included) escaped and at most diffMaxLines.
func diffSide(b *strings.Builder, sign byte, prefix, text, suffix string) {
	if text == "" {
		return
	}
	text = strings.TrimSuffix(text, "\n")
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if i == diffMaxLines {
			fmt.Fprintf(b, "%c… %d more lines\n", sign, len(lines)-i)
			return
		}
		if i == 0 {
			l = prefix + l
		}
		if i == len(lines)-1 {
			l += suffix
		}
		b.WriteByte(sign)
		b.WriteString(githubText(strings.ReplaceAll(l, "\r", `\r`)))
		b.WriteByte('\n')
	}
}

// runeStart moves i back to the start of the code point it falls in.
func runeStart(s string, i int) int {
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

// mdText makes text inert in GitHub-flavoured Markdown and HTML, on one line:
// invalid UTF-8 becomes U+FFFD, control characters (line breaks included) are
// written as Go escapes, and each character that Markdown or HTML gives a
// meaning to (emphasis, code, links, images, tables, headings, entities, tags,
// strikethrough, maths) becomes a numeric character reference.
func mdText(s string) string {
	var b strings.Builder
	for _, r := range githubText(s) {
		switch {
		case r == '\r' || r == '\n' || r == '\t':
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		case r < utf8.RuneSelf && strings.ContainsRune("\\`*_[](){}<>!|~#&$@:\"'^", r):
			b.WriteString("&#" + strconv.Itoa(int(r)) + ";")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
