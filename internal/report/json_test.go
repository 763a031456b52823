package report

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func renderJSON(t *testing.T, in *Input) map[string]any {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, Write(&buf, "json", in))
	var doc map[string]any
	require.NoError(t, json.Unmarshal(buf.Bytes(), &doc))
	return doc
}

func TestJSONEmptyArraysNotNull(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, Write(&buf, "json", &Input{Version: "dev"}))
	assert.JSONEq(t, `{"version": "dev", "files": 0, "findings": [], "errors": []}`, buf.String())
}

func TestJSONFindings(t *testing.T) {
	doc := renderJSON(t, sampleInput(t))
	assert.Equal(t, "1.2.3", doc["version"])
	assert.EqualValues(t, 3, doc["files"])
	assert.Equal(t, []any{map[string]any{"path": "news/rusak.txt", "message": "invalid UTF-8 at byte 12"}}, doc["errors"])

	findings := doc["findings"].([]any)
	require.Len(t, findings, 6)

	headline := findings[0].(map[string]any)
	assert.Equal(t, "duplicate/headline", headline["rule"])
	assert.Equal(t, "warning", headline["severity"])
	assert.Equal(t, []any{}, headline["fixes"], "no fixes is an empty array")
	end := headline["range"].(map[string]any)["end"].(map[string]any)
	// "📰 Menteri: “Harga beras naik” — kata Budi": 50 bytes, 41 code points, 42 UTF-16 units.
	assert.Equal(t, map[string]any{"line": 1.0, "column": 51.0, "runeColumn": 42.0, "utf16Column": 43.0}, end)
	related := headline["related"].([]any)[0].(map[string]any)
	assert.Equal(t, "news/kompas, 2024.txt", related["path"])

	insert := findings[3].(map[string]any)["fixes"].([]any)[0].(map[string]any)
	assert.Equal(t, true, insert["safe"])
	edit := insert["edits"].([]any)[0].(map[string]any)
	assert.Equal(t, ".", edit["new"])
	span := edit["span"].(map[string]any)
	assert.Equal(t, span["start"], span["end"], "an insertion has an empty span")

	wholeFile := findings[4].(map[string]any)
	assert.NotContains(t, wholeFile, "range", "a whole-file finding has no range")
	assert.Equal(t, []any{}, wholeFile["related"])
}
