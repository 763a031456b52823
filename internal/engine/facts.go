package engine

import (
	"sort"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// factStore holds every corpus rule's facts between the two phases: the
// cross-file index, the one part of a run's memory that grows with the
// corpus. Facts are kept compact (a path number, 32-bit line and column
// numbers), about half the size of a rule.Fact, and expanded on lookup.
type factStore struct {
	byRule map[string]map[string][]storedFact
	// paths numbers the files that exported facts.
	paths     []string
	pathIndex map[string]int32
}

// storedFact is a rule.Fact with its path numbered and its range packed.
type storedFact struct {
	path  int32
	span  finding.Span
	rng   packedRange
	value any
}

// packedRange is a finding.Range without the offsets (the span has them) and
// with 32-bit numbers.
type packedRange struct {
	start, end packedPosition
}

type packedPosition struct {
	line, column, runeColumn, utf16Column int32
}

func pack(p finding.Position) packedPosition {
	return packedPosition{int32(p.Line), int32(p.Column), int32(p.RuneColumn), int32(p.UTF16Column)}
}

func (p packedPosition) unpack(offset int) finding.Position {
	return finding.Position{Offset: offset, Line: int(p.line), Column: int(p.column), RuneColumn: int(p.runeColumn), UTF16Column: int(p.utf16Column)}
}

// fits reports whether a range survives packing: every number fits 32 bits
// and the offsets are the span's.
func fits(f rule.Fact) bool {
	const limit = 1<<31 - 1
	r := f.Range
	for _, p := range []finding.Position{r.Start, r.End} {
		if p.Line > limit || p.Column > limit || p.RuneColumn > limit || p.UTF16Column > limit || p.Line < 0 {
			return false
		}
	}
	return r.IsZero() && r.Start.Offset == 0 && r.End.Offset == 0 || r.Start.Offset == f.Span.Start && r.End.Offset == f.Span.End
}

func newFactStore() *factStore {
	return &factStore{byRule: map[string]map[string][]storedFact{}, pathIndex: map[string]int32{}}
}

func (s *factStore) add(ruleID, key string, f rule.Fact) {
	m := s.byRule[ruleID]
	if m == nil {
		m = map[string][]storedFact{}
		s.byRule[ruleID] = m
	}
	pi, ok := s.pathIndex[f.Path]
	if !ok {
		pi = int32(len(s.paths))
		s.paths = append(s.paths, f.Path)
		s.pathIndex[f.Path] = pi
	}
	sf := storedFact{path: pi, span: f.Span, value: f.Value}
	if fits(f) {
		sf.rng = packedRange{pack(f.Range.Start), pack(f.Range.End)}
	} else {
		// Out of the packed form's reach: keep the range whole.
		sf.value = wholeFact{f.Range, f.Value}
	}
	m[key] = append(m[key], sf)
}

// wholeFact carries a range the packed form cannot hold.
type wholeFact struct {
	rng   finding.Range
	value any
}

func (s *factStore) unpack(sf storedFact) rule.Fact {
	f := rule.Fact{Path: s.paths[sf.path], Span: sf.span, Value: sf.value}
	if w, ok := sf.value.(wholeFact); ok {
		f.Range, f.Value = w.rng, w.value
		return f
	}
	if sf.rng != (packedRange{}) {
		f.Range = finding.Range{Start: sf.rng.start.unpack(sf.span.Start), End: sf.rng.end.unpack(sf.span.End)}
	}
	return f
}

func (s *factStore) less(a, b storedFact) bool {
	if a.path != b.path {
		return s.paths[a.path] < s.paths[b.path]
	}
	if a.span.Start != b.span.Start {
		return a.span.Start < b.span.Start
	}
	return a.span.End < b.span.End
}

// sort orders each key's facts by path, then span, so phase two does not depend
// on the order files were read in.
func (s *factStore) sort() {
	for _, m := range s.byRule {
		for _, fs := range m {
			sort.SliceStable(fs, func(a, b int) bool { return s.less(fs[a], fs[b]) })
		}
	}
}

// sortTail orders by span the facts of key that path (the latest file added,
// the last in path order) contributed, which sit at the end.
func (s *factStore) sortTail(ruleID, key, path string) {
	fs := s.byRule[ruleID][key]
	pi, ok := s.pathIndex[path]
	if !ok {
		return
	}
	i := len(fs)
	for i > 0 && fs[i-1].path == pi {
		i--
	}
	tail := fs[i:]
	if len(tail) < 2 {
		return
	}
	sort.SliceStable(tail, func(a, b int) bool { return s.less(tail[a], tail[b]) })
}

// ownRef says where one of a file's own facts sits in the store.
type ownRef struct {
	rule, key string
	span      finding.Span
}

// own rebuilds the facts that the file at path exported for ruleID, in
// export order, from refs. The store must be sorted.
func (s *factStore) own(ruleID, path string, refs []ownRef) []rule.OwnFact {
	pi, ok := s.pathIndex[path]
	if !ok {
		return nil
	}
	var out []rule.OwnFact
	taken := map[*storedFact]bool{}
	for _, ref := range refs {
		if ref.rule != ruleID {
			continue
		}
		stored := s.byRule[ruleID][ref.key]
		// Sorted by path (sort ran): search, as one key may hold every
		// file's fact (a corpus-wide index).
		from := sort.Search(len(stored), func(i int) bool { return s.paths[stored[i].path] >= path })
		for i := from; i < len(stored) && stored[i].path == pi; i++ {
			sf := &stored[i]
			if sf.span == ref.span && !taken[sf] {
				taken[sf] = true
				out = append(out, rule.OwnFact{Key: ref.key, Fact: s.unpack(*sf)})
				break
			}
		}
	}
	return out
}

// factView is one rule's facts, as phase two reads them.
type factView struct {
	store *factStore
	facts map[string][]storedFact
}

// Lookup returns the facts under key, sorted by path then span.
func (v factView) Lookup(key string) []rule.Fact {
	stored := v.facts[key]
	if len(stored) == 0 {
		return nil
	}
	out := make([]rule.Fact, len(stored))
	for i, sf := range stored {
		out[i] = v.store.unpack(sf)
	}
	return out
}

func (s *factStore) view(ruleID string) rule.Facts {
	return factView{store: s, facts: s.byRule[ruleID]}
}
