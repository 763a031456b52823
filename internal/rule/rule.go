// Package rule defines what a rule is and the Pass through which it sees one
// article and reports findings. Rules live in the top-level rules package; the
// engine runs them.
package rule

import (
	"fmt"
	"regexp"
	"sort"
	"sync"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/lexicon"
)

// Doc is a rule's documentation. Its examples are executed by the registry test:
// Bad must trigger the rule, and applying the rule's safe fixes to Bad must give
// Good (or, for a rule without a fix, Good must produce no finding).
type Doc struct {
	// What the rule finds, in a sentence or two.
	What string
	// Why it matters to a corpus or an editor.
	Why string
	// Bad is an example article that triggers the rule.
	Bad string
	// Good is the same article as it should read.
	Good string
	// Lang is the language of the examples ("id" or "en").
	Lang string
	// Earlier, for a corpus rule, is the earlier file that Bad repeats; empty
	// means Bad itself (an exact copy).
	Earlier string
}

// Rule is one check.
type Rule struct {
	// ID is "category/name", the category one of finding.Categories().
	ID string
	// Title is a one-line summary, lower case, no final period.
	Title string
	Doc   Doc
	// Severity is the default severity of the rule's findings.
	Severity finding.Severity
	// FixSafe reports whether the rule's fixes may be applied unattended.
	FixSafe bool
	// Optional rules are off unless enabled by name or category.
	Optional bool
	// NeedsLanguage rules read the article's language pack (abbreviations,
	// function words, attribution verbs); they are skipped for an article in
	// none of the packs' languages, where their lists would say nothing true.
	NeedsLanguage bool
	// Run reports findings for one file.
	Run func(*Pass)
	// Collect, for corpus rules, runs on every file (phase one) and exports small
	// facts keyed by their subject.
	Collect func(*Pass)
	// Corpus, for corpus rules, runs once per file after every file's Collect
	// (phase two). It sees the facts, not the text: whatever it reports must be
	// built from facts, which carry resolved ranges.
	Corpus func(*CorpusPass)
	// PriorFacts, for corpus rules, promises that Corpus needs only the facts
	// of its own file and of the files before it in path order (it reports a
	// later copy and points at the first). The engine then finishes each file
	// as soon as the files before it are checked, instead of holding every
	// finding until the whole corpus has been read: memory stays flat on
	// large corpora. Facts then returns the facts of the files up to its own,
	// in path order.
	PriorFacts bool
	// HelpURL is where the rule is documented; empty means its section of the
	// README (every built-in rule has one).
	HelpURL string
	// Options declares the settings configuration may give the rule; any other
	// option is a configuration error. Run reads them with Pass.IntOption and
	// its siblings.
	Options []Option
}

// IsCorpus reports whether the rule compares files with each other.
func (r *Rule) IsCorpus() bool { return r.Collect != nil }

var idPattern = regexp.MustCompile(`^[a-z]+/[a-z0-9]+(-[a-z0-9]+)*$`)

// Validate checks that the rule is well formed.
func (r *Rule) Validate() error {
	if !idPattern.MatchString(r.ID) {
		return fmt.Errorf("rule %q: ID must be category/name in lower case", r.ID)
	}
	if !finding.IsCategory(finding.Category(r.ID)) {
		return fmt.Errorf("rule %q: category must be one of %v", r.ID, finding.Categories())
	}
	if r.Title == "" || r.Doc.What == "" || r.Doc.Why == "" || r.Doc.Bad == "" || r.Doc.Good == "" {
		return fmt.Errorf("rule %q: title, what, why, bad and good examples are required", r.ID)
	}
	if r.Severity < finding.Info || r.Severity > finding.Error {
		return fmt.Errorf("rule %q: severity not set", r.ID)
	}
	if r.Run == nil && (r.Collect == nil || r.Corpus == nil) {
		return fmt.Errorf("rule %q: needs Run, or Collect and Corpus", r.ID)
	}
	return r.validateOptions()
}

// Fact is one small piece of information a corpus rule exported about a file
// during Collect, keyed by its subject (a normalised headline, a hash). The
// engine keeps facts compact between the phases: a []byte Value is copied
// inline (export a buffer of its own; never write to one read back), and so is nil; any other Value is
// kept as it is, which costs an allocation of its own on most values.
type Fact struct {
	Path  string
	Span  finding.Span
	Range finding.Range
	Value any
}

// Facts is what every file's Collect exported, readable during Run. Entries of a
// key are sorted by path, then span, whatever order files were read in.
type Facts interface {
	Lookup(key string) []Fact
	// Len is the number of facts under key.
	Len(key string) int
	// At is the ith fact under key, in Lookup's order, built alone: a key
	// that holds every file's fact is read this way without building them
	// all at once.
	At(key string, i int) Fact
}

