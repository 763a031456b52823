// Package userrule builds rules at run time from a user's patterns (data in
// configuration, no Go): existence (phrases or regular expressions that must
// not appear), substitution (wrong → right pairs with a safe fix) and line
// (whole lines, such as a site's widgets). Phrases are matched with the
// language packs' matcher, ignoring ASCII case, on word boundaries.
package userrule

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/findingtext"
	"github.com/corpuslint/corpuslint/internal/lexicon"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// The kinds of pattern.
const (
	Existence    = "existence"
	Substitution = "substitution"
	Line         = "line"
)

// HelpURL documents user patterns in general: a user rule has no section of
// its own in the README.
const HelpURL = "https://github.com/corpuslint/corpuslint/blob/main/README.md#configuration"

// Kinds lists the pattern kinds.
func Kinds() []string { return []string{Existence, Substitution, Line} }

// NamePrefix starts the name of every user rule ("artifact/site-promo"), so a
// user rule can never take the ID of a built-in rule, present or future.
const NamePrefix = "site-"

// Spec is one user pattern, as configuration gives it.
type Spec struct {
	// ID is "category/site-name", the category one of the five.
	ID   string
	Kind string
	// Message is the finding's message (the matched text is appended).
	Message  string
	Severity finding.Severity
	// Phrases are literal phrases (existence) or whole lines (line).
	Phrases []string
	// Regexps are Go regular expressions (existence: anywhere; line: the
	// whole line, white space at its ends aside).
	Regexps []string
	// Replace holds substitution pairs.
	Replace []Pair
	// DeleteLine offers a safe fix deleting the line of each match
	// (existence and line).
	DeleteLine bool
	// MatchCase makes phrases case-sensitive.
	MatchCase bool
	// Source names where the pattern was configured, for its documentation.
	Source string
}

// Pair is one substitution.
type Pair struct {
	Wrong, Right string
}

// FieldError is a problem with one field of a Spec; Index is the item of a
// list field, or -1 for the field itself.
type FieldError struct {
	Field string
	Index int
	Err   error
}

// Error implements error.
func (e *FieldError) Error() string { return e.Field + ": " + e.Err.Error() }

func fieldErr(field string, index int, format string, a ...any) error {
	return &FieldError{Field: field, Index: index, Err: fmt.Errorf(format, a...)}
}

// Build checks a spec and returns its rule.
func Build(s Spec) (*rule.Rule, error) {
	cat, name, _ := strings.Cut(s.ID, "/")
	if !finding.IsCategory(cat) {
		return nil, fieldErr("id", -1, "%q: the category must be one of %s", s.ID, strings.Join(finding.Categories(), ", "))
	}
	if !strings.HasPrefix(name, NamePrefix) {
		return nil, fieldErr("id", -1, "%q: a user rule's name starts with %q (%s/%s…), so it never takes a built-in rule's ID", s.ID, NamePrefix, cat, NamePrefix)
	}
	if s.Severity == 0 {
		s.Severity = finding.Warning
	}
	r := &rule.Rule{ID: s.ID, Severity: s.Severity, Title: s.Message, HelpURL: HelpURL}
	m := &matcher{spec: s}
	var err error
	switch s.Kind {
	case Existence, Line:
		if len(s.Phrases) == 0 && len(s.Regexps) == 0 {
			return nil, fieldErr("phrases", -1, "this %s pattern needs phrases or regexps", s.Kind)
		}
		if len(s.Replace) > 0 {
			return nil, fieldErr("replace", -1, "only a substitution pattern has replace pairs")
		}
		if err = m.compile(); err != nil {
			return nil, err
		}
		r.FixSafe = s.DeleteLine
		if s.Kind == Existence {
			r.Run = m.runExistence
		} else {
			r.Run = m.runLine
		}
	case Substitution:
		if len(s.Replace) == 0 {
			return nil, fieldErr("replace", -1, "a substitution pattern needs replace pairs (wrong, right)")
		}
		if len(s.Phrases) > 0 || len(s.Regexps) > 0 {
			return nil, fieldErr("phrases", -1, "a substitution pattern takes replace pairs, not phrases or regexps")
		}
		if s.DeleteLine {
			return nil, fieldErr("fix", -1, "a substitution's fix is its replacement; delete-line is for existence and line patterns")
		}
		var wrongs []string
		for i, p := range s.Replace {
			if strings.TrimSpace(p.Wrong) == "" {
				return nil, fieldErr("replace", i, "wrong must not be empty")
			}
			if p.Wrong == p.Right {
				return nil, fieldErr("replace", i, "wrong and right are the same (%q)", p.Wrong)
			}
			wrongs = append(wrongs, p.Wrong)
		}
		m.phrases = lexicon.NewList(s.ID, wrongs)
		r.FixSafe = true
		r.Run = m.runSubstitution
	default:
		return nil, fieldErr("kind", -1, "unknown kind %q (want %s)", s.Kind, strings.Join(Kinds(), ", "))
	}
	r.Doc = m.doc()
	if r.Title == "" {
		r.Title = r.Doc.What
	}
	if err := r.Validate(); err != nil {
		return nil, fieldErr("id", -1, "%v", err)
	}
	return r, nil
}

