// Package finding holds the data every part of corpuslint passes around: spans of
// bytes, text edits, fixes and the findings rules report. It has no behaviour beyond
// small helpers, so every other package can depend on it.
package finding

import (
	"fmt"
	"strings"
)

// Severity orders findings from informational to blocking.
type Severity int

// The severities, in increasing order.
const (
	Info Severity = iota + 1
	Warning
	Error
)

// String returns the lower-case name used in text output and configuration.
func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// ParseSeverity reads a severity's name, exactly as String writes it: "info",
// "warning" or "error". It is the one policy for --fail-level and the
// configuration file: no aliases, no other case, so a value means one thing
// wherever it is written.
func ParseSeverity(s string) (Severity, error) {
	for _, sev := range []Severity{Info, Warning, Error} {
		if s == sev.String() {
			return sev, nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q (want info, warning or error)", s)
}

// Span is a half-open range [Start, End) of byte offsets into a document's text
// (the file's bytes after any byte-order mark).
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether s covers all of o.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte, or whether an empty
// span (an insertion point) lies strictly inside the other.
func (s Span) Overlaps(o Span) bool {
	if s.Len() == 0 || o.Len() == 0 {
		return (s.Start > o.Start && s.Start < o.End) || (o.Start > s.Start && o.Start < s.End) || (s == o)
	}
	return s.Start < o.End && o.Start < s.End
}

// Position is a point in a file: a 1-based line and 1-based columns in the three
// units clients count in: UTF-8 bytes (reviewdog), Unicode code points (text
// output, GitHub annotations, SARIF's default) and UTF-16 code units (SARIF
// "utf16CodeUnits", editors). Offset is the byte offset it was computed from.
type Position struct {
	Offset      int `json:"offset"`
	Line        int `json:"line"`
	Column      int `json:"column"`
	RuneColumn  int `json:"runeColumn"`
	UTF16Column int `json:"utf16Column"`
}

// Range is a span resolved to positions; End is exclusive.
type Range struct {
	Start Position `json:"start"`
	End   Position `json:"end"`
}

// IsZero reports whether the range was never resolved (line 0): a finding about
// the whole file rather than a place in it.
func (r Range) IsZero() bool { return r.Start.Line == 0 }

// Edit replaces the bytes of Span with New. An empty span inserts. Range is
// filled in by the engine while the file is in memory.
type Edit struct {
	Span
	New   string `json:"new"`
	Range Range  `json:"range"`
}

// Fix is one way to resolve a finding: a set of non-overlapping edits against the
// text the finding was reported on.
type Fix struct {
	// Message says in words what the fix does, for example
	// `delete the line "Baca Juga: …"` or `replace "ke. Moskow" with "ke Moskow"`.
	Message string `json:"message"`
	Edits   []Edit `json:"edits"`
	// Safe fixes may be applied unattended by --fix.
	Safe bool `json:"safe"`
}

// Location points into a file, for related information such as the first copy of a
// duplicated headline. Path is empty for the file the finding is in.
type Location struct {
	Path    string `json:"path,omitempty"`
	Span    Span   `json:"span"`
	Range   Range  `json:"range"`
	Message string `json:"message,omitempty"`
}

// Finding is one problem a rule reported.
type Finding struct {
	// Rule is the reporting rule's ID, "category/name".
	Rule string `json:"rule"`
	// Path is the file the finding is in, as given on the command line.
	Path string `json:"path"`
	Span Span   `json:"span"`
	// Range is Span resolved to lines and columns; zero for a whole-file finding.
	Range    Range      `json:"range"`
	Message  string     `json:"message"`
	Severity Severity   `json:"severity"`
	Fixes    []Fix      `json:"fixes,omitempty"`
	Related  []Location `json:"related,omitempty"`
}

// Category is the part of a rule ID before the slash.
func Category(ruleID string) string {
	if i := strings.IndexByte(ruleID, '/'); i >= 0 {
		return ruleID[:i]
	}
	return ruleID
}

// Categories lists the five rule categories, in the order documentation shows them.
func Categories() []string {
	return []string{"artifact", "punctuation", "duplicate", "attribution", "encoding"}
}

// IsCategory reports whether s is one of the five rule categories.
func IsCategory(s string) bool {
	for _, c := range Categories() {
		if c == s {
			return true
		}
	}
	return false
}

// SafeFix returns the first safe fix of f, or nil.
func (f *Finding) SafeFix() *Fix {
	for i := range f.Fixes {
		if f.Fixes[i].Safe {
			return &f.Fixes[i]
		}
	}
	return nil
}
