package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/corpuslint/corpuslint/internal/finding"
)

// command is a workflow command as the Actions runner parses it.
type command struct {
	name  string
	props map[string]string
	data  string
}

// parseCommand parses one line the way the runner does (ActionCommand.cs):
// "::name k=v,k=v::data", properties split on "," and "=", then unescaped in
// the runner's order.
func parseCommand(t *testing.T, line string) command {
	t.Helper()
	require.True(t, strings.HasPrefix(line, "::"), "line %q is not a command", line)
	rest := line[2:]
	end := strings.Index(rest, "::")
	require.GreaterOrEqual(t, end, 0, "line %q has no data separator", line)
	head, data := rest[:end], rest[end+2:]
	c := command{props: map[string]string{}, data: unescapeData(data)}
	name, props, _ := strings.Cut(head, " ")
	c.name = name
	if props != "" {
		for _, kv := range strings.Split(props, ",") {
			k, v, ok := strings.Cut(kv, "=")
			require.True(t, ok, "property %q in %q", kv, line)
			c.props[k] = unescapeProperty(v)
		}
	}
	return c
}

func unescapeData(s string) string {
	s = strings.ReplaceAll(s, "%0D", "\r")
	s = strings.ReplaceAll(s, "%0A", "\n")
	return strings.ReplaceAll(s, "%25", "%")
}

func unescapeProperty(s string) string {
	s = strings.ReplaceAll(s, "%0D", "\r")
	s = strings.ReplaceAll(s, "%0A", "\n")
	s = strings.ReplaceAll(s, "%3A", ":")
	s = strings.ReplaceAll(s, "%2C", ",")
	return strings.ReplaceAll(s, "%25", "%")
}

// renderGitHub renders the input and returns its lines.
func renderGitHub(t *testing.T, in *Input) []string {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, Write(&buf, "github", in))
	out := buf.String()
	require.True(t, strings.HasSuffix(out, "\n"))
	return strings.Split(strings.TrimSuffix(out, "\n"), "\n")
}

func TestGitHubHostileInputCannotInjectCommands(t *testing.T) {
	hostile := []string{
		"\n::error::pwned",
		"%0A::warning::x",
		"\r::notice::cr %0D %25 %%0A",
		"a::b,c=d\r\n::error file=x::y",
		"%s %d %v %!",
	}
	r := finding.Range{
		Start: finding.Position{Line: 2, Column: 3, RuneColumn: 3, UTF16Column: 3},
		End:   finding.Position{Line: 2, Column: 7, RuneColumn: 7, UTF16Column: 7},
	}
	var in Input
	for i, h := range hostile {
		sev := []finding.Severity{finding.Error, finding.Warning, finding.Info}[i%3]
		f := finding.Finding{Rule: "artifact/x", Path: "dir/" + h + ".txt", Severity: sev, Message: "msg " + h}
		if i%2 == 0 {
			f.Range = r
			f.Fixes = []finding.Fix{{Message: "fix " + h}}
		}
		in.Findings = append(in.Findings, f)
	}

	lines := renderGitHub(t, &in)
	require.Len(t, lines, len(in.Findings), "exactly one command per finding")
	for i, line := range lines {
		f := in.Findings[i]
		assert.True(t, strings.HasPrefix(line, "::"), "line %d %q starts a command", i, line)
		assert.NotContains(t, line, "\r")
		c := parseCommand(t, line)
		assert.Equal(t, map[finding.Severity]string{finding.Error: "error", finding.Warning: "warning", finding.Info: "notice"}[f.Severity], c.name)
		want := f.Message
		if len(f.Fixes) > 0 {
			want += " — suggested fix: " + f.Fixes[0].Message
		}
		assert.Equal(t, want, c.data, "the message survives the round trip unchanged (no double escaping)")
		assert.Equal(t, f.Path, c.props["file"], "the path survives the round trip unchanged")
		assert.Equal(t, "artifact/x", c.props["title"])
	}
}

func TestGitHubFields(t *testing.T) {
	pos := func(line, col int) finding.Position {
		return finding.Position{Line: line, Column: col + 10, RuneColumn: col, UTF16Column: col + 1}
	}
	tests := []struct {
		name string
		r    finding.Range
		want map[string]string
	}{
		{"whole file", finding.Range{}, map[string]string{}},
		{"one line", finding.Range{Start: pos(4, 2), End: pos(4, 9)},
			map[string]string{"line": "4", "endLine": "4", "col": "2", "endColumn": "9"}},
		{"insertion point", finding.Range{Start: pos(4, 2), End: pos(4, 2)},
			map[string]string{"line": "4", "endLine": "4", "col": "2"}},
		{"several lines: no columns", finding.Range{Start: pos(4, 2), End: pos(6, 3)},
			map[string]string{"line": "4", "endLine": "6"}},
		{"whole line with its break", finding.Range{Start: pos(4, 1), End: finding.Position{Line: 5, Column: 1, RuneColumn: 1, UTF16Column: 1}},
			map[string]string{"line": "4", "endLine": "4", "col": "1"}},
	}
	for _, tt := range tests {
		f := finding.Finding{Rule: "artifact/x", Path: "a.txt", Range: tt.r}
		want := map[string]string{"file": "a.txt", "title": "artifact/x"}
		for k, v := range tt.want {
			want[k] = v
		}
		assert.Equal(t, want, githubFields(&f), tt.name)
	}
}

func TestGitHubSample(t *testing.T) {
	lines := renderGitHub(t, sampleInput(t))
	require.Len(t, lines, 6+1, "one annotation per finding and per file error")
	headline := parseCommand(t, lines[0])
	assert.Equal(t, "warning", headline.name)
	assert.Equal(t, map[string]string{
		"file": "news/a.txt", "title": "duplicate/headline",
		"line": "1", "endLine": "1", "col": "1", "endColumn": "42",
	}, headline.props, "columns in code points")
	mojibake := parseCommand(t, lines[4])
	assert.Equal(t, map[string]string{"file": "news/kompas, 2024.txt", "title": "encoding/mojibake"}, mojibake.props)
	assert.Equal(t, "::error file=news/rusak.txt,title=corpuslint::could not check file: invalid UTF-8 at byte 12", lines[6])
}
