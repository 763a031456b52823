// Package config reads .corpuslint.yaml: which rules run (by default set, ID,
// category or glob), their severities and options, per-path overrides and
// languages, include and exclude globs, ignores with reasons, user patterns
// and extra language packs. Decoding is strict: an unknown key, a value of the
// wrong type or a name that means nothing is an error naming the file, line
// and column. Resolve turns a decoded file and the command line's flags into
// what the engine needs.
package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// FileName is the name of the configuration file looked for in the working
// directory and its parents.
const FileName = ".corpuslint.yaml"

// Value is a configuration value with the place it was written, so that
// errors can point at it. Its YAML form is the bare value.
type Value[T any] struct {
	V            T
	Line, Column int
}

// V returns a Value without a position (a default, or a flag's value).
func V[T any](v T) Value[T] { return Value[T]{V: v} }

// UnmarshalYAML records the node's position and decodes its value.
func (v *Value[T]) UnmarshalYAML(n *yaml.Node) error {
	v.Line, v.Column = n.Line, n.Column
	return n.Decode(&v.V)
}

// MarshalYAML writes the bare value.
func (v Value[T]) MarshalYAML() (any, error) { return v.V, nil }

// IsZero reports whether the value was not set, for omitempty.
func (v Value[T]) IsZero() bool { return reflect.ValueOf(&v.V).Elem().IsZero() }

// shape is the type the strict checker compares a Value's node with.
func (Value[T]) shape() reflect.Type { return reflect.TypeFor[T]() }

// Config is the content of a configuration file. Every key is optional.
type Config struct {
	// Default is the starting set of rules: recommended (the default), all or none.
	Default Value[string] `yaml:"default,omitempty"`
	// Enable and Disable add and remove rules by ID, category or glob.
	Enable  []Value[string] `yaml:"enable,omitempty"`
	Disable []Value[string] `yaml:"disable,omitempty"`
	// FailLevel is the severity from which findings fail the run.
	FailLevel Value[string] `yaml:"fail-level,omitempty"`
	// Lang is the articles' language: auto, or a language pack's code.
	Lang Value[string] `yaml:"lang,omitempty"`
	// Include and Exclude are doublestar globs, relative to the file's folder.
	Include []Value[string] `yaml:"include,omitempty"`
	Exclude []Value[string] `yaml:"exclude,omitempty"`
	// Lexicons is a folder of extra language packs, laid out as the embedded ones.
	Lexicons Value[string] `yaml:"lexicons,omitempty"`
	// Rules sets severities and options by rule.
	Rules RuleSettings `yaml:"rules,omitempty"`
	// Overrides change rules and language for files matching their paths.
	Overrides []Value[Override] `yaml:"overrides,omitempty"`
	// Ignore drops findings, each ignore with its reason.
	Ignore []Value[Ignore] `yaml:"ignore,omitempty"`
	// Patterns are the user's own rules, built from data.
	Patterns []Value[Pattern] `yaml:"patterns,omitempty"`

	// Path is the file the configuration was read from ("" for none).
	Path string `yaml:"-"`
}

// Override applies to the files matching Paths, after the top-level settings,
// in the order overrides are written.
type Override struct {
	Paths   []Value[string] `yaml:"paths"`
	Lang    Value[string]   `yaml:"lang,omitempty"`
	Enable  []Value[string] `yaml:"enable,omitempty"`
	Disable []Value[string] `yaml:"disable,omitempty"`
	Rules   RuleSettings    `yaml:"rules,omitempty"`
}

// Ignore drops the findings it matches: every condition given must hold.
type Ignore struct {
	// Paths are globs of the files it applies to (all files when empty).
	Paths []Value[string] `yaml:"paths,omitempty"`
	// Rules are rule IDs, categories or globs (all rules when empty).
	Rules []Value[string] `yaml:"rules,omitempty"`
	// Match is a regular expression searched in the finding's message and in
	// the text it covers.
	Match Value[string] `yaml:"match,omitempty"`
	// Reason says why the findings are acceptable; required.
	Reason Value[string] `yaml:"reason"`
}

// Pattern is a user rule: phrases or regular expressions to report (existence),
// wrong-to-right pairs to fix (substitution), or whole lines (line).
type Pattern struct {
	ID       Value[string]   `yaml:"id"`
	Kind     Value[string]   `yaml:"kind"`
	Message  Value[string]   `yaml:"message,omitempty"`
	Severity Value[string]   `yaml:"severity,omitempty"`
	Phrases  []Value[string] `yaml:"phrases,omitempty"`
	Regexps  []Value[string] `yaml:"regexps,omitempty"`
	Replace  []Value[Pair]   `yaml:"replace,omitempty"`
	Fix      Value[string]   `yaml:"fix,omitempty"`
	// MatchCase makes phrases case-sensitive (substitutions always are).
	MatchCase Value[bool] `yaml:"match-case,omitempty"`
}

// Pair is one substitution: text to replace, and what to write instead.
type Pair struct {
	Wrong Value[string] `yaml:"wrong"`
	Right Value[string] `yaml:"right"`
}

