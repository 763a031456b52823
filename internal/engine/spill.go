package engine

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unsafe"

	"github.com/corpuslint/corpuslint/internal/finding"
)

// spill keeps phase one's findings on disk while phase two waits for every
// file (a corpus rule that compares each file with the whole corpus): a
// gigabyte of articles has millions of findings, which would otherwise all
// sit in memory. Each file's findings are one record, in a compact binary
// form of their own (see spillCodec): gob's reflection was a tenth of the
// engine's work outside the rules. Records are read back by where they were
// written, several at a time, by several goroutines at once.
type spill struct {
	file *os.File
	w    *bufio.Writer
	enc  spillEncoder
}

func newSpill() (*spill, error) {
	f, err := os.CreateTemp("", "corpuslint-findings-*")
	if err != nil {
		return nil, fmt.Errorf("creating a temporary file for findings: %w", err)
	}
	return &spill{file: f, w: bufio.NewWriterSize(f, 1<<20)}, nil
}

// write appends one file's findings as a record, right after the previous
// one, and returns its size.
func (s *spill) write(fs []finding.Finding) (size uint32, err error) {
	rec := s.enc.record(fs)
	if uint64(len(rec)) > maxSpillRecord {
		return 0, fmt.Errorf("writing findings to %s: a file's findings take more than %d bytes", s.file.Name(), uint64(maxSpillRecord))
	}
	if _, err := s.w.Write(rec); err != nil {
		return 0, fmt.Errorf("writing findings to %s: %w", s.file.Name(), err)
	}
	return uint32(len(rec)), nil
}

// finishWriting writes what is buffered: the records can then be read.
func (s *spill) finishWriting() error {
	if err := s.w.Flush(); err != nil {
		return fmt.Errorf("writing findings to %s: %w", s.file.Name(), err)
	}
	return nil
}

// readAt returns size bytes of records from at, in memory of their own (the
// findings decode keeps slices of them); safe for concurrent use.
func (s *spill) readAt(at, size int64) ([]byte, error) {
	b := make([]byte, size)
	if _, err := s.file.ReadAt(b, at); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, fmt.Errorf("reading findings back from %s: %w", s.file.Name(), err)
	}
	return b, nil
}

// decode returns the findings of one record from readAt, with d, which one
// goroutine uses at a time. The findings' strings are slices of rec.
func (s *spill) decode(d *spillDecoder, rec []byte) ([]finding.Finding, error) {
	fs, err := d.record(rec)
	if err != nil {
		return nil, fmt.Errorf("reading findings back from %s: %w", s.file.Name(), err)
	}
	return fs, nil
}

// close removes the file.
func (s *spill) close() {
	s.file.Close()
	os.Remove(s.file.Name())
}

// The spill's record of one file is its length in bytes (a uvarint), then
// its body: a uvarint count of findings, then each
// finding's fields in declaration order: strings as a uvarint length and
// their bytes, integers as varints, booleans as one byte, slices as a
// uvarint count and their elements. An empty slice reads back as nil, as it
// did when the spill was gob (which drops empty fields): a finding's JSON
// keeps the shape it had. TestSpillMatchesGob holds the two to the same
// results, and fails when Finding gains a field this code does not carry.
// A record is read in one piece and decoded in memory; its strings are
// slices of it, not allocations of their own.

// spillEncoder builds records in a buffer it reuses.
type spillEncoder struct {
	buf []byte
}