// Pass is one rule's view of one article. It is the rule's only during the
// Run or Collect call it is given to: the engine hands the same Pass to the
// next rule, so a rule must not keep it (nor hand it to anything that
// outlives the call).
type Pass struct {
	Rule *Rule
	Doc  *document.Document
	// Pack is the language pack chosen for the article.
	Pack *lexicon.Pack
	// Packs is every language pack, for lists that hold across languages.
	Packs *lexicon.Set
	// Options holds the rule's options set by configuration, already checked
	// against the rule's declarations (may be nil); read them with IntOption,
	// FloatOption and WordsOption, which fall back to the defaults.
	Options map[string]any
	// RunOptions holds every rule's options on this file, by rule ID, for a
	// rule that hands some sites to a sibling and must see how the run set
	// that sibling up (SiblingWordsOption).
	RunOptions map[string]map[string]any

	export func(key string, f Fact)
	report func(finding.Finding)
}

// NewPass is used by the engine (and by tests) to build a pass.
func NewPass(r *Rule, doc *document.Document, packs *lexicon.Set, pack *lexicon.Pack, export func(string, Fact), report func(finding.Finding)) *Pass {
	return &Pass{Rule: r, Doc: doc, Packs: packs, Pack: pack, export: export, report: report}
}

// Report records a finding at span with message and any fixes. The message is
// data: it is never used as a format string by any output format.
func (p *Pass) Report(span finding.Span, message string, fixes ...finding.Fix) {
	p.ReportFinding(finding.Finding{Span: span, Message: message, Fixes: fixes})
}

// ReportFinding records a fully built finding; rule ID, path and severity are
// filled in when empty, and fixes are marked safe only if the rule's are.
func (p *Pass) ReportFinding(f finding.Finding) {
	if f.Rule == "" {
		f.Rule = p.Rule.ID
	}
	if f.Path == "" {
		f.Path = p.Doc.Path
	}
	if f.Severity == 0 {
		f.Severity = p.Rule.Severity
	}
	for i := range f.Fixes {
		if !p.Rule.FixSafe {
			f.Fixes[i].Safe = false
		}
		if edits := f.Fixes[i].Edits; !startsIncrease(edits) {
			sort.Slice(edits, func(a, b int) bool { return edits[a].Start < edits[b].Start })
		}
	}
	if p.report != nil {
		p.report(f)
	}
}

// startsIncrease reports whether the edits' starts strictly increase: they are
// then in the one order sorting gives (most fixes have a single edit), and
// sort.Slice, whose reflection allocates, is not needed.
func startsIncrease(edits []finding.Edit) bool {
	for i := 1; i < len(edits); i++ {
		if edits[i-1].Start >= edits[i].Start {
			return false
		}
	}
	return true
}

// ExportFact records a fact about this file under key (Collect only).
func (p *Pass) ExportFact(key string, span finding.Span, value any) {
	if p.export != nil {
		p.export(key, Fact{Path: p.Doc.Path, Span: span, Range: p.Doc.Range(span), Value: value})
	}
}

// CorpusPass is a corpus rule's view of one file in phase two.
type CorpusPass struct {
	Rule *Rule
	// Path is the file being reported on.
	Path string
	// Own holds the facts this file exported in phase one, in export order.
	Own []OwnFact
	// Shared, set by the engine, is one per rule and run: what the rule derives
	// once from every file's facts (an index) for all its phase-two passes.
	// Nil means nothing is shared; Once then builds afresh each time.
	Shared *Shared
	facts  Facts
	report func(finding.Finding)
}

// Shared holds one value a corpus rule derives from every file's facts at the
// start of phase two, built on first use and safe for concurrent passes.
type Shared struct {
	once  sync.Once
	value any
}

// Once returns the value build returns, calling build only the first time in a
// run (or every time when the pass shares nothing).
func (p *CorpusPass) Once(build func() any) any {
	if p.Shared == nil {
		return build()
	}
	p.Shared.once.Do(func() { p.Shared.value = build() })
	return p.Shared.value
}

// OwnFact is a fact this file exported, with its key.
type OwnFact struct {
	Key string
	Fact
}

// NewCorpusPass is used by the engine (and by tests) to build a phase-two pass.
func NewCorpusPass(r *Rule, path string, own []OwnFact, facts Facts, report func(finding.Finding)) *CorpusPass {
	return &CorpusPass{Rule: r, Path: path, Own: own, facts: facts, report: report}
}

// Facts returns every file's facts under key, sorted by path then span.
func (p *CorpusPass) Facts(key string) []Fact {
	if p.facts == nil {
		return nil
	}
	return p.facts.Lookup(key)
}

// FactCount returns the number of facts under key, as Facts would list them.
func (p *CorpusPass) FactCount(key string) int {
	if p.facts == nil {
		return 0
	}
	return p.facts.Len(key)
}

// FactAt returns the ith fact under key, in the order Facts lists them,
// without building the others.
func (p *CorpusPass) FactAt(key string, i int) Fact {
	return p.facts.At(key, i)
}

// Report records a finding on this file; its Range must be set (from a fact).
func (p *CorpusPass) Report(f finding.Finding) {
	if f.Rule == "" {
		f.Rule = p.Rule.ID
	}
	f.Path = p.Path
	if f.Severity == 0 {
		f.Severity = p.Rule.Severity
	}
	f.Fixes = nil
	if p.report != nil {
		p.report(f)
	}
}
