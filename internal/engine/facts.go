package engine

import (
	"sort"

	"github.com/corpuslint/corpuslint/internal/rule"
)

// factStore holds every corpus rule's facts between the two phases.
type factStore struct {
	byRule map[string]map[string][]rule.Fact
}

func newFactStore() *factStore { return &factStore{byRule: map[string]map[string][]rule.Fact{}} }

func (s *factStore) add(ruleID, key string, f rule.Fact) {
	m := s.byRule[ruleID]
	if m == nil {
		m = map[string][]rule.Fact{}
		s.byRule[ruleID] = m
	}
	m[key] = append(m[key], f)
}

// sort orders each key's facts by path, then span, so phase two does not depend
// on the order files were read in.
func (s *factStore) sort() {
	for _, m := range s.byRule {
		for _, fs := range m {
			sort.SliceStable(fs, func(a, b int) bool {
				if fs[a].Path != fs[b].Path {
					return fs[a].Path < fs[b].Path
				}
				if fs[a].Span.Start != fs[b].Span.Start {
					return fs[a].Span.Start < fs[b].Span.Start
				}
				return fs[a].Span.End < fs[b].Span.End
			})
		}
	}
}

// sortTail orders by span the facts of key that path (the latest file added,
// the last in path order) contributed, which sit at the end.
func (s *factStore) sortTail(ruleID, key, path string) {
	fs := s.byRule[ruleID][key]
	i := len(fs)
	for i > 0 && fs[i-1].Path == path {
		i--
	}
	tail := fs[i:]
	if len(tail) < 2 {
		return
	}
	sort.SliceStable(tail, func(a, b int) bool {
		if tail[a].Span.Start != tail[b].Span.Start {
			return tail[a].Span.Start < tail[b].Span.Start
		}
		return tail[a].Span.End < tail[b].Span.End
	})
}

type factView map[string][]rule.Fact

func (v factView) Lookup(key string) []rule.Fact { return v[key] }

func (s *factStore) view(ruleID string) rule.Facts { return factView(s.byRule[ruleID]) }
