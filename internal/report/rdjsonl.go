package report

import (
	"bytes"
	"strconv"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// rdDiagnostic is reviewdog's Diagnostic message (Reviewdog Diagnostic Format,
// proto/rdf/reviewdog.proto) with the proto JSON field names.
type rdDiagnostic struct {
	Message          string              `json:"message"`
	Location         rdLocation          `json:"location"`
	Severity         string              `json:"severity"`
	Source           rdSource            `json:"source"`
	Code             rdCode              `json:"code"`
	Suggestions      []rdSuggestion      `json:"suggestions,omitempty"`
	OriginalOutput   string              `json:"original_output,omitempty"`
	RelatedLocations []rdRelatedLocation `json:"related_locations,omitempty"`
}

// rdLocation is a file and, unless the diagnostic is about the whole file, a
// range in it.
type rdLocation struct {
	Path  string   `json:"path"`
	Range *rdRange `json:"range,omitempty"`
}

// rdRange is a range with an exclusive end.
type rdRange struct {
	Start rdPosition `json:"start"`
	End   rdPosition `json:"end"`
}

// rdPosition is a 1-based line and a 1-based column counted in UTF-8 bytes.
type rdPosition struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

// rdSource names the tool that produced the diagnostic.
type rdSource struct {
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

// rdCode is the rule that produced the diagnostic.
type rdCode struct {
	Value string `json:"value"`
	URL   string `json:"url,omitempty"`
}

// rdSuggestion replaces the text of range with text; an empty range inserts.
type rdSuggestion struct {
	Range rdRange `json:"range"`
	Text  string  `json:"text"`
}

// rdRelatedLocation is another place the diagnostic refers to.
type rdRelatedLocation struct {
	Message  string     `json:"message,omitempty"`
	Location rdLocation `json:"location"`
}

// writeRDJSONL renders reviewdog's rdjsonl: one Diagnostic JSON object per
// line. Columns are UTF-8 byte columns with an exclusive end, as reviewdog
// expects; a whole-file finding has no range. The edits of a finding's first
// fix become its suggestions (none if an edit has no resolved range). Files
// that could not be checked have no place in the format and are left out.
func writeRDJSONL(buf *bytes.Buffer, in *Input) error {
	urls := in.ruleURLs
	if urls == nil {
		urls = ruleURLs(in.Rules)
	}
	for i := range in.Findings {
		f := &in.Findings[i]
		url := urls[f.Rule]
		if url == "" {
			url = ruleDocURL(f.Rule)
		}
		d := rdDiagnostic{
			Message:  f.Message,
			Location: rdLocation{Path: f.Path, Range: toRDRange(f.Range)},
			Severity: rdSeverity(f.Severity),
			Source:   rdSource{Name: toolName, URL: toolURL},
			Code:     rdCode{Value: f.Rule, URL: url},
		}
		if fx := firstFix(f); fx != nil {
			d.Suggestions = rdSuggestions(fx)
		}
		for j := range f.Related {
			l := &f.Related[j]
			d.RelatedLocations = append(d.RelatedLocations, rdRelatedLocation{
				Message:  l.Message,
				Location: rdLocation{Path: relatedPath(f, l), Range: toRDRange(l.Range)},
			})
		}
		buf.Write(appendRDDiagnostic(buf.AvailableBuffer(), &d))
	}
	return nil
}

// appendRDDiagnostic appends d as one line of JSON, byte for byte what
// encoding/json writes for it without HTML escaping (TestRDJSONLEncoder
// compares the two): reflection was most of the cost of a report of tens of
// thousands of findings.
func appendRDDiagnostic(b []byte, d *rdDiagnostic) []byte {
	b = append(b, `{"message":`...)
	b = appendJSONString(b, d.Message)
	b = append(b, `,"location":`...)
	b = appendRDLocation(b, &d.Location)
	b = append(b, `,"severity":`...)
	b = appendJSONString(b, d.Severity)
	b = append(b, `,"source":{"name":`...)
	b = appendJSONString(b, d.Source.Name)
	if d.Source.URL != "" {
		b = append(b, `,"url":`...)
		b = appendJSONString(b, d.Source.URL)
	}
	b = append(b, `},"code":{"value":`...)
	b = appendJSONString(b, d.Code.Value)
	if d.Code.URL != "" {
		b = append(b, `,"url":`...)
		b = appendJSONString(b, d.Code.URL)
	}
	b = append(b, '}')
	if len(d.Suggestions) > 0 {
		b = append(b, `,"suggestions":[`...)
		for i := range d.Suggestions {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"range":`...)
			b = appendRDRange(b, &d.Suggestions[i].Range)
			b = append(b, `,"text":`...)
			b = appendJSONString(b, d.Suggestions[i].Text)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	if d.OriginalOutput != "" {
		b = append(b, `,"original_output":`...)
		b = appendJSONString(b, d.OriginalOutput)
	}
	if len(d.RelatedLocations) > 0 {
		b = append(b, `,"related_locations":[`...)
		for i := range d.RelatedLocations {
			l := &d.RelatedLocations[i]
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, '{')
			if l.Message != "" {
				b = append(b, `"message":`...)
				b = appendJSONString(b, l.Message)
				b = append(b, ',')
			}
			b = append(b, `"location":`...)
			b = appendRDLocation(b, &l.Location)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	return append(b, "}\n"...)
}

func appendRDLocation(b []byte, l *rdLocation) []byte {
	b = append(b, `{"path":`...)
	b = appendJSONString(b, l.Path)
	if l.Range != nil {
		b = append(b, `,"range":`...)
		b = appendRDRange(b, l.Range)
	}
	return append(b, '}')
}

func appendRDRange(b []byte, r *rdRange) []byte {
	b = append(b, `{"start":`...)
	b = appendRDPosition(b, r.Start)
	b = append(b, `,"end":`...)
	b = appendRDPosition(b, r.End)
	return append(b, '}')
}

func appendRDPosition(b []byte, p rdPosition) []byte {
	b = append(b, `{"line":`...)
	b = strconv.AppendInt(b, int64(p.Line), 10)
	b = append(b, `,"column":`...)
	b = strconv.AppendInt(b, int64(p.Column), 10)
	return append(b, '}')
}

// appendJSONString appends s as a JSON string exactly as encoding/json does
// with HTML escaping off: quotes, backslashes and control characters
// escaped, each invalid byte as \ufffd, U+2028 and U+2029 escaped.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// rdSuggestions turns each edit of fx into a suggestion, or returns nil when an
// edit's range was never resolved.
func rdSuggestions(fx *finding.Fix) []rdSuggestion {
	out := make([]rdSuggestion, 0, len(fx.Edits))
	for _, e := range fx.Edits {
		r := toRDRange(e.Range)
		if r == nil {
			return nil
		}
		out = append(out, rdSuggestion{Range: *r, Text: e.New})
	}
	return out
}

// toRDRange converts a range to byte columns, or returns nil for an unresolved
// one.
func toRDRange(r finding.Range) *rdRange {
	if r.IsZero() {
		return nil
	}
	return &rdRange{
		Start: rdPosition{Line: r.Start.Line, Column: r.Start.Column},
		End:   rdPosition{Line: r.End.Line, Column: r.End.Column},
	}
}

// rdSeverity is reviewdog's name for a severity.
func rdSeverity(s finding.Severity) string {
	switch s {
	case finding.Error:
		return "ERROR"
	case finding.Warning:
		return "WARNING"
	case finding.Info:
		return "INFO"
	}
	return "UNKNOWN_SEVERITY"
}

// ruleURLs maps each rule's ID to its documentation's address.
func ruleURLs(rules []*rule.Rule) map[string]string {
	urls := make(map[string]string, len(rules))
	for _, r := range rules {
		if r != nil {
			urls[r.ID] = helpURL(r)
		}
	}
	return urls
}
