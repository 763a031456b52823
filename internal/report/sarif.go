package report

import (
	"bytes"
	"net/url"
	"path"
	"path/filepath"
	"strings"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// SARIF constants.
const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	// sarifSrcRoot is the base that relative artifact URIs are resolved
	// against (the directory corpuslint ran in).
	sarifSrcRoot = "%SRCROOT%"
)

// sarifLog is the top-level SARIF object.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

// sarifRun is the one run a report holds.
type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	ColumnKind  string            `json:"columnKind"`
	Results     []sarifResult     `json:"results"`
}

// sarifTool describes corpuslint.
type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

// sarifDriver is the tool component that produced the results.
type sarifDriver struct {
	Name           string                `json:"name"`
	Version        string                `json:"version,omitempty"`
	InformationURI string                `json:"informationUri"`
	Rules          []sarifRuleDescriptor `json:"rules"`
}

// sarifRuleDescriptor is a reportingDescriptor for one rule.
type sarifRuleDescriptor struct {
	ID                   string             `json:"id"`
	Name                 string             `json:"name"`
	ShortDescription     sarifText          `json:"shortDescription"`
	FullDescription      sarifText          `json:"fullDescription"`
	Help                 sarifHelp          `json:"help"`
	HelpURI              string             `json:"helpUri"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
}

// sarifText is a message or multiformatMessageString with plain text only.
type sarifText struct {
	Text string `json:"text"`
}

// sarifHelp is a multiformatMessageString with text and Markdown.
type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

// sarifConfiguration is a reportingConfiguration.
type sarifConfiguration struct {
	Level string `json:"level"`
}

// sarifInvocation records whether every file could be checked.
type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
	// ToolConfigurationNotifications are remarks about the configuration file.
	ToolConfigurationNotifications []sarifNotification `json:"toolConfigurationNotifications,omitempty"`
}

// sarifNotification reports a file that could not be checked.
type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

// sarifResult is one finding.
type sarifResult struct {
	RuleID           string          `json:"ruleId"`
	RuleIndex        *int            `json:"ruleIndex,omitempty"`
	Level            string          `json:"level"`
	Message          sarifText       `json:"message"`
	Locations        []sarifLocation `json:"locations"`
	RelatedLocations []sarifLocation `json:"relatedLocations,omitempty"`
	Fixes            []sarifFix      `json:"fixes,omitempty"`
}

// sarifLocation is a location; ID and Message are set for related locations.
type sarifLocation struct {
	ID               *int                  `json:"id,omitempty"`
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	Message          *sarifText            `json:"message,omitempty"`
}

// sarifPhysicalLocation is a file and, unless the location is the whole file,
// a region of it. A whole-file location has no region key at all.
type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

// sarifArtifactLocation is a file's URI, relative to UriBaseID when set.
type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

// sarifRegion is a text region in code points (the run's columnKind), or, for
// an edit whose range was never resolved, a byte region.
type sarifRegion struct {
	StartLine   int  `json:"startLine,omitempty"`
	StartColumn int  `json:"startColumn,omitempty"`
	EndLine     int  `json:"endLine,omitempty"`
	EndColumn   int  `json:"endColumn,omitempty"`
	ByteOffset  *int `json:"byteOffset,omitempty"`
	ByteLength  *int `json:"byteLength,omitempty"`
}

// sarifFix is one fix of a result.
type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
	Properties      sarifFixProperties    `json:"properties"`
}

// sarifFixProperties is the property bag of a fix: whether --fix applies it.
type sarifFixProperties struct {
	Safe bool `json:"safe"`
}

// sarifArtifactChange is the edits of a fix in one file.
type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Replacements     []sarifReplacement    `json:"replacements"`
}

// sarifReplacement replaces a region with new text. An insertion has an empty
// deleted region (startColumn == endColumn); a deletion has no inserted
// content.
type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent *sarifText  `json:"insertedContent,omitempty"`
}

// writeSARIF renders a SARIF 2.1.0 log with one run. Columns are code points
// (columnKind "unicodeCodePoints"). Files that could not be checked become
// error notifications of the invocation, which is then not successful.
func writeSARIF(buf *bytes.Buffer, in *Input) error {
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           toolName,
			Version:        in.Version,
			InformationURI: toolURL,
			Rules:          make([]sarifRuleDescriptor, 0, len(in.Rules)),
		}},
		ColumnKind: "unicodeCodePoints",
		Results:    make([]sarifResult, 0, len(in.Findings)),
	}
	index := make(map[string]int, len(in.Rules))
	for _, r := range in.Rules {
		if r == nil {
			continue
		}
		index[r.ID] = len(run.Tool.Driver.Rules)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRuleFor(r))
	}

	inv := sarifInvocation{ExecutionSuccessful: len(in.Errors) == 0}
	for _, e := range in.Errors {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{
			Level:   "error",
			Message: sarifText{Text: e.Message},
			Locations: []sarifLocation{{
				PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: sarifArtifact(e.Path)},
			}},
		})
	}
	inv.ToolConfigurationNotifications = sarifConfigNotes(in.ConfigNotes)
	run.Invocations = []sarifInvocation{inv}

	for i := range in.Findings {
		f := &in.Findings[i]
		res := sarifResult{
			RuleID:  f.Rule,
			Level:   sarifLevel(f.Severity),
			Message: sarifText{Text: f.Message},
			Locations: []sarifLocation{{
				PhysicalLocation: sarifPhysical(f.Path, f.Range),
			}},
		}
		if ri, ok := index[f.Rule]; ok {
			res.RuleIndex = &ri
		}
		for j := range f.Related {
			l := &f.Related[j]
			id := j + 1
			loc := sarifLocation{ID: &id, PhysicalLocation: sarifPhysical(relatedPath(f, l), l.Range)}
			if l.Message != "" {
				loc.Message = &sarifText{Text: l.Message}
			}
			res.RelatedLocations = append(res.RelatedLocations, loc)
		}
		for _, fx := range f.Fixes {
			res.Fixes = append(res.Fixes, sarifFixFor(f.Path, &fx))
		}
		run.Results = append(run.Results, res)
	}

	return encodeJSON(buf, sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}}, "  ")
}

// sarifRuleFor describes a rule.
func sarifRuleFor(r *rule.Rule) sarifRuleDescriptor {
	return sarifRuleDescriptor{
		ID:                   r.ID,
		Name:                 ruleName(r.ID),
		ShortDescription:     sarifText{Text: r.Title},
		FullDescription:      sarifText{Text: r.Doc.What},
		Help:                 sarifHelp{Text: helpText(&r.Doc), Markdown: helpMarkdown(&r.Doc)},
		HelpURI:              helpURL(r),
		DefaultConfiguration: sarifConfiguration{Level: sarifLevel(r.Severity)},
	}
}

// helpText is a rule's documentation as plain text: what, why and the
// examples, indented.
func helpText(d *rule.Doc) string {
	var b strings.Builder
	b.WriteString(d.What)
	b.WriteString("\n\n")
	b.WriteString(d.Why)
	writeExample := func(label, text string) {
		if text == "" {
			return
		}
		b.WriteString("\n\n")
		b.WriteString(label)
		b.WriteString(":\n")
		for i, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
			if i > 0 {
				b.WriteByte('\n')
			}
			if line != "" {
				b.WriteString("    ")
				b.WriteString(line)
			}
		}
	}
	writeExample("Bad", d.Bad)
	writeExample("Good", d.Good)
	return b.String()
}

// helpMarkdown is a rule's documentation as Markdown, the examples in fenced
// blocks whose fence is longer than any run of backticks in them.
func helpMarkdown(d *rule.Doc) string {
	var b strings.Builder
	b.WriteString(d.What)
	b.WriteString("\n\n")
	b.WriteString(d.Why)
	writeExample := func(label, text string) {
		if text == "" {
			return
		}
		fence := strings.Repeat("`", max(3, longestRun(text, '`')+1))
		b.WriteString("\n\n**")
		b.WriteString(label)
		b.WriteString("**\n\n")
		b.WriteString(fence)
		b.WriteString("text\n")
		b.WriteString(strings.TrimRight(text, "\n"))
		b.WriteString("\n")
		b.WriteString(fence)
	}
	writeExample("Bad", d.Bad)
	writeExample("Good", d.Good)
	return b.String()
}

