package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/internal/finding"
)

// The rdjsonl writer encodes by hand; encoding/json of reviewdog's
// Diagnostic message, as the structs below declare it, is the reference it
// must match byte for byte.

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

type rdLocation struct {
	Path  string   `json:"path"`
	Range *rdRange `json:"range,omitempty"`
}

type rdRange struct {
	Start rdPosition `json:"start"`
	End   rdPosition `json:"end"`
}

type rdPosition struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

type rdSource struct {
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type rdCode struct {
	Value string `json:"value"`
	URL   string `json:"url,omitempty"`
}

type rdSuggestion struct {
	Range rdRange `json:"range"`
	Text  string  `json:"text"`
}

type rdRelatedLocation struct {
	Message  string     `json:"message,omitempty"`
	Location rdLocation `json:"location"`
}

// referenceDiagnostic is the Diagnostic of f as the writer built it before
// it encoded by hand.
func referenceDiagnostic(f *finding.Finding, urls map[string]string) rdDiagnostic {
	url := urls[f.Rule]
	if url == "" {
		url = ruleDocURL(f.Rule)
	}
	d := rdDiagnostic{
		Message:  f.Message,
		Location: rdLocation{Path: f.Path, Range: referenceRange(f.Range)},
		Severity: rdSeverity(f.Severity),
		Source:   rdSource{Name: toolName, URL: toolURL},
		Code:     rdCode{Value: f.Rule, URL: url},
	}
	if fx := firstFix(f); fx != nil {
		out := make([]rdSuggestion, 0, len(fx.Edits))
		for _, e := range fx.Edits {
			r := referenceRange(e.Range)
			if r == nil {
				out = nil
				break
			}
			out = append(out, rdSuggestion{Range: *r, Text: e.New})
		}
		d.Suggestions = out
	}
	for j := range f.Related {
		l := &f.Related[j]
		d.RelatedLocations = append(d.RelatedLocations, rdRelatedLocation{
			Message:  l.Message,
			Location: rdLocation{Path: relatedPath(f, l), Range: referenceRange(l.Range)},
		})
	}
	return d
}

func referenceRange(r finding.Range) *rdRange {
	if r.IsZero() {
		return nil
	}
	return &rdRange{
		Start: rdPosition{Line: r.Start.Line, Column: r.Start.Column},
		End:   rdPosition{Line: r.End.Line, Column: r.End.Column},
	}
}

var jsonStrings = []string{
	"", "plain", "quote \" and \\ backslash", "tab\tnl\ncr\rbs\bff\f", "\x00\x01\x1f\x7f", "<&>",
	"“curly” — dash 😀", "\xff\xfe bad \xe2\x80", "line\u2028para\u2029", "\u2027\u202a", "é\u0301",
}

// rdFindings are findings with every shape the writer distinguishes: with
// and without a range, fixes (none, resolved, unresolved, empty), related
// locations (with and without path, message, range), every severity, and
// strings that need escaping everywhere.
func rdFindings() []finding.Finding {
	r := finding.Range{Start: finding.Position{Line: 1, Column: 2}, End: finding.Position{Line: 30, Column: 400}}
	var out []finding.Finding
	for i, s := range jsonStrings {
		f := finding.Finding{Rule: "artifact/" + s, Path: s + ".txt", Message: s, Severity: finding.Severity(i % 5)}
		if i%2 == 0 {
			f.Range = r
			f.Fixes = []finding.Fix{{Message: s, Edits: []finding.Edit{{New: s, Range: r}, {Range: r}}}, {Edits: []finding.Edit{{New: "x"}}}}
			f.Related = []finding.Location{{Message: s, Path: "a", Range: r}, {Path: s}, {Message: s}}
		}
		if i%3 == 0 {
			f.Fixes = []finding.Fix{{Edits: []finding.Edit{{New: s, Range: r}, {New: s}}}}
			f.Related = []finding.Location{}
		}
		if i%4 == 1 {
			f.Fixes = []finding.Fix{{Message: s, Edits: []finding.Edit{}}}
		}
		if i%5 == 2 {
			f.Rule = "duplicate/headline" // a rule with a URL in the map
		}
		out = append(out, f)
	}
	return append(out, finding.Finding{})
}

func TestRDJSONLLikeJSON(t *testing.T) {
	in := &Input{Rules: sampleRules(), Findings: rdFindings()}
	in.Findings = append(in.Findings, sampleInput(t).Findings...)
	var want bytes.Buffer
	urls := ruleURLs(in.Rules)
	for i := range in.Findings {
		if err := encodeJSON(&want, referenceDiagnostic(&in.Findings[i], urls), ""); err != nil {
			t.Fatal(err)
		}
	}
	var got bytes.Buffer
	if err := writeRDJSONL(&got, in); err != nil {
		t.Fatal(err)
	}
	gotLines, wantLines := strings.SplitAfter(got.String(), "\n"), strings.SplitAfter(want.String(), "\n")
	for i := range min(len(gotLines), len(wantLines)) {
		if gotLines[i] != wantLines[i] {
			t.Fatalf("line %d:\ngot  %s\nwant %s", i+1, gotLines[i], wantLines[i])
		}
	}
	if len(gotLines) != len(wantLines) {
		t.Fatalf("%d lines, want %d", len(gotLines), len(wantLines))
	}
}

func FuzzJSONString(f *testing.F) {
	for _, s := range jsonStrings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		if got := string(appendJSONString(nil, s)) + "\n"; got != want.String() {
			t.Fatalf("got  %s\nwant %s", got, want.String())
		}
	})
}

// BenchmarkRDJSONL renders the sample report's findings as rdjsonl lines, as a
// Stream renders a file's:
//
//	go test ./internal/report -run '^$' -bench RDJSONL -benchmem
func BenchmarkRDJSONL(b *testing.B) {
	in := sampleInput(b)
	s, err := NewStream(&bytes.Buffer{}, "rdjsonl", *in)
	if err != nil {
		b.Fatal(err)
	}
	var buf []byte
	size := 0
	for b.Loop() {
		buf, err = s.Render(buf[:0], in.Findings)
		if err != nil {
			b.Fatal(err)
		}
		size = len(buf)
	}
	b.SetBytes(int64(size))
}
