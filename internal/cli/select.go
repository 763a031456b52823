package cli

import (
	"fmt"
	"slices"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// Select returns the rules that run: the default ones (not Optional), plus those
// enabled by ID or category, less those disabled by ID or category. Disabling
// wins over enabling a category; enabling a rule by ID wins over disabling its
// category. Unknown names are an error.
func Select(registry []*rule.Rule, enable, disable []string) ([]*rule.Rule, error) {
	known := map[string]bool{}
	for _, r := range registry {
		known[r.ID] = true
	}
	check := func(flag string, names []string) error {
		for _, n := range names {
			if !known[n] && !finding.IsCategory(n) {
				return fmt.Errorf("--%s: no rule or category %q; --list-rules lists them", flag, n)
			}
		}
		return nil
	}
	if err := check("enable", enable); err != nil {
		return nil, err
	}
	if err := check("disable", disable); err != nil {
		return nil, err
	}
	var out []*rule.Rule
	for _, r := range registry {
		cat := finding.Category(r.ID)
		on := !r.Optional || slices.Contains(enable, r.ID) || slices.Contains(enable, cat)
		if slices.Contains(disable, cat) && !slices.Contains(enable, r.ID) {
			on = false
		}
		if slices.Contains(disable, r.ID) {
			on = false
		}
		if on {
			out = append(out, r)
		}
	}
	return out, nil
}
