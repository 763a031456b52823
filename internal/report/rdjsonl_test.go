package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// renderRDJSONL renders the input and decodes each line on its own.
func renderRDJSONL(t *testing.T, in *Input) []map[string]any {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, Write(&buf, "rdjsonl", in))
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n") {
		var d map[string]any
		require.NoError(t, json.Unmarshal([]byte(line), &d), "each line is one JSON object: %s", line)
		out = append(out, d)
	}
	return out
}

func TestRDJSONLDiagnostics(t *testing.T) {
	ds := renderRDJSONL(t, sampleInput(t))
	require.Len(t, ds, 6, "one diagnostic per finding; file errors have no place")

	headline := ds[0]
	assert.Equal(t, "WARNING", headline["severity"])
	assert.Equal(t, map[string]any{"name": "corpuslint", "url": "https://github.com/corpuslint/corpuslint"}, headline["source"])
	assert.Equal(t, map[string]any{
		"value": "duplicate/headline",
		"url":   "https://github.com/corpuslint/corpuslint/blob/main/README.md#duplicateheadline",
	}, headline["code"])
	// Byte columns, end exclusive: the headline is 50 bytes long.
	assert.Equal(t, map[string]any{
		"path":  "news/a.txt",
		"range": map[string]any{"start": map[string]any{"line": 1.0, "column": 1.0}, "end": map[string]any{"line": 1.0, "column": 51.0}},
	}, headline["location"])
	related := headline["related_locations"].([]any)[0].(map[string]any)
	assert.Equal(t, "first article with this headline", related["message"])
	assert.Equal(t, "news/kompas, 2024.txt", related["location"].(map[string]any)["path"])
	assert.NotContains(t, headline, "suggestions")

	// The safe line deletion: the whole of line 2 up to the start of line 3.
	assert.Equal(t, []any{map[string]any{
		"range": map[string]any{"start": map[string]any{"line": 2.0, "column": 1.0}, "end": map[string]any{"line": 3.0, "column": 1.0}},
		"text":  "",
	}}, ds[1]["suggestions"])

	assert.Equal(t, "ERROR", ds[2]["severity"])
	// The insertion: an empty range after "bertindak" (column 33 to 42).
	assert.Equal(t, []any{map[string]any{
		"range": map[string]any{"start": map[string]any{"line": 3.0, "column": 42.0}, "end": map[string]any{"line": 3.0, "column": 42.0}},
		"text":  ".",
	}}, ds[3]["suggestions"])
	assert.Equal(t, "INFO", ds[3]["severity"])

	assert.Equal(t, map[string]any{"path": "news/kompas, 2024.txt"}, ds[4]["location"], "a whole-file finding has no range")
}

func TestRDJSONLEmpty(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, Write(&buf, "rdjsonl", &Input{}))
	assert.Empty(t, buf.String())
}