// record returns the encoding of fs, valid until the next call.
func (e *spillEncoder) record(fs []finding.Finding) []byte {
	// The body is encoded after room for the longest length prefix, which
	// is then written just before it.
	const room = binary.MaxVarintLen64
	b := binary.AppendUvarint(append(e.buf[:0], make([]byte, room)...), uint64(len(fs)))
	for i := range fs {
		f := &fs[i]
		b = appendString(b, f.Rule)
		b = appendString(b, f.Path)
		b = appendSpan(b, f.Span)
		b = appendRange(b, f.Range)
		b = appendString(b, f.Message)
		b = binary.AppendVarint(b, int64(f.Severity))
		b = binary.AppendUvarint(b, uint64(len(f.Fixes)))
		for j := range f.Fixes {
			x := &f.Fixes[j]
			b = appendString(b, x.Message)
			b = binary.AppendUvarint(b, uint64(len(x.Edits)))
			for k := range x.Edits {
				ed := &x.Edits[k]
				b = appendSpan(b, ed.Span)
				b = appendString(b, ed.New)
				b = appendRange(b, ed.Range)
			}
			b = appendBool(b, x.Safe)
		}
		b = binary.AppendUvarint(b, uint64(len(f.Related)))
		for j := range f.Related {
			l := &f.Related[j]
			b = appendString(b, l.Path)
			b = appendSpan(b, l.Span)
			b = appendRange(b, l.Range)
			b = appendString(b, l.Message)
		}
	}
	e.buf = b
	var prefix [binary.MaxVarintLen64]byte
	n := binary.PutUvarint(prefix[:], uint64(len(b)-room))
	copy(b[room-n:], prefix[:n])
	return b[room-n:]
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendBool(b []byte, v bool) []byte {
	if v {
		return append(b, 1)
	}
	return append(b, 0)
}

func appendSpan(b []byte, s finding.Span) []byte {
	b = binary.AppendVarint(b, int64(s.Start))
	return binary.AppendVarint(b, int64(s.End))
}

func appendRange(b []byte, r finding.Range) []byte {
	return appendPosition(appendPosition(b, r.Start), r.End)
}

func appendPosition(b []byte, p finding.Position) []byte {
	b = binary.AppendVarint(b, int64(p.Offset))
	b = binary.AppendVarint(b, int64(p.Line))
	b = binary.AppendVarint(b, int64(p.Column))
	b = binary.AppendVarint(b, int64(p.RuneColumn))
	return binary.AppendVarint(b, int64(p.UTF16Column))
}

// spillDecoder reads records back. It shares the strings that repeat from
// one finding to the next (rule IDs, paths) instead of keeping a copy each;
// the others are slices of the record, read into memory of its own.
type spillDecoder struct {
	rec     []byte // the record's body, never written to once read
	pos     int
	err     error
	rules   map[string]string
	lastStr string
}

// errSpillCorrupt reports a record that does not decode.
var errSpillCorrupt = errors.New("corrupt record")

// maxSpillRecord bounds a record's length: its size is kept in 32 bits.
const maxSpillRecord = 1<<32 - 1

// record decodes a whole record (its length, then its body); the findings'
// strings are slices of rec, which must not change after.
func (d *spillDecoder) record(rec []byte) ([]finding.Finding, error) {
	size, n := binary.Uvarint(rec)
	if n <= 0 || size != uint64(len(rec)-n) {
		return nil, errSpillCorrupt
	}
	d.rec, d.pos, d.err = rec[n:], 0, nil
	fs := d.findings()
	if d.err == nil && d.pos != len(d.rec) {
		d.err = errSpillCorrupt
	}
	d.rec = nil
	if d.err != nil {
		return nil, d.err
	}
	return fs, nil
}

// findings decodes the record's body.
func (d *spillDecoder) findings() []finding.Finding {
	n := d.count()
	var fs []finding.Finding
	if n > 0 && d.err == nil {
		// Room for a few corpus findings, which phase two appends: not a
		// copy of the whole slice to grow it.
		fs = make([]finding.Finding, n, n+4)
	}
	for i := range fs {
		f := &fs[i]
		f.Rule = d.rule()
		f.Path = d.repeated()
		f.Span = d.span()
		f.Range = d.rng()
		f.Message = d.string()
		f.Severity = finding.Severity(d.int())
		if n := d.count(); n > 0 && d.err == nil {
			f.Fixes = make([]finding.Fix, n)
			for j := range f.Fixes {
				x := &f.Fixes[j]
				x.Message = d.string()
				if m := d.count(); m > 0 && d.err == nil {
					x.Edits = make([]finding.Edit, m)
					for k := range x.Edits {
						ed := &x.Edits[k]
						ed.Span = d.span()
						ed.New = d.string()
						ed.Range = d.rng()
					}
				}
				x.Safe = d.bool()
			}
		}
		if n := d.count(); n > 0 && d.err == nil {
			f.Related = make([]finding.Location, n)
			for j := range f.Related {
				l := &f.Related[j]
				l.Path = d.repeated()
				l.Span = d.span()
				l.Range = d.rng()
				l.Message = d.string()
			}
		}
		if d.err != nil {
			return nil
		}
	}
	return fs
}

func (d *spillDecoder) int() int {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.rec[d.pos:])
	if n <= 0 {
		d.err = errSpillCorrupt
		return 0
	}
	d.pos += n
	return int(v)
}

// count reads a slice's length, refusing one no record could hold.
func (d *spillDecoder) count() int {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.rec[d.pos:])
	if n <= 0 || v > uint64(len(d.rec)-d.pos-n) {
		// Every element takes at least a byte.
		d.err = errSpillCorrupt
		return 0
	}
	d.pos += n
	return int(v)
}

func (d *spillDecoder) bool() bool {
	if d.err != nil {
		return false
	}
	if d.pos >= len(d.rec) {
		d.err = errSpillCorrupt
		return false
	}
	c := d.rec[d.pos]
	d.pos++
	return c != 0
}

func (d *spillDecoder) span() finding.Span {
	return finding.Span{Start: d.int(), End: d.int()}
}

func (d *spillDecoder) rng() finding.Range {
	return finding.Range{Start: d.position(), End: d.position()}
}

func (d *spillDecoder) position() finding.Position {
	return finding.Position{Offset: d.int(), Line: d.int(), Column: d.int(), RuneColumn: d.int(), UTF16Column: d.int()}
}

// string reads a string: a slice of the record, which is never written to.
func (d *spillDecoder) string() string {
	n := d.count()
	if d.err != nil || n == 0 {
		return ""
	}
	s := unsafe.String(&d.rec[d.pos], n)
	d.pos += n
	return s
}

// rule reads a rule ID, shared with every other finding of the rule.
func (d *spillDecoder) rule() string {
	b := d.string()
	if s, ok := d.rules[b]; ok {
		return s
	}
	s := strings.Clone(b)
	if d.rules == nil {
		d.rules = map[string]string{}
	}
	d.rules[s] = s
	return s
}

// repeated reads a path, shared with the previous one when they are equal.
func (d *spillDecoder) repeated() string {
	s := d.string()
	if s != d.lastStr {
		d.lastStr = s
	}
	return d.lastStr
}