// longestRun is the length of the longest run of c in s.
func longestRun(s string, c byte) int {
	best, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			run++
			best = max(best, run)
		} else {
			run = 0
		}
	}
	return best
}

// sarifFixFor converts a fix of a finding in file p.
func sarifFixFor(p string, fx *finding.Fix) sarifFix {
	change := sarifArtifactChange{
		ArtifactLocation: sarifArtifact(p),
		Replacements:     make([]sarifReplacement, 0, len(fx.Edits)),
	}
	for _, e := range fx.Edits {
		rep := sarifReplacement{DeletedRegion: sarifEditRegion(e)}
		if e.New != "" {
			rep.InsertedContent = &sarifText{Text: e.New}
		}
		change.Replacements = append(change.Replacements, rep)
	}
	return sarifFix{
		Description:     sarifText{Text: fx.Message},
		ArtifactChanges: []sarifArtifactChange{change},
		Properties:      sarifFixProperties{Safe: fx.Safe},
	}
}

// sarifEditRegion is the region an edit replaces: in code points when its
// range is resolved, in bytes otherwise.
func sarifEditRegion(e finding.Edit) sarifRegion {
	if r := sarifRegionFor(e.Range); r != nil {
		return *r
	}
	off, n := e.Start, e.Len()
	return sarifRegion{ByteOffset: &off, ByteLength: &n}
}

// sarifPhysical is the physical location of range r in file p.
func sarifPhysical(p string, r finding.Range) sarifPhysicalLocation {
	return sarifPhysicalLocation{ArtifactLocation: sarifArtifact(p), Region: sarifRegionFor(r)}
}

// sarifRegionFor converts a range to a code-point region, or returns nil for
// an unresolved one (a whole-file location).
func sarifRegionFor(r finding.Range) *sarifRegion {
	if r.IsZero() {
		return nil
	}
	return &sarifRegion{
		StartLine:   r.Start.Line,
		StartColumn: r.Start.RuneColumn,
		EndLine:     r.End.Line,
		EndColumn:   r.End.RuneColumn,
	}
}

// sarifArtifact is the artifact location of a path: a relative path becomes a
// slash-separated, percent-encoded URI reference relative to %SRCROOT%, an
// absolute one a file URI.
func sarifArtifact(p string) sarifArtifactLocation {
	slashed := filepath.ToSlash(p)
	if filepath.IsAbs(p) || strings.HasPrefix(slashed, "/") {
		if !strings.HasPrefix(slashed, "/") {
			slashed = "/" + slashed // a Windows drive: C:/x → /C:/x
		}
		u := url.URL{Scheme: "file", Path: slashed}
		return sarifArtifactLocation{URI: u.String()}
	}
	u := url.URL{Path: path.Clean(slashed)}
	return sarifArtifactLocation{URI: u.String(), URIBaseID: sarifSrcRoot}
}

// sarifLevel is SARIF's level for a severity.
func sarifLevel(s finding.Severity) string {
	switch s {
	case finding.Error:
		return "error"
	case finding.Warning:
		return "warning"
	}
	return "note"
}
