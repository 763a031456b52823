package report

import (
	"bytes"
	"cmp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

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

// runnerLines splits output into lines the way the runner reads a step's
// output (.NET ReadLine): at LF, CR or CRLF.
func runnerLines(out string) []string {
	out = strings.ReplaceAll(out, "\r\n", "\n")
	out = strings.ReplaceAll(out, "\r", "\n")
	return strings.Split(strings.TrimSuffix(out, "\n"), "\n")
}

func TestGitHubEscapesExactlyAsActionsCore(t *testing.T) {
	in := &Input{Files: 1, Findings: []finding.Finding{{
		Rule: "artifact/x", Path: "a:b,c%d\r\n.txt", Severity: finding.Warning,
		Message: "100% done\r\n::error::x, y: z",
		Fixes:   []finding.Fix{{Message: `replace "ke. Moskow" with "ke Moskow"`, Safe: true}},
	}}}
	var buf bytes.Buffer
	require.NoError(t, Write(&buf, "github", in))
	assert.Equal(t,
		"::warning file=a%3Ab%2Cc%25d%0D%0A.txt,title=artifact/x::100%25 done%0D%0A::error::x, y: z — suggested fix: replace \"ke. Moskow\" with \"ke Moskow\"\n",
		buf.String())
}

func TestGitHubHostileInputCannotInjectCommands(t *testing.T) {
	hostile := []string{
		"\n::error::pwned",
		"%0A::warning::x",
		"\r::notice::cr %0D %25 %%0A",
		"a::b,c=d\r\n::error file=x::y",
		"%s %d %v %!",
		"::stop-commands::tok\n::error::after stop",
		"bad \xff\xfe utf-8 \xc3",
		"esc \x1b[2J\x1b]0;title\x07 nel \u0085 ls \u2028 ps \u2029::add-mask::x",
		"\r\r\n\n::set-output name=x::y",
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
			f.Fixes = []finding.Fix{{Message: "fix " + h, Safe: i%4 == 0}}
		}
		in.Findings = append(in.Findings, f)
	}
	in.Errors = []FileError{{Path: hostile[0], Message: hostile[5]}}

	var buf bytes.Buffer
	require.NoError(t, Write(&buf, "github", &in))
	out := buf.String()
	assert.True(t, utf8.ValidString(out), "the output is valid UTF-8")
	assert.NotContains(t, out, "\r")
	assert.NotContains(t, out, "\x1b")
	lines := runnerLines(out)
	require.Len(t, lines, len(in.Findings)+len(in.Errors), "exactly one command per finding and file error")
	var findingLines []command
	for i, line := range lines {
		c := parseCommand(t, line)
		assert.Contains(t, []string{"error", "warning", "notice"}, c.name, "line %d %q", i, line)
		if c.props["title"] == "corpuslint" {
			assert.Equal(t, hostile[0], c.props["file"])
			assert.Equal(t, "could not check file: "+hostile[5], c.data)
			continue
		}
		findingLines = append(findingLines, c)
	}
	// Annotations come error, warning, notice; within a level, in input order.
	want := slices.Clone(in.Findings)
	slices.SortStableFunc(want, func(a, b finding.Finding) int { return cmp.Compare(b.Severity, a.Severity) })
	require.Len(t, findingLines, len(want))
	for i, c := range findingLines {
		f := want[i]
		assert.Equal(t, map[finding.Severity]string{finding.Error: "error", finding.Warning: "warning", finding.Info: "notice"}[f.Severity], c.name)
		msg := githubText(f.Message)
		if len(f.Fixes) > 0 {
			msg += " — suggested fix: " + githubText(f.Fixes[0].Message)
			if !f.Fixes[0].Safe {
				msg += unsafeFixNote
			}
		}
		assert.Equal(t, msg, c.data, "the message survives the round trip (no double escaping)")
		assert.Equal(t, githubText(f.Path), c.props["file"], "the path survives the round trip")
		assert.Equal(t, "artifact/x", c.props["title"])
	}
}

func TestGitHubTextKeepsValidTextAndDefusesTheRest(t *testing.T) {
	assert.Equal(t, "“Kami siap,” 100% \t\r\n", githubText("“Kami siap,” 100% \t\r\n"))
	assert.Equal(t, "a\ufffdb", githubText("a\xff\xfeb"))
	assert.Equal(t, `\x1b[31m \u0085 \u2028`, githubText("\x1b[31m \u0085 \u2028"))
}

