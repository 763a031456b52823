package config

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// shaped is a type whose YAML form has the shape of another type (a Value is
// written as its bare value).
type shaped interface{ shape() reflect.Type }

var shapedType = reflect.TypeFor[shaped]()

// checkShape compares a YAML node with the Go type it will be decoded into and
// reports, with line and column, every unknown key and every value of the
// wrong kind. The YAML decoder's own KnownFields check gives lines only and
// stops inside custom decoders; this one sees the whole file.
func checkShape(file string, n *yaml.Node, t reflect.Type, where string) Errors {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Implements(shapedType) {
		return checkShape(file, n, reflect.Zero(t).Interface().(shaped).shape(), where)
	}
	fail := func(format string, a ...any) Errors {
		return Errors{{File: file, Line: n.Line, Column: n.Column, Message: fmt.Sprintf(format, a...)}}
	}
	name := where
	if name == "" {
		name = "the configuration"
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" && t.Kind() != reflect.Interface {
		return fail("%s has no value (want %s)", name, describeType(t))
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			return fail("%s must be a mapping of keys (%s), not %s", name, strings.Join(fieldNames(t), ", "), describeNode(n))
		}
		var errs Errors
		fields := fieldsByKey(t)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			f, ok := fields[k.Value]
			if !ok {
				errs = append(errs, &Error{File: file, Line: k.Line, Column: k.Column,
					Message: fmt.Sprintf("unknown key %q in %s (%sknown keys: %s)", k.Value, name, didYouMean(k.Value, fieldNames(t)), strings.Join(fieldNames(t), ", "))})
				continue
			}
			errs = append(errs, checkShape(file, v, f.Type, join(where, k.Value))...)
		}
		return errs
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			return fail("%s must be a mapping, not %s", name, describeNode(n))
		}
		var errs Errors
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				errs = append(errs, &Error{File: file, Line: k.Line, Column: k.Column, Message: fmt.Sprintf("keys of %s must be plain strings", name)})
				continue
			}
			errs = append(errs, checkShape(file, v, t.Elem(), join(where, k.Value))...)
		}
		return errs
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			return fail("%s must be a list (- item, or [a, b]), not %s", name, describeNode(n))
		}
		var errs Errors
		for i, c := range n.Content {
			errs = append(errs, checkShape(file, c, t.Elem(), fmt.Sprintf("%s[%d]", name, i))...)
		}
		return errs
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			return fail("%s must be a string, not %s", name, describeNode(n))
		}
	case reflect.Bool:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
			return fail("%s must be true or false, not %s", name, describeNode(n))
		}
	case reflect.Int, reflect.Float64:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!int" && n.Tag != "!!float" {
			return fail("%s must be a number, not %s", name, describeNode(n))
		}
	}
	return nil
}

func join(where, key string) string {
	if where == "" {
		return key
	}
	return where + "." + key
}

// fieldsByKey maps a struct's YAML keys to its fields.
func fieldsByKey(t reflect.Type) map[string]reflect.StructField {
	out := map[string]reflect.StructField{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous {
			for k, v := range fieldsByKey(f.Type) {
				out[k] = v
			}
			continue
		}
		key := strings.Split(f.Tag.Get("yaml"), ",")[0]
		if key == "" || key == "-" || !f.IsExported() {
			continue
		}
		out[key] = f
	}
	return out
}

func fieldNames(t reflect.Type) []string {
	var out []string
	for k := range fieldsByKey(t) {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func describeType(t reflect.Type) string {
	if t.Implements(shapedType) {
		t = reflect.Zero(t).Interface().(shaped).shape()
	}
	switch t.Kind() {
	case reflect.Struct, reflect.Map:
		return "a mapping"
	case reflect.Slice:
		return "a list"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Float64:
		return "a number"
	}
	return "a string"
}

func describeNode(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "nothing"
		case "!!bool":
			return "the boolean " + n.Value
		case "!!int", "!!float":
			return "the number " + n.Value
		}
		return fmt.Sprintf("the string %q", n.Value)
	}
	return "a value"
}