// RuleSetting is the severity and options configured for one rule (by ID,
// category or glob: severities apply to every rule matched, options only to a
// rule named by ID).
type RuleSetting struct {
	Rule         string
	Line, Column int
	RuleBody
}

// RuleBody is the value of one entry of rules:.
type RuleBody struct {
	Severity Value[string] `yaml:"severity,omitempty"`
	Options  OptionValues  `yaml:"options,omitempty"`
}

// OptionValue is one option of a rule: its name, where the name is written,
// and its value.
type OptionValue struct {
	Name         string
	Line, Column int
	Value        Value[any]
}

// OptionValues is an options: mapping, in the order written.
type OptionValues []OptionValue

// UnmarshalYAML reads the mapping keeping its order and the keys' positions.
func (os *OptionValues) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: options must be a mapping of option to value", n.Line)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		o := OptionValue{Name: k.Value, Line: k.Line, Column: k.Column}
		if err := v.Decode(&o.Value); err != nil {
			return err
		}
		*os = append(*os, o)
	}
	return nil
}

// MarshalYAML writes the mapping in order.
func (os OptionValues) MarshalYAML() (any, error) {
	m := &yaml.Node{Kind: yaml.MappingNode}
	for _, o := range os {
		v := &yaml.Node{}
		if err := v.Encode(o.Value.V); err != nil {
			return nil, err
		}
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: o.Name}, v)
	}
	return m, nil
}

func (OptionValues) shape() reflect.Type { return reflect.TypeFor[map[string]any]() }

// RuleSettings is the rules: mapping, in the order written.
type RuleSettings []RuleSetting

// UnmarshalYAML reads the mapping keeping its order and the keys' positions.
func (rs *RuleSettings) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: rules must be a mapping of rule to settings", n.Line)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		s := RuleSetting{Rule: k.Value, Line: k.Line, Column: k.Column}
		if err := v.Decode(&s.RuleBody); err != nil {
			return err
		}
		*rs = append(*rs, s)
	}
	return nil
}

// MarshalYAML writes the mapping in order.
func (rs RuleSettings) MarshalYAML() (any, error) {
	m := &yaml.Node{Kind: yaml.MappingNode}
	for _, s := range rs {
		v := &yaml.Node{}
		if err := v.Encode(s.RuleBody); err != nil {
			return nil, err
		}
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: s.Rule}, v)
	}
	return m, nil
}

func (RuleSettings) shape() reflect.Type { return reflect.TypeFor[map[string]RuleBody]() }

// Error is a problem in a configuration file, at a place in it when known.
type Error struct {
	File         string
	Line, Column int
	Message      string
}

// Error renders file:line:column: message, leaving out what is unknown.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, ":%d", e.Column)
		}
	}
	b.WriteString(": ")
	b.WriteString(e.Message)
	return b.String()
}

// Errors is every problem found in a configuration file, in file order.
type Errors []*Error

// Error renders one problem a line.
func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Find returns the configuration file in dir or the nearest parent holding
// one, or "" when there is none.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, FileName)
		info, err := os.Stat(p)
		if err == nil && !info.IsDir() {
			return p, nil
		}
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return "", fmt.Errorf("%s: %w", p, err)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// Load reads and strictly decodes the configuration file at path.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		reason := err.Error()
		if errors.Is(err, os.ErrNotExist) {
			reason = "no such file"
		}
		return nil, &Error{File: path, Message: "cannot read configuration: " + reason}
	}
	return Parse(path, data)
}

// yamlLine finds "line N: " in the messages of the YAML decoder.
var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): `)

// Parse strictly decodes a configuration file's content; path names it in errors.
// Unknown keys and values of the wrong type are reported with their line and
// column; syntax errors with the line the YAML parser gives.
func Parse(path string, data []byte) (*Config, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, yamlError(path, err)
	}
	cfg := &Config{Path: path}
	if len(root.Content) == 0 {
		return cfg, nil // an empty file: all defaults
	}
	// checkShape has rejected unknown keys and wrong types: the tree parsed
	// once is decoded as it is.
	if errs := checkShape(path, root.Content[0], reflect.TypeFor[Config](), ""); len(errs) > 0 {
		return nil, errs
	}
	if err := root.Content[0].Decode(cfg); err != nil {
		return nil, yamlError(path, err)
	}
	cfg.Path = path
	return cfg, nil
}

// yamlError turns a YAML library error into Errors naming the file and line.
func yamlError(path string, err error) error {
	var msgs []string
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs = te.Errors
	} else {
		msgs = []string{err.Error()}
	}
	var out Errors
	for _, m := range msgs {
		e := &Error{File: path, Message: strings.TrimPrefix(m, "yaml: ")}
		if sm := yamlLine.FindStringSubmatch(m); sm != nil {
			e.Line, _ = strconv.Atoi(sm[1])
			e.Message = m[len(sm[0]):]
		}
		out = append(out, e)
	}
	return out
}