// matcher holds a spec's compiled patterns.
type matcher struct {
	spec    Spec
	phrases *lexicon.List
	regexps []*regexp.Regexp
}

func (m *matcher) compile() error {
	for i, p := range m.spec.Phrases {
		if strings.TrimSpace(p) == "" {
			return fieldErr("phrases", i, "a phrase must not be empty")
		}
	}
	if len(m.spec.Phrases) > 0 {
		m.phrases = lexicon.NewList(m.spec.ID, m.spec.Phrases)
	}
	for i, src := range m.spec.Regexps {
		expr := src
		if m.spec.Kind == Line {
			expr = `^(?:` + src + `)$`
		}
		re, err := regexp.Compile(expr)
		if err != nil {
			return fieldErr("regexps", i, "not a valid regular expression (Go RE2 syntax): %v", strings.TrimPrefix(err.Error(), "error parsing regexp: "))
		}
		if re.MatchString("") {
			return fieldErr("regexps", i, "%q matches the empty text, so it would match everywhere", src)
		}
		m.regexps = append(m.regexps, re)
	}
	return nil
}

// phraseMatches returns the phrase matches in text, honouring MatchCase.
func (m *matcher) phraseMatches(text string) []lexicon.Match {
	var out []lexicon.Match
	for _, x := range m.phrases.FindAll(text) {
		if m.spec.MatchCase && text[x.Start:x.End] != x.Entry.Phrase {
			continue
		}
		out = append(out, x)
	}
	return out
}

func (m *matcher) message(matched string) string {
	if m.spec.Message == "" {
		return findingtext.Quote(matched) + " matches the site pattern " + m.spec.ID
	}
	return m.spec.Message + ": " + findingtext.Quote(matched)
}

func (m *matcher) deleteFix(d *document.Document, line int) []finding.Fix {
	if !m.spec.DeleteLine {
		return nil
	}
	return []finding.Fix{findingtext.DeleteLineFix(d, line)}
}

func (m *matcher) runExistence(p *rule.Pass) {
	d := p.Doc
	var spans []finding.Span
	for _, x := range m.phraseMatches(d.Text) {
		spans = append(spans, finding.Span{Start: x.Start, End: x.End})
	}
	for _, re := range m.regexps {
		for _, loc := range re.FindAllStringIndex(d.Text, -1) {
			if loc[1] > loc[0] {
				spans = append(spans, finding.Span{Start: loc[0], End: loc[1]})
			}
		}
	}
	// A phrase and a regexp (or two regexps) may match the same text: one
	// finding a span; with delete-line, one finding a line.
	seen := map[finding.Span]bool{}
	reported := map[int]bool{}
	for _, s := range spans {
		if seen[s] {
			continue
		}
		seen[s] = true
		line := d.LineIndex(s.Start)
		if m.spec.DeleteLine {
			if reported[line] {
				continue
			}
			reported[line] = true
		}
		p.Report(s, m.message(d.Slice(s)), m.deleteFix(d, line)...)
	}
}

