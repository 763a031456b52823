package report

import (
	"bytes"
	"testing"
)

// The rdjsonl writer encodes by hand; encoding/json is the reference it must
// match byte for byte.

var jsonStrings = []string{
	"", "plain", "quote \" and \\ backslash", "tab\tnl\ncr\rbs\bff\f", "\x00\x01\x1f\x7f", "<&>",
	"“curly” — dash 😀", "\xff\xfe bad \xe2\x80", "line\u2028para\u2029", "\u2027\u202a", "é\u0301",
}

func rdSamples() []rdDiagnostic {
	var out []rdDiagnostic
	r := &rdRange{Start: rdPosition{Line: 1, Column: 2}, End: rdPosition{Line: 30, Column: 400}}
	for i, s := range jsonStrings {
		d := rdDiagnostic{
			Message:  s,
			Location: rdLocation{Path: s + ".txt"},
			Severity: "WARNING",
			Source:   rdSource{Name: toolName},
			Code:     rdCode{Value: "artifact/" + s},
		}
		if i%2 == 0 {
			d.Location.Range = r
			d.Source.URL, d.Code.URL = toolURL, s
			d.Suggestions = []rdSuggestion{{Range: *r, Text: s}, {Text: ""}}
			d.RelatedLocations = []rdRelatedLocation{{Message: s, Location: rdLocation{Path: "a", Range: r}}, {Location: rdLocation{Path: s}}}
		}
		if i%3 == 0 {
			d.OriginalOutput = s
			d.Suggestions = []rdSuggestion{}
			d.RelatedLocations = []rdRelatedLocation{}
		}
		out = append(out, d)
	}
	return append(out, rdDiagnostic{})
}

func TestRDJSONLEncoder(t *testing.T) {
	for _, d := range rdSamples() {
		var want bytes.Buffer
		if err := encodeJSON(&want, d, ""); err != nil {
			t.Fatal(err)
		}
		if got := appendRDDiagnostic(nil, &d); string(got) != want.String() {
			t.Fatalf("got  %s\nwant %s", got, want.String())
		}
	}
}

func FuzzJSONString(f *testing.F) {
	for _, s := range jsonStrings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := rdDiagnostic{Message: s, Location: rdLocation{Path: s}}
		var want bytes.Buffer
		if err := encodeJSON(&want, d, ""); err != nil {
			t.Fatal(err)
		}
		if got := appendRDDiagnostic(nil, &d); string(got) != want.String() {
			t.Fatalf("got  %s\nwant %s", got, want.String())
		}
	})
}
