package report

import (
	"bytes"
	"strconv"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// writeRDJSONL renders reviewdog's rdjsonl: one Diagnostic JSON object per
// line (Reviewdog Diagnostic Format, proto/rdf/reviewdog.proto, with the
// proto JSON field names): message; location (path and, unless the finding
// is about the whole file, range); severity; source (name, url); code (the
// rule: value, url); suggestions when the finding's first fix has edits
// whose ranges are all resolved (each a range and the text replacing it; an
// empty range inserts); related_locations (message when there is one, and
// location). Columns are UTF-8 byte columns with an exclusive end, as
// reviewdog expects. Files that could not be checked have no place in the
// format and are left out.
//
// The lines are written by hand, byte for byte what encoding/json (HTML
// escaping off) writes for the Diagnostic message (TestRDJSONLLikeJSON
// compares the two): reflection was most of the cost of a report of tens of
// thousands of findings. What repeats from one finding to the next (a rule's
// source and code, a file's path) is encoded once.
func writeRDJSONL(buf *bytes.Buffer, in *Input) error {
	enc := in.rdjsonl
	if enc == nil {
		enc = newRDEncoder(in)
	}
	var last rdPath
	for i := range in.Findings {
		buf.Write(enc.appendFinding(buf.AvailableBuffer(), &in.Findings[i], &last))
	}
	return nil
}

// rdEncoder writes rdjsonl lines. It encodes what every finding of a rule
// repeats once, when it is made, and only reads itself after: a Stream's
// goroutines render files with one encoder at once.
type rdEncoder struct {
	urls map[string]string
	// codes holds each rule's `,"source":{…},"code":{…}}` part.
	codes map[string][]byte
}

// rdPath is the last path one rendering encoded: a file's findings repeat it.
type rdPath struct {
	path string
	json []byte
}

func newRDEncoder(in *Input) *rdEncoder {
	urls := in.ruleURLs
	if urls == nil {
		urls = ruleURLs(in.Rules)
	}
	e := &rdEncoder{urls: urls, codes: make(map[string][]byte, len(in.Rules))}
	for _, r := range in.Rules {
		e.codes[r.ID] = e.encodeCode(r.ID)
	}
	return e
}

// appendFinding appends f's line; last is the rendering's last path.
func (e *rdEncoder) appendFinding(b []byte, f *finding.Finding, last *rdPath) []byte {
	b = append(b, `{"message":`...)
	b = appendJSONString(b, f.Message)
	b = append(b, `,"location":`...)
	b = e.appendLocation(b, f.Path, f.Range, last)
	b = append(b, `,"severity":"`...)
	b = append(b, rdSeverity(f.Severity)...)
	b = append(b, '"')
	b = append(b, e.code(f.Rule)...)
	if fx := firstFix(f); fx != nil && len(fx.Edits) > 0 && allResolved(fx.Edits) {
		b = append(b, `,"suggestions":[`...)
		for i := range fx.Edits {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"range":`...)
			b = appendRDRange(b, fx.Edits[i].Range)
			b = append(b, `,"text":`...)
			b = appendJSONString(b, fx.Edits[i].New)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	if len(f.Related) > 0 {
		b = append(b, `,"related_locations":[`...)
		for i := range f.Related {
			l := &f.Related[i]
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, '{')
			if l.Message != "" {
				b = append(b, `"message":`...)
				b = appendJSONString(b, l.Message)
				b = append(b, ',')
			}
			b = append(b, `"location":`...)
			b = e.appendLocation(b, relatedPath(f, l), l.Range, last)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	return append(b, "}\n"...)
}

// code returns the encoding of the source and the code of a rule's findings,
// closing the diagnostic's code object.
func (e *rdEncoder) code(id string) []byte {
	if c, ok := e.codes[id]; ok {
		return c
	}
	return e.encodeCode(id) // a rule the Input did not list
}

// encodeCode encodes the source and the code of a rule's findings.
func (e *rdEncoder) encodeCode(id string) []byte {
	url := e.urls[id]
	if url == "" {
		url = ruleDocURL(id)
	}
	c := append([]byte(nil), `,"source":{"name":`...)
	c = appendJSONString(c, toolName)
	c = append(c, `,"url":`...)
	c = appendJSONString(c, toolURL)
	c = append(c, `},"code":{"value":`...)
	c = appendJSONString(c, id)
	if url != "" {
		c = append(c, `,"url":`...)
		c = appendJSONString(c, url)
	}
	return append(c, '}')
}

// appendLocation appends a location: the path and, when r is resolved, r.
func (e *rdEncoder) appendLocation(b []byte, path string, r finding.Range, last *rdPath) []byte {
	b = append(b, `{"path":`...)
	if path != last.path || last.json == nil {
		last.path = path
		last.json = appendJSONString(last.json[:0], path)
	}
	b = append(b, last.json...)
	if !r.IsZero() {
		b = append(b, `,"range":`...)
		b = appendRDRange(b, r)
	}
	return append(b, '}')
}

// appendRDRange appends r with byte columns.
func appendRDRange(b []byte, r finding.Range) []byte {
	b = append(b, `{"start":{"line":`...)
	b = strconv.AppendInt(b, int64(r.Start.Line), 10)
	b = append(b, `,"column":`...)
	b = strconv.AppendInt(b, int64(r.Start.Column), 10)
	b = append(b, `},"end":{"line":`...)
	b = strconv.AppendInt(b, int64(r.End.Line), 10)
	b = append(b, `,"column":`...)
	b = strconv.AppendInt(b, int64(r.End.Column), 10)
	return append(b, "}}"...)
}

// allResolved reports whether every edit's range was resolved: a suggestion
// needs one.
func allResolved(edits []finding.Edit) bool {
	for i := range edits {
		if edits[i].Range.IsZero() {
			return false
		}
	}
	return true
}

// appendJSONString appends s as a JSON string exactly as encoding/json does
// with HTML escaping off: quotes, backslashes and control characters
// escaped, each invalid byte as \ufffd, U+2028 and U+2029 escaped.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// rdSeverity is reviewdog's name for a severity.
func rdSeverity(s finding.Severity) string {
	switch s {
	case finding.Error:
		return "ERROR"
	case finding.Warning:
		return "WARNING"
	case finding.Info:
		return "INFO"
	}
	return "UNKNOWN_SEVERITY"
}

// ruleURLs maps each rule's ID to its documentation's address.
func ruleURLs(rules []*rule.Rule) map[string]string {
	urls := make(map[string]string, len(rules))
	for _, r := range rules {
		if r != nil {
			urls[r.ID] = helpURL(r)
		}
	}
	return urls
}
