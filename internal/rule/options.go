package rule

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// OptionKind is the type of a rule option's value.
type OptionKind int

// The option kinds.
const (
	// IntOption is a whole number.
	IntOption OptionKind = iota + 1
	// FloatOption is a number.
	FloatOption
	// WordsOption is a list of words or phrases.
	WordsOption
)

// String names the kind as the configuration's schema does.
func (k OptionKind) String() string {
	switch k {
	case IntOption:
		return "integer"
	case FloatOption:
		return "number"
	case WordsOption:
		return "list of strings"
	}
	return fmt.Sprintf("kind(%d)", int(k))
}

// Option declares one setting a rule takes from configuration. Options a rule
// does not declare are configuration errors.
type Option struct {
	// Name is the key in configuration, lower case with hyphens ("min-words").
	Name string
	Kind OptionKind
	// Doc says what the option changes, in a sentence.
	Doc string
	// Default is the value used when configuration sets none: an int, a
	// float64 or a []string, matching Kind.
	Default any
	// Min and Max bound numeric options (inclusive); both zero means unbounded.
	Min, Max float64
}

// Option returns the rule's declared option of that name, or nil.
func (r *Rule) Option(name string) *Option {
	for i := range r.Options {
		if r.Options[i].Name == name {
			return &r.Options[i]
		}
	}
	return nil
}

// OptionNames returns the names of the rule's options, sorted.
func (r *Rule) OptionNames() []string {
	var out []string
	for _, o := range r.Options {
		out = append(out, o.Name)
	}
	sort.Strings(out)
	return out
}

// CheckOption converts a value decoded from configuration (YAML or JSON: an
// int, a float64, a []any of strings) to the option's type, or says why it
// does not fit. The error names neither the rule nor the file: callers add them.
func (r *Rule) CheckOption(name string, v any) (any, error) {
	o := r.Option(name)
	if o == nil {
		if len(r.Options) == 0 {
			return nil, fmt.Errorf("unknown option %q: %s takes no options", name, r.ID)
		}
		return nil, fmt.Errorf("unknown option %q of %s (known: %s)", name, r.ID, strings.Join(r.OptionNames(), ", "))
	}
	return o.Check(v)
}

// Check converts v to the option's type, or says why it does not fit.
func (o *Option) Check(v any) (any, error) {
	switch o.Kind {
	case IntOption:
		n, ok := asNumber(v)
		if !ok || n != math.Trunc(n) {
			return nil, fmt.Errorf("option %q wants an integer, not %s", o.Name, describe(v))
		}
		if err := o.checkBounds(n); err != nil {
			return nil, err
		}
		return int(n), nil
	case FloatOption:
		n, ok := asNumber(v)
		if !ok {
			return nil, fmt.Errorf("option %q wants a number, not %s", o.Name, describe(v))
		}
		if err := o.checkBounds(n); err != nil {
			return nil, err
		}
		return n, nil
	case WordsOption:
		items, ok := v.([]any)
		if !ok {
			if ss, isStrings := v.([]string); isStrings {
				return append([]string(nil), ss...), nil
			}
			return nil, fmt.Errorf("option %q wants a list of strings, not %s", o.Name, describe(v))
		}
		out := make([]string, 0, len(items))
		for _, it := range items {
			s, ok := it.(string)
			if !ok || strings.TrimSpace(s) == "" {
				return nil, fmt.Errorf("option %q wants a list of non-empty strings; %s is not one", o.Name, describe(it))
			}
			out = append(out, strings.TrimSpace(s))
		}
		return out, nil
	}
	return nil, fmt.Errorf("option %q has no kind", o.Name)
}

func (o *Option) checkBounds(n float64) error {
	if o.Min == 0 && o.Max == 0 {
		return nil
	}
	if n < o.Min || n > o.Max {
		return fmt.Errorf("option %q must be between %v and %v, not %v", o.Name, o.Min, o.Max, n)
	}
	return nil
}

func asNumber(v any) (float64, bool) {
	switch n := v.(type) {
	case int:
		return float64(n), true
	case int64:
		return float64(n), true
	case uint64:
		return float64(n), true
	case float64:
		return n, true
	}
	return 0, false
}

func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "nothing"
	case string:
		return fmt.Sprintf("the string %q", x)
	case bool:
		return fmt.Sprintf("the boolean %v", x)
	case []any:
		return "a list"
	case map[string]any:
		return "a mapping"
	}
	return fmt.Sprintf("%v", v)
}

// validateOptions checks the rule's option declarations.
func (r *Rule) validateOptions() error {
	seen := map[string]bool{}
	for i := range r.Options {
		o := &r.Options[i]
		if o.Name == "" || strings.ToLower(o.Name) != o.Name || strings.ContainsAny(o.Name, " _/") {
			return fmt.Errorf("rule %q: option name %q must be lower case with hyphens", r.ID, o.Name)
		}
		if seen[o.Name] {
			return fmt.Errorf("rule %q: option %q declared twice", r.ID, o.Name)
		}
		seen[o.Name] = true
		if o.Doc == "" {
			return fmt.Errorf("rule %q: option %q has no doc", r.ID, o.Name)
		}
		if _, err := o.Check(o.Default); err != nil {
			return fmt.Errorf("rule %q: default of option %q: %v", r.ID, o.Name, err)
		}
	}
	return nil
}

// value returns the option's value for this pass: configured, or the default.
func (p *Pass) value(name string) any { return optionValue(p.Rule, p.Options, name) }

// optionValue is r's option name as set in options, or its default.
func optionValue(r *Rule, options map[string]any, name string) any {
	if v, ok := options[name]; ok {
		return v
	}
	if o := r.Option(name); o != nil {
		return o.Default
	}
	panic(fmt.Sprintf("rule %s: option %q is not declared", r.ID, name))
}

// SiblingWordsOption returns a word-list option of another rule as this run
// set it for this file (configured or default), whether or not that rule runs.
func (p *Pass) SiblingWordsOption(r *Rule, name string) []string {
	return optionValue(r, p.RunOptions[r.ID], name).([]string)
}

// IntOption returns an integer option's value (configured or default).
func (p *Pass) IntOption(name string) int { return p.value(name).(int) }

// FloatOption returns a number option's value (configured or default).
func (p *Pass) FloatOption(name string) float64 {
	switch n := p.value(name).(type) {
	case int:
		return float64(n)
	default:
		return n.(float64)
	}
}

// WordsOption returns a word-list option's value (configured or default).
func (p *Pass) WordsOption(name string) []string { return p.value(name).([]string) }
