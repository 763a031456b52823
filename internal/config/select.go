package config

import (
	"fmt"
	"path"
	"strings"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// Specificity of a selector: a rule ID beats a glob, which beats a category.
const (
	byCategory = 1 + iota
	byGlob
	byID
)

// selector names rules: an ID, a category ("artifact" or "artifact/*") or a
// glob over IDs ("*/site-*").
type selector struct {
	pattern     string
	specificity int
}

// newSelector checks that s names at least one rule of registry.
func newSelector(s string, registry []*rule.Rule) (selector, error) {
	s = strings.TrimSpace(s)
	if cat, ok := strings.CutSuffix(s, "/*"); ok && finding.IsCategory(cat) {
		return selector{pattern: cat, specificity: byCategory}, nil
	}
	if finding.IsCategory(s) {
		return selector{pattern: s, specificity: byCategory}, nil
	}
	sel := selector{pattern: s, specificity: byID}
	if strings.ContainsAny(s, "*?[") {
		if _, err := path.Match(s, ""); err != nil {
			return sel, fmt.Errorf("bad rule glob %q: %v", s, err)
		}
		sel.specificity = byGlob
	}
	for _, r := range registry {
		if sel.matches(r.ID) {
			return sel, nil
		}
	}
	if sel.specificity == byGlob {
		return sel, fmt.Errorf("rule glob %q matches no rule", s)
	}
	names := finding.Categories()
	for _, r := range registry {
		names = append(names, r.ID)
	}
	return sel, fmt.Errorf("no rule or category %q%s", s, suggest(s, names))
}

func (s selector) matches(id string) bool {
	switch s.specificity {
	case byCategory:
		return finding.Category(id) == s.pattern
	case byGlob:
		ok, _ := path.Match(s.pattern, id)
		return ok
	}
	return s.pattern == id
}

// layer is one enable/disable pair: the file's top level, an override, or the
// command line's flags.
type layer struct {
	enable, disable []selector
}

// decide says whether the layer turns the rule on or off, and whether it says
// anything about it: the most specific selector wins, disabling on a tie.
func (l *layer) decide(id string) (on, said bool) {
	best := 0
	for _, s := range l.enable {
		if s.matches(id) && s.specificity > best {
			best, on = s.specificity, true
		}
	}
	for _, s := range l.disable {
		if s.matches(id) && s.specificity >= best {
			best, on = s.specificity, false
		}
	}
	return on, best > 0
}

func (l *layer) empty() bool { return len(l.enable) == 0 && len(l.disable) == 0 }
