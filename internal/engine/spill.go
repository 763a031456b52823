package engine

import (
	"bufio"
	"encoding/gob"
	"fmt"
	"io"
	"os"

	"github.com/corpuslint/corpuslint/internal/finding"
)

// spill keeps phase one's findings on disk while phase two waits for every
// file (a corpus rule that compares each file with the whole corpus): a
// gigabyte of articles has millions of findings, which would otherwise all
// sit in memory. Files are written and read back in the same order, one gob
// record each.
type spill struct {
	file *os.File
	w    *bufio.Writer
	enc  *gob.Encoder
	dec  *gob.Decoder
}

func newSpill() (*spill, error) {
	f, err := os.CreateTemp("", "corpuslint-findings-*")
	if err != nil {
		return nil, fmt.Errorf("creating a temporary file for findings: %w", err)
	}
	s := &spill{file: f, w: bufio.NewWriterSize(f, 1<<20)}
	s.enc = gob.NewEncoder(s.w)
	return s, nil
}

// write appends one file's findings.
func (s *spill) write(fs []finding.Finding) error {
	if err := s.enc.Encode(record{fs}); err != nil {
		return fmt.Errorf("writing findings to %s: %w", s.file.Name(), err)
	}
	return nil
}

// record wraps a file's findings: gob cannot send a nil slice at top level.
type record struct {
	Findings []finding.Finding
}

// rewind ends writing and starts reading from the first file.
func (s *spill) rewind() error {
	if err := s.w.Flush(); err != nil {
		return fmt.Errorf("writing findings to %s: %w", s.file.Name(), err)
	}
	if _, err := s.file.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("reading findings back from %s: %w", s.file.Name(), err)
	}
	s.dec = gob.NewDecoder(bufio.NewReaderSize(s.file, 1<<20))
	return nil
}

// read returns the next file's findings.
func (s *spill) read() ([]finding.Finding, error) {
	var r record
	if err := s.dec.Decode(&r); err != nil {
		return nil, fmt.Errorf("reading findings back from %s: %w", s.file.Name(), err)
	}
	return r.Findings, nil
}

// close removes the file.
func (s *spill) close() {
	s.file.Close()
	os.Remove(s.file.Name())
}