func (m *matcher) runLine(p *rule.Pass) {
	d := p.Doc
	for i := range d.Lines {
		text := d.LineText(i)
		trimmed := strings.TrimFunc(text, unicode.IsSpace)
		if trimmed == "" {
			continue
		}
		hit := false
		if e := m.phrases.Lookup(trimmed); e != nil && (!m.spec.MatchCase || e.Phrase == trimmed) {
			hit = true
		}
		for _, re := range m.regexps {
			if !hit && re.MatchString(trimmed) {
				hit = true
			}
		}
		if !hit {
			continue
		}
		start := d.Lines[i].Start + strings.Index(text, trimmed)
		span := finding.Span{Start: start, End: start + len(trimmed)}
		p.Report(span, m.message(trimmed), m.deleteFix(d, i)...)
	}
}

func (m *matcher) runSubstitution(p *rule.Pass) {
	d := p.Doc
	for _, x := range m.phrases.FindAll(d.Text) {
		i := indexOf(m.spec.Replace, d.Text[x.Start:x.End])
		if i < 0 {
			continue // substitutions are case-sensitive: "Kim Jong II" is not "kim jong ii"
		}
		pair := m.spec.Replace[i]
		msg := m.spec.Message
		if msg == "" {
			msg = "write " + findingtext.Quote(pair.Right) + " instead of " + findingtext.Quote(pair.Wrong)
		} else {
			msg += ": " + findingtext.Quote(pair.Wrong) + " → " + findingtext.Quote(pair.Right)
		}
		span := finding.Span{Start: x.Start, End: x.End}
		p.Report(span, msg, finding.Fix{Message: "replace " + findingtext.Quote(pair.Wrong) + " with " + findingtext.Quote(pair.Right),
			Edits: []finding.Edit{{Span: span, New: pair.Right}}, Safe: true})
	}
}

// indexOf returns the first pair whose Wrong is exactly text, or -1.
func indexOf(pairs []Pair, text string) int {
	for i, p := range pairs {
		if p.Wrong == text {
			return i
		}
	}
	return -1
}

// doc describes the rule for --explain, SARIF and the like.
func (m *matcher) doc() rule.Doc {
	s := m.spec
	source := s.Source
	if source == "" {
		source = "configuration"
	}
	d := rule.Doc{Why: "A site pattern configured in " + source + "."}
	var items []string
	for _, p := range s.Phrases {
		items = append(items, findingtext.Quote(p))
	}
	for _, r := range s.Regexps {
		items = append(items, "/"+r+"/")
	}
	switch s.Kind {
	case Existence:
		d.What = "Text that must not appear: " + strings.Join(items, ", ") + "."
		d.Bad, d.Good = example(s), "(the text without it)"
	case Line:
		d.What = "Whole lines that must not appear: " + strings.Join(items, ", ") + "."
		d.Bad, d.Good = example(s), "(the text without the line)"
	case Substitution:
		var pairs []string
		for _, p := range s.Replace {
			pairs = append(pairs, findingtext.Quote(p.Wrong)+" → "+findingtext.Quote(p.Right))
		}
		d.What = "Wrong spellings and their replacements: " + strings.Join(pairs, ", ") + "."
		d.Bad, d.Good = s.Replace[0].Wrong, s.Replace[0].Right
	}
	return d
}

func example(s Spec) string {
	if len(s.Phrases) > 0 {
		return s.Phrases[0]
	}
	return "/" + s.Regexps[0] + "/"
}
