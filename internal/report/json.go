package report

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/corpuslint/corpuslint/internal/finding"
)

// jsonReport is the document the json format writes. The output structs are
// this package's own, not finding's, so the format stays stable whatever
// happens to the internal types.
type jsonReport struct {
	Version  string        `json:"version"`
	Files    int           `json:"files"`
	Findings []jsonFinding `json:"findings"`
	Errors   []jsonError   `json:"errors"`
	// ConfigNotes is left out when there are none.
	ConfigNotes []jsonConfigNote `json:"configNotes,omitempty"`
}

// jsonFinding is one finding. Range is absent for a whole-file finding.
type jsonFinding struct {
	Rule     string         `json:"rule"`
	Path     string         `json:"path"`
	Severity string         `json:"severity"`
	Message  string         `json:"message"`
	Span     jsonSpan       `json:"span"`
	Range    *jsonRange     `json:"range,omitempty"`
	Fixes    []jsonFix      `json:"fixes"`
	Related  []jsonLocation `json:"related"`
}

// jsonSpan is a half-open range of byte offsets.
type jsonSpan struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// jsonRange is a span resolved to positions; end is exclusive.
type jsonRange struct {
	Start jsonPosition `json:"start"`
	End   jsonPosition `json:"end"`
}

// jsonPosition is a 1-based line and 1-based columns in UTF-8 bytes (column),
// code points (runeColumn) and UTF-16 code units (utf16Column).
type jsonPosition struct {
	Line        int `json:"line"`
	Column      int `json:"column"`
	RuneColumn  int `json:"runeColumn"`
	UTF16Column int `json:"utf16Column"`
}

// jsonFix is one way to resolve a finding.
type jsonFix struct {
	Message string     `json:"message"`
	Safe    bool       `json:"safe"`
	Edits   []jsonEdit `json:"edits"`
}

// jsonEdit replaces the bytes of span with new; an empty span inserts.
type jsonEdit struct {
	Span  jsonSpan   `json:"span"`
	Range *jsonRange `json:"range,omitempty"`
	New   string     `json:"new"`
}

// jsonLocation is a related location; path is always filled in.
type jsonLocation struct {
	Path    string     `json:"path"`
	Span    jsonSpan   `json:"span"`
	Range   *jsonRange `json:"range,omitempty"`
	Message string     `json:"message"`
}

// jsonError is a file that could not be checked.
type jsonError struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

// writeJSON renders one indented JSON document holding the version, the number
// of files checked, every finding and every file error. Lists are [] when
// empty, never null.
func writeJSON(buf *bytes.Buffer, in *Input) error {
	doc := jsonReport{
		Version:  in.Version,
		Files:    in.Files,
		Findings: make([]jsonFinding, 0, len(in.Findings)),
		Errors:   make([]jsonError, 0, len(in.Errors)),
	}
	for i := range in.Findings {
		doc.Findings = append(doc.Findings, toJSONFinding(&in.Findings[i]))
	}
	for _, e := range in.Errors {
		doc.Errors = append(doc.Errors, jsonError{Path: e.Path, Message: e.Message})
	}
	doc.ConfigNotes = jsonConfigNotes(in.ConfigNotes)
	return encodeJSON(buf, doc, "  ")
}

// toJSONFinding converts a finding to its output form.
func toJSONFinding(f *finding.Finding) jsonFinding {
	out := jsonFinding{
		Rule:     f.Rule,
		Path:     f.Path,
		Severity: f.Severity.String(),
		Message:  f.Message,
		Span:     toJSONSpan(f.Span),
		Range:    toJSONRange(f.Range),
		Fixes:    make([]jsonFix, 0, len(f.Fixes)),
		Related:  make([]jsonLocation, 0, len(f.Related)),
	}
	for _, fx := range f.Fixes {
		jf := jsonFix{Message: fx.Message, Safe: fx.Safe, Edits: make([]jsonEdit, 0, len(fx.Edits))}
		for _, e := range fx.Edits {
			jf.Edits = append(jf.Edits, jsonEdit{Span: toJSONSpan(e.Span), Range: toJSONRange(e.Range), New: e.New})
		}
		out.Fixes = append(out.Fixes, jf)
	}
	for j := range f.Related {
		l := &f.Related[j]
		out.Related = append(out.Related, jsonLocation{
			Path:    relatedPath(f, l),
			Span:    toJSONSpan(l.Span),
			Range:   toJSONRange(l.Range),
			Message: l.Message,
		})
	}
	return out
}

// toJSONSpan converts a span.
func toJSONSpan(s finding.Span) jsonSpan { return jsonSpan{Start: s.Start, End: s.End} }

// toJSONRange converts a range, or returns nil for an unresolved one.
func toJSONRange(r finding.Range) *jsonRange {
	if r.IsZero() {
		return nil
	}
	return &jsonRange{Start: toJSONPosition(r.Start), End: toJSONPosition(r.End)}
}

// toJSONPosition converts a position.
func toJSONPosition(p finding.Position) jsonPosition {
	return jsonPosition{Line: p.Line, Column: p.Column, RuneColumn: p.RuneColumn, UTF16Column: p.UTF16Column}
}

// encodeJSON appends v as JSON and a newline to buf, indented when indent is
// not empty, leaving <, > and & as they are.
func encodeJSON(buf *bytes.Buffer, v any, indent string) error {
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if indent != "" {
		enc.SetIndent("", indent)
	}
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("encoding JSON: %w", err)
	}
	return nil
}
