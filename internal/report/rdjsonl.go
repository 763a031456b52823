package report

import (
	"bytes"
	"cmp"

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
		d := rdDiagnostic{
			Message:  f.Message,
			Location: rdLocation{Path: f.Path, Range: toRDRange(f.Range)},
			Severity: rdSeverity(f.Severity),
			Source:   rdSource{Name: toolName, URL: toolURL},
			Code:     rdCode{Value: f.Rule, URL: cmp.Or(urls[f.Rule], ruleDocURL(f.Rule))},
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
		if err := encodeJSON(buf, d, ""); err != nil {
			return err
		}
	}
	return nil
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
