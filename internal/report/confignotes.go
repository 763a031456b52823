package report

import (
	"strconv"
)

// ConfigNote is a remark about the configuration file rather than an article:
// an ignore that matched no finding. It is not a finding (it belongs to no rule
// category) and never changes the exit code; formats that can say so carry it
// beside the findings: json as "configNotes", SARIF as a tool configuration
// notification, github as a notice on the file.
type ConfigNote struct {
	Path         string
	Line, Column int
	Message      string
}

// jsonConfigNote is a ConfigNote in the json format.
type jsonConfigNote struct {
	Path    string `json:"path"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

func jsonConfigNotes(notes []ConfigNote) []jsonConfigNote {
	var out []jsonConfigNote
	for _, n := range notes {
		out = append(out, jsonConfigNote{Path: n.Path, Line: n.Line, Column: n.Column, Message: n.Message})
	}
	return out
}

// sarifConfigNotes are the notes as SARIF toolConfigurationNotifications.
func sarifConfigNotes(notes []ConfigNote) []sarifNotification {
	var out []sarifNotification
	for _, n := range notes {
		loc := sarifLocation{PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: sarifArtifact(n.Path)}}
		if n.Line > 0 {
			loc.PhysicalLocation.Region = &sarifRegion{StartLine: n.Line, StartColumn: n.Column}
		}
		out = append(out, sarifNotification{Level: "note", Message: sarifText{Text: n.Message}, Locations: []sarifLocation{loc}})
	}
	return out
}

// githubConfigAnnotations are the notes as ::notice annotations on the
// configuration file; writeGitHub caps them with the findings' notices.
func githubConfigAnnotations(notes []ConfigNote) []annotation {
	var out []annotation
	for _, n := range notes {
		fields := map[string]string{"file": n.Path, "title": toolName + " configuration"}
		if n.Line > 0 {
			fields["line"] = strconv.Itoa(n.Line)
			fields["col"] = strconv.Itoa(n.Column)
		}
		out = append(out, annotation{command: "notice", fields: fields, message: n.Message})
	}
	return out
}
