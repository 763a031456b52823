package report

import (
	"bytes"
	"fmt"
	"io"

	"github.com/corpuslint/corpuslint/internal/finding"
)

// Stream writes a report in parts as findings arrive, file by file, for the
// formats that are a line or a block per finding (text, rdjsonl):
// memory then does not grow with the number of findings. What Stream writes is
// byte for byte what Write would write with all the findings at once. Each
// part goes to the writer in one Write; a failing writer stops the stream
// with an error, after the parts already written. With Gather, parts are
// gathered into Writes of about that many bytes instead.
type Stream struct {
	w      io.Writer
	format format
	meta   Input
	buf    bytes.Buffer
	// gather is the size parts are gathered to before a Write; 0: none.
	gather int
}

// Streamable reports whether the named format can be written as a Stream; json
// and sarif cannot (their documents close with the whole run's results), nor
// github (it orders the annotations of the whole run by severity and writes
// a job summary).
func Streamable(name string) bool {
	switch name {
	case "text", "rdjsonl":
		return true
	}
	return false
}

// NewStream starts a report in a streamable format. meta supplies everything
// but the findings, the file errors and the configuration notes (rules,
// version, colour).
func NewStream(w io.Writer, name string, meta Input) (*Stream, error) {
	if !Streamable(name) {
		return nil, fmt.Errorf("the %s format cannot be streamed", name)
	}
	for _, f := range formats() {
		if f.name == name {
			meta.Findings, meta.Errors, meta.ConfigNotes = nil, nil, nil
			meta.ruleURLs = ruleURLs(meta.Rules) // once, not once a file
			if name == "rdjsonl" {
				meta.rdjsonl = newRDEncoder(&meta)
			}
			return &Stream{w: w, format: f, meta: meta}, nil
		}
	}
	return nil, fmt.Errorf("unknown output format %q", name)
}

// Gather makes the stream hold parts until about size bytes are waiting (or
// Flush or Close is called), and then write them in one Write: a Write per
// file was a system call per file. For a writer nobody watches as the
// report goes (a file, a pipe), not a terminal.
func (s *Stream) Gather(size int) { s.gather = size }

// Flush writes the parts waiting, if any.
func (s *Stream) Flush() error {
	if s.buf.Len() == 0 {
		return nil
	}
	_, err := s.w.Write(s.buf.Bytes())
	s.buf.Reset()
	if err != nil {
		return fmt.Errorf("writing %s report: %w", s.format.name, err)
	}
	return nil
}

// Write renders findings (sorted, after those written before).
func (s *Stream) Write(findings []finding.Finding) error {
	in := s.meta
	in.Findings = findings
	return s.flush(&in)
}

// Render appends to dst what Write would write for findings, without
// writing it, for WriteRendered to write later. Unlike the other methods it
// is safe for concurrent use: files can be rendered side by side and written
// in order.
func (s *Stream) Render(dst []byte, findings []finding.Finding) ([]byte, error) {
	in := s.meta
	in.Findings = findings
	buf := bytes.NewBuffer(dst)
	if err := s.format.write(buf, &in); err != nil {
		return dst, fmt.Errorf("rendering %s report: %w", s.format.name, err)
	}
	return buf.Bytes(), nil
}

// WriteRendered writes what Render rendered (for findings sorted after those
// written before), as Write would have.
func (s *Stream) WriteRendered(b []byte) error {
	s.buf.Write(b)
	if s.buf.Len() < s.gather {
		return nil
	}
	return s.Flush()
}

// Close renders what follows the findings: the files that could not be
// checked and the remarks about the configuration, in the formats that report
// them.
func (s *Stream) Close(errs []FileError, notes []ConfigNote) error {
	in := s.meta
	in.Errors, in.ConfigNotes = errs, notes
	s.gather = 0
	return s.flush(&in)
}

// flush renders in after the parts waiting and writes them all, unless
// they are fewer bytes than the stream gathers.
func (s *Stream) flush(in *Input) error {
	waiting := s.buf.Len()
	if err := s.format.write(&s.buf, in); err != nil {
		s.buf.Truncate(waiting)
		return fmt.Errorf("rendering %s report: %w", s.format.name, err)
	}
	if s.buf.Len() < s.gather {
		return nil
	}
	return s.Flush()
}
