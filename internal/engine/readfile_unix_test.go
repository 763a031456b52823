//go:build unix

package engine

import (
	"bytes"
	"io"
	"testing"
)

// readFileContents reads a file of known size in one read, and reads a file
// that is shorter than it claimed, or claims no size, to its end.
func TestReadFileContentsReads(t *testing.T) {
	for _, c := range []struct {
		statSize, size, wantReads int
	}{
		{1, 1, 1}, {511, 511, 1}, {512, 512, 1}, {100000, 100000, 1},
		{4096, 10, 2},  // shorter than it claims (sysfs): to the end
		{0, 10, 2},     // claims no size (/proc)
		{0, 0, 1},      // empty
		{0, 5000, 7},   // no size: the buffer grows
		{10, 10000, 1}, // grew after it was opened: read as it was
	} {
		content := bytes.Repeat([]byte("x"), c.size)
		r := bytes.NewReader(content)
		reads := 0
		got, err := readFileContents(int64(c.statSize), func(b []byte) (int, error) {
			reads++
			n, err := r.Read(b)
			if n > 0 && err == io.EOF {
				err = nil
			}
			return n, err
		})
		if err != nil {
			t.Fatal(err)
		}
		want := content[:min(c.size, max(c.statSize, 0))]
		if c.statSize == 0 || c.statSize > c.size {
			want = content
		}
		if !bytes.Equal(got, want) || reads != c.wantReads {
			t.Errorf("stat size %d, %d bytes: got %d bytes in %d reads, want %d in %d", c.statSize, c.size, len(got), reads, len(want), c.wantReads)
		}
	}
}
