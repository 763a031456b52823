package cli

import (
	"fmt"

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
	has := func(list []string, s string) bool {
		for _, x := range list {
			if x == s {
				return true
			}
		}
		return false
	}
	var out []*rule.Rule
	for _, r := range registry {
		cat := finding.Category(r.ID)
		on := !r.Optional || has(enable, r.ID) || has(enable, cat)
		if has(disable, cat) && !has(enable, r.ID) {
			on = false
		}
		if has(disable, r.ID) {
			on = false
		}
		if on {
			out = append(out, r)
		}
	}
	return out, nil
}