// levelFindings makes n findings of a severity in one file.
func levelFindings(n int, sev finding.Severity) []finding.Finding {
	var fs []finding.Finding
	for i := range n {
		fs = append(fs, finding.Finding{Rule: "artifact/x", Path: "a.txt", Severity: sev, Message: "m" + strconv.Itoa(i)})
	}
	return fs
}

func TestGitHubCapsannotationsPerLevel(t *testing.T) {
	in := &Input{Files: 7, Errors: []FileError{{Path: "bad.txt", Message: "binary file"}}}
	in.Findings = append(in.Findings, levelFindings(15, finding.Info)...)
	in.Findings = append(in.Findings, levelFindings(3, finding.Warning)...)
	in.Findings = append(in.Findings, levelFindings(25, finding.Error)...)

	lines := renderGitHub(t, in)
	count := map[string]int{}
	var cmds []command
	for _, l := range lines {
		c := parseCommand(t, l)
		count[c.name]++
		cmds = append(cmds, c)
	}
	assert.Equal(t, map[string]int{"error": 10, "warning": 3, "notice": 10}, count, "10 per level, the totals notice included")
	assert.Equal(t, "bad.txt", cmds[0].props["file"], "a file that could not be checked comes first")
	assert.Equal(t, "m0", cmds[1].data, "then errors in order")
	assert.Equal(t, "m8", cmds[9].data)
	assert.Equal(t, "warning", cmds[10].name)
	last := cmds[len(cmds)-1]
	assert.Equal(t, "notice", last.name)
	assert.Equal(t, "corpuslint", last.props["title"])
	assert.Equal(t, "corpuslint: 43 findings (25 error, 3 warning, 15 info) in 7 files, 1 file not checked; "+
		"22 shown as annotations, the most severe first (GitHub keeps 10 per level per step). "+
		"The job summary of this run lists the others (up to 500); --format sarif or --format rdjsonl gives every finding.", last.data)
}

func TestGitHubNoTotalsNoticeWhenNothingIsLeftOut(t *testing.T) {
	in := &Input{Files: 1}
	in.Findings = append(in.Findings, levelFindings(10, finding.Info)...)
	in.Findings = append(in.Findings, levelFindings(10, finding.Error)...)
	lines := renderGitHub(t, in)
	require.Len(t, lines, 20)
	for _, l := range lines {
		assert.NotEqual(t, "corpuslint", parseCommand(t, l).props["title"])
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
	assert.Equal(t, "::error file=news/rusak.txt,title=corpuslint::could not check file: invalid UTF-8 at byte 12", lines[0])
	headline := parseCommand(t, lines[3])
	assert.Equal(t, "warning", headline.name)
	assert.Equal(t, map[string]string{
		"file": "news/a.txt", "title": "duplicate/headline",
		"line": "1", "endLine": "1", "col": "1", "endColumn": "42",
	}, headline.props, "columns in code points")
	mojibake := parseCommand(t, lines[2])
	assert.Equal(t, map[string]string{"file": "news/kompas, 2024.txt", "title": "encoding/mojibake"}, mojibake.props)
}

func TestGitHubConfigNotesAreCappedNotices(t *testing.T) {
	in := &Input{Files: 1, ConfigNotes: []ConfigNote{{Path: ".corpuslint.yaml", Line: 5, Column: 3, Message: "ignore matched no finding"}}}
	in.Findings = levelFindings(12, finding.Info)
	lines := renderGitHub(t, in)
	require.Len(t, lines, 10, "9 notices and the totals notice")
	assert.Equal(t, "::notice col=3,file=.corpuslint.yaml,line=5,title=corpuslint configuration::ignore matched no finding", lines[0])
	assert.Contains(t, lines[9], "9 shown as annotations")

	md := GitHubSummary(in)
	assert.Contains(t, md, "### Configuration notes\n\n- .corpuslint.yaml:5: ignore matched no finding\n")
}

func TestGitHubTooManyNoticesAlone(t *testing.T) {
	in := &Input{Files: 1, Findings: levelFindings(11, finding.Info)}
	lines := renderGitHub(t, in)
	require.Len(t, lines, 10, "the runner keeps 10 notices: 9 findings and the totals")
	assert.Equal(t, "m8", parseCommand(t, lines[8]).data)
	assert.Equal(t, "corpuslint", parseCommand(t, lines[9]).props["title"])
}
