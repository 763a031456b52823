package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/rules"
)

// sarifValidator compiles the SARIF 2.1.0 schema kept in testdata.
func sarifValidator(t *testing.T) *jsonschema.Schema {
	t.Helper()
	path, err := filepath.Abs(filepath.Join(goldenDir, "sarif-schema-2.1.0.json"))
	require.NoError(t, err)
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	require.NoError(t, c.AddResource(path, doc))
	sch, err := c.Compile(path)
	require.NoError(t, err)
	return sch
}

// validate checks a JSON document against the schema.
func validate(t *testing.T, sch *jsonschema.Schema, data []byte) error {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	require.NoError(t, err)
	return sch.Validate(inst)
}

func renderSARIF(t *testing.T, in *Input) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, Write(&buf, "sarif", in))
	return buf.Bytes()
}

func TestSARIFValidatesAgainstSchema(t *testing.T) {
	sch := sarifValidator(t)
	assert.NoError(t, validate(t, sch, renderSARIF(t, sampleInput(t))))
	assert.NoError(t, validate(t, sch, renderSARIF(t, &Input{})), "an empty run is valid too")
}

func TestSARIFSchemaRejectsBrokenDocuments(t *testing.T) {
	sch := sarifValidator(t)
	result := func(doc map[string]any, i int) map[string]any {
		run := doc["runs"].([]any)[0].(map[string]any)
		return run["results"].([]any)[i].(map[string]any)
	}
	physical := func(res map[string]any) map[string]any {
		return res["locations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)
	}
	broken := map[string]func(doc map[string]any){
		"empty region":  func(doc map[string]any) { physical(result(doc, 4))["region"] = map[string]any{} },
		"unknown level": func(doc map[string]any) { result(doc, 0)["level"] = "fatal" },
		"column 0": func(doc map[string]any) {
			physical(result(doc, 0))["region"].(map[string]any)["startColumn"] = 0
		},
		"no version": func(doc map[string]any) { delete(doc, "version") },
	}
	for name, breakIt := range broken {
		doc := sarifDoc(t, sampleInput(t))
		breakIt(doc)
		data, err := json.Marshal(doc)
		require.NoError(t, err)
		assert.Error(t, validate(t, sch, data), name)
	}
}

// sarifDoc decodes a rendered log.
func sarifDoc(t *testing.T, in *Input) map[string]any {
	t.Helper()
	var doc map[string]any
	require.NoError(t, json.Unmarshal(renderSARIF(t, in), &doc))
	return doc
}

func TestSARIFRun(t *testing.T) {
	doc := sarifDoc(t, sampleInput(t))
	assert.Equal(t, "https://json.schemastore.org/sarif-2.1.0.json", doc["$schema"])
	assert.Equal(t, "2.1.0", doc["version"])
	runs := doc["runs"].([]any)
	require.Len(t, runs, 1)
	run := runs[0].(map[string]any)
	assert.Equal(t, "unicodeCodePoints", run["columnKind"])

	driver := run["tool"].(map[string]any)["driver"].(map[string]any)
	assert.Equal(t, "corpuslint", driver["name"])
	assert.Equal(t, "1.2.3", driver["version"])
	rules := driver["rules"].([]any)
	require.Len(t, rules, 6)
	mojibake := rules[3].(map[string]any)
	assert.Equal(t, "encoding/mojibake", mojibake["id"])
	assert.Equal(t, "mojibake", mojibake["name"])
	assert.Equal(t, map[string]any{"text": "text decoded with the wrong encoding"}, mojibake["shortDescription"])
	assert.Equal(t, map[string]any{"level": "error"}, mojibake["defaultConfiguration"])
	help := mojibake["help"].(map[string]any)
	assert.Contains(t, help["text"], "Mojibake corrupts every word it touches.")
	assert.Contains(t, help["text"], "Bad:\n    CafÃ© ```ramai```")
	assert.Contains(t, help["markdown"], "````text\nCafÃ© ```ramai```\n````", "the fence outgrows the backticks of the example")

	inv := run["invocations"].([]any)[0].(map[string]any)
	assert.Equal(t, false, inv["executionSuccessful"])
	notes := inv["toolExecutionNotifications"].([]any)
	require.Len(t, notes, 1)
	assert.Equal(t, "invalid UTF-8 at byte 12", notes[0].(map[string]any)["message"].(map[string]any)["text"])

	results := run["results"].([]any)
	require.Len(t, results, 6)
	for _, r := range results {
		res := r.(map[string]any)
		idx := int(res["ruleIndex"].(float64))
		assert.Equal(t, res["ruleId"], rules[idx].(map[string]any)["id"], "ruleIndex points at the rule")
	}

	wholeFile := results[4].(map[string]any)
	phys := wholeFile["locations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)
	assert.NotContains(t, phys, "region", "a whole-file finding has no region at all")
	assert.Equal(t, map[string]any{"uri": "news/kompas,%202024.txt", "uriBaseId": "%SRCROOT%"}, phys["artifactLocation"])

	// Code-point columns: the headline ends at code point 42 (byte 51).
	headline := results[0].(map[string]any)
	region := headline["locations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)["region"]
	assert.Equal(t, map[string]any{"startLine": 1.0, "startColumn": 1.0, "endLine": 1.0, "endColumn": 42.0}, region)
	rel := headline["relatedLocations"].([]any)[0].(map[string]any)
	assert.Equal(t, 1.0, rel["id"])
	assert.Equal(t, map[string]any{"text": "first article with this headline"}, rel["message"])
	assert.NotContains(t, headline, "fixes")

	insertion := results[3].(map[string]any)["fixes"].([]any)[0].(map[string]any)
	assert.Equal(t, map[string]any{"safe": true}, insertion["properties"])
	rep := insertion["artifactChanges"].([]any)[0].(map[string]any)["replacements"].([]any)[0].(map[string]any)
	assert.Equal(t, map[string]any{"startLine": 3.0, "startColumn": 42.0, "endLine": 3.0, "endColumn": 42.0}, rep["deletedRegion"])
	assert.Equal(t, map[string]any{"text": "."}, rep["insertedContent"])

	deletion := results[1].(map[string]any)["fixes"].([]any)[0].(map[string]any)
	rep = deletion["artifactChanges"].([]any)[0].(map[string]any)["replacements"].([]any)[0].(map[string]any)
	assert.Equal(t, map[string]any{"startLine": 2.0, "startColumn": 1.0, "endLine": 3.0, "endColumn": 1.0}, rep["deletedRegion"])
	assert.NotContains(t, rep, "insertedContent", "a deletion inserts nothing")
}

func TestSARIFSuccessfulWithoutErrors(t *testing.T) {
	in := sampleInput(t)
	in.Errors = nil
	run := sarifDoc(t, in)["runs"].([]any)[0].(map[string]any)
	inv := run["invocations"].([]any)[0].(map[string]any)
	assert.Equal(t, map[string]any{"executionSuccessful": true}, inv)
}

func TestSARIFUnknownRuleHasNoIndex(t *testing.T) {
	in := &Input{Findings: []finding.Finding{{Rule: "artifact/gone", Path: "a.txt", Severity: finding.Warning, Message: "m"}}}
	run := sarifDoc(t, in)["runs"].([]any)[0].(map[string]any)
	res := run["results"].([]any)[0].(map[string]any)
	assert.Equal(t, "artifact/gone", res["ruleId"])
	assert.NotContains(t, res, "ruleIndex")
	assert.Equal(t, "warning", res["level"])
}

func TestSARIFUnresolvedEditUsesBytes(t *testing.T) {
	in := &Input{Findings: []finding.Finding{{
		Rule: "artifact/x", Path: "a.txt", Severity: finding.Error, Message: "m",
		Fixes: []finding.Fix{{Message: "f", Edits: []finding.Edit{{Span: finding.Span{Start: 0, End: 4}}}}},
	}}}
	assert.NoError(t, validate(t, sarifValidator(t), renderSARIF(t, in)))
	assert.Contains(t, string(renderSARIF(t, in)), `"byteOffset": 0,`)
}

func TestSARIFArtifactURI(t *testing.T) {
	tests := []struct {
		path string
		want sarifArtifactLocation
	}{
		{"news/a.txt", sarifArtifactLocation{URI: "news/a.txt", URIBaseID: "%SRCROOT%"}},
		{"./news/../a b.txt", sarifArtifactLocation{URI: "a%20b.txt", URIBaseID: "%SRCROOT%"}},
		{"50%#1.txt", sarifArtifactLocation{URI: "50%25%231.txt", URIBaseID: "%SRCROOT%"}},
		{"a:b.txt", sarifArtifactLocation{URI: "./a:b.txt", URIBaseID: "%SRCROOT%"}},
		{"/srv/news/a b.txt", sarifArtifactLocation{URI: "file:///srv/news/a%20b.txt"}},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, sarifArtifact(tt.path), tt.path)
	}
}

// TestSARIFEveryRuleCarriesItsHelp renders the real registry: each rule's
// descriptor holds its documentation as help text and Markdown, and a
// whole-file finding (and a whole-file related location) has no region at all,
// not an empty one, in a log the official schema accepts.
func TestSARIFEveryRuleCarriesItsHelp(t *testing.T) {
	registry := rules.All()
	require.NotEmpty(t, registry)
	in := &Input{
		Rules: registry,
		Findings: []finding.Finding{{
			Rule: registry[0].ID, Path: "a.txt", Severity: finding.Warning, Message: "about the whole file",
			Related: []finding.Location{{Path: "b.txt", Message: "the other whole file"}},
		}},
	}
	data := renderSARIF(t, in)
	require.NoError(t, validate(t, sarifValidator(t), data))

	var doc struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID   string
						Help struct{ Text, Markdown string }
					}
				}
			}
			Results []map[string]any
		}
	}
	require.NoError(t, json.Unmarshal(data, &doc))
	descriptors := doc.Runs[0].Tool.Driver.Rules
	require.Len(t, descriptors, len(registry))
	for i, r := range registry {
		d := descriptors[i]
		assert.Equal(t, r.ID, d.ID)
		for _, part := range []string{r.Doc.What, r.Doc.Why} {
			require.NotEmpty(t, part, r.ID)
			assert.Contains(t, d.Help.Text, part, r.ID)
			assert.Contains(t, d.Help.Markdown, part, r.ID)
		}
		if r.Doc.Bad != "" {
			assert.Contains(t, d.Help.Markdown, "**Bad**\n\n```", r.ID)
			// JSON carries invalid UTF-8 (the invalid-utf8 rule's example) as U+FFFD.
			assert.Contains(t, d.Help.Markdown, strings.ToValidUTF8(strings.TrimRight(r.Doc.Bad, "\n"), "\uFFFD"), r.ID)
		}
	}

	res := doc.Runs[0].Results[0]
	phys := res["locations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)
	assert.NotContains(t, phys, "region")
	rel := res["relatedLocations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)
	assert.NotContains(t, rel, "region")
	assert.NotContains(t, string(data), `"region": {}`)
}
