package engine

import (
	"bytes"
	"encoding/gob"
	"reflect"
	"testing"

	"github.com/corpuslint/corpuslint/internal/finding"
)

// fillAll sets every field of v, recursively, to a value that is not zero
// (slices get two elements), counting up from *n so that fields differ.
func fillAll(v reflect.Value, n *int) {
	*n++
	switch v.Kind() {
	case reflect.String:
		v.SetString("s“" + string(rune('a'+*n%26)) + "”\n")
	case reflect.Int, reflect.Int64, reflect.Int32:
		v.SetInt(int64(*n * 37))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			fillAll(v.Field(i), n)
		}
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := 0; i < 2; i++ {
			fillAll(s.Index(i), n)
		}
		v.Set(s)
	default:
		panic("fillAll: add a case for " + v.Kind().String())
	}
}

// gobRecord is how the spill wrote a file's findings before it had a codec
// of its own.
type gobRecord struct {
	Findings []finding.Finding
}

func spillFindings() [][]finding.Finding {
	var full finding.Finding
	n := 0
	fillAll(reflect.ValueOf(&full).Elem(), &n)
	return [][]finding.Finding{
		{full, {}, full},
		nil,
		{},
		{{Rule: "artifact/x", Path: "a.txt", Span: finding.Span{Start: -1, End: 1 << 40}, Fixes: []finding.Fix{}, Related: []finding.Location{}}},
		{{Rule: "artifact/x", Path: "a.txt", Fixes: []finding.Fix{{Message: "m", Edits: []finding.Edit{}}, {}}, Related: []finding.Location{{}, {Path: "b.txt"}}}},
		{{Rule: "artifact/y", Path: "a.txt", Message: "\xff\x00 ünï", Severity: finding.Error, Fixes: []finding.Fix{{Edits: []finding.Edit{{New: ""}, {New: "x"}}, Safe: true}}}},
	}
}

// TestSpillMatchesGob: the spill gives back what a gob round trip gave
// (empty slices read back as nil), for every field of a finding.
func TestSpillMatchesGob(t *testing.T) {
	records := spillFindings()
	s, err := newSpill()
	if err != nil {
		t.Fatal(err)
	}
	defer s.close()
	type place struct {
		at   int64
		size uint32
	}
	var places []place
	var at int64
	for _, fs := range records {
		size, err := s.write(fs)
		if err != nil {
			t.Fatal(err)
		}
		places = append(places, place{at, size})
		at += int64(size)
	}
	if err := s.finishWriting(); err != nil {
		t.Fatal(err)
	}
	// Every record, read back in one piece as phase two reads a batch.
	all, err := s.readAt(0, places[len(places)-1].at+int64(places[len(places)-1].size))
	if err != nil {
		t.Fatal(err)
	}
	var d spillDecoder
	for i, fs := range records {
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(gobRecord{fs}); err != nil {
			t.Fatal(err)
		}
		var want gobRecord
		if err := gob.NewDecoder(&buf).Decode(&want); err != nil {
			t.Fatal(err)
		}
		p := places[i]
		got, err := s.decode(&d, all[p.at:p.at+int64(p.size)])
		if err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
		if !reflect.DeepEqual(got, want.Findings) {
			t.Fatalf("record %d:\ngot  %#v\nwant %#v", i, got, want.Findings)
		}
	}
	if full := records[0][0]; !reflect.DeepEqual(full, func() finding.Finding {
		var e spillEncoder
		var d spillDecoder
		fs, err := d.record(e.record([]finding.Finding{full}))
		if err != nil {
			t.Fatal(err)
		}
		return fs[0]
	}()) {
		t.Fatal("a field of Finding does not survive the spill")
	}
	if _, err := s.readAt(int64(len(all)), 1); err == nil {
		t.Fatal("read past the last record without an error")
	}
}

func TestSpillTruncated(t *testing.T) {
	var e spillEncoder
	rec := append([]byte(nil), e.record(spillFindings()[0])...)
	for cut := 0; cut < len(rec); cut++ {
		var d spillDecoder
		if _, err := d.record(rec[:cut]); err == nil {
			t.Fatalf("a record cut at %d of %d bytes decoded", cut, len(rec))
		}
	}
}

// A record whose bytes were changed reads back as an error or as findings,
// never as a panic or a read outside the record.
func TestSpillCorruptNeverPanics(t *testing.T) {
	var e spillEncoder
	rec := append([]byte(nil), e.record(spillFindings()[0])...)
	for i := range rec {
		for _, c := range []byte{0, 1, 0x7f, 0x80, 0xff} {
			bad := append([]byte(nil), rec...)
			bad[i] = c
			var d spillDecoder
			d.record(bad)
		}
	}
	var d spillDecoder
	if _, err := d.record([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0x7f}); err == nil {
		t.Fatal("a record longer than any could be decoded")
	}
}
