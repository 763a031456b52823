package config

import (
	"bytes"
	"fmt"
	"io"

	"go.yaml.in/yaml/v3"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/source"
)

// Effective returns the configuration in force, as a file would write it: the
// defaults filled in, every rule with its severity and options (configured or
// default), the flags merged (--enable and --disable as a last override on
// every path, which is how they behave). Loading it gives the same run.
func (r *Resolved) Effective() *Config {
	c := *r.cfg
	c.Default = V(r.cfg.Default.V)
	if c.Default.V == "" {
		c.Default = V(DefaultRecommended)
	}
	c.FailLevel = V(r.FailLevel.String())
	if r.flags.Lang != "" {
		c.Lang = V(r.flags.Lang)
	} else if c.Lang.V == "" {
		c.Lang = V("auto")
	}
	if r.flags.Include != nil {
		c.Include = values(r.flags.Include)
	} else if len(c.Include) == 0 {
		c.Include = values([]string{source.DefaultInclude})
	}
	if r.flags.Exclude != nil {
		c.Exclude = values(r.flags.Exclude)
	}
	if c.Lexicons.V != "" {
		c.Lexicons = V(r.abs(c.Lexicons.V))
	}
	// Every rule's severity and options after the top-level rules: entries.
	sev, opts := r.topLevel()
	c.Rules = nil
	for _, rl := range r.Registry {
		s := RuleSetting{Rule: rl.ID}
		s.Severity = V(sev[rl.ID].String())
		if len(rl.Options) > 0 {
			for _, o := range rl.Options {
				v := o.Default
				if set, ok := opts[rl.ID][o.Name]; ok {
					v = set
				}
				s.Options = append(s.Options, OptionValue{Name: o.Name, Value: V(v)})
			}
		}
		c.Rules = append(c.Rules, s)
	}
	c.Overrides = append([]Value[Override]{}, r.cfg.Overrides...)
	if !r.cliLayer.empty() {
		c.Overrides = append(c.Overrides, V(Override{
			Paths:   values([]string{"**"}),
			Enable:  values(r.flags.Enable),
			Disable: values(r.flags.Disable),
		}))
	}
	return &c
}

// topLevel returns the severity and options the top-level rules: entries give
// every rule, whether it is on or not.
func (r *Resolved) topLevel() (map[string]finding.Severity, map[string]map[string]any) {
	sev := map[string]finding.Severity{}
	opts := map[string]map[string]any{}
	for _, rl := range r.Registry {
		sev[rl.ID] = rl.Severity
	}
	applySettings(r.settings, r.Registry, sev, opts)
	return sev, opts
}

func values(ss []string) []Value[string] {
	var out []Value[string]
	for _, s := range ss {
		out = append(out, V(s))
	}
	return out
}

// Print writes the effective configuration as YAML, headed by a comment
// naming the file it came from.
func (r *Resolved) Print(w io.Writer) error {
	var b bytes.Buffer
	from := "no configuration file: defaults"
	if r.cfg.Path != "" {
		from = "from " + r.cfg.Path
	}
	fmt.Fprintf(&b, "# corpuslint's effective configuration (%s, and flags)\n", from)
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(r.Effective()); err != nil {
		return fmt.Errorf("printing the configuration: %w", err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("printing the configuration: %w", err)
	}
	_, err := w.Write(b.Bytes())
	return err
}
