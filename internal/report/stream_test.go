package report

import (
	"bytes"
	"errors"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/corpuslint/corpuslint/internal/finding"
)

// A streamed report, written a file at a time, is byte for byte the report
// written at once.
func TestStreamMatchesWrite(t *testing.T) {
	in := sampleInput(t)
	require.NotEmpty(t, in.Findings)
	require.NotEmpty(t, in.Errors)
	for _, name := range Formats() {
		if !Streamable(name) {
			_, err := NewStream(&bytes.Buffer{}, name, *in)
			assert.Error(t, err, name)
			continue
		}
		t.Run(name, func(t *testing.T) {
			var whole, parts bytes.Buffer
			require.NoError(t, Write(&whole, name, in))
			s, err := NewStream(&parts, name, *in)
			require.NoError(t, err)
			for _, file := range byFile(in.Findings) {
				require.NoError(t, s.Write(file))
			}
			require.NoError(t, s.Close(in.Errors, in.ConfigNotes))
			assert.Equal(t, whole.String(), parts.String())
		})
	}
}

// Files rendered side by side (Render) and written in order (WriteRendered)
// make the report Write makes.
func TestStreamRenderMatchesWrite(t *testing.T) {
	in := sampleInput(t)
	for _, name := range Formats() {
		if !Streamable(name) {
			continue
		}
		t.Run(name, func(t *testing.T) {
			var whole, parts bytes.Buffer
			require.NoError(t, Write(&whole, name, in))
			s, err := NewStream(&parts, name, *in)
			require.NoError(t, err)
			files := byFile(in.Findings)
			require.Greater(t, len(files), 1)
			rendered := make([][]byte, len(files))
			var wg sync.WaitGroup
			for k := range files {
				wg.Add(1)
				go func() {
					defer wg.Done()
					// Into a buffer that already holds bytes: Render appends.
					b, err := s.Render([]byte("x"), files[k])
					assert.NoError(t, err)
					rendered[k] = b[1:]
				}()
			}
			wg.Wait()
			for _, b := range rendered {
				require.NoError(t, s.WriteRendered(b))
			}
			require.NoError(t, s.Close(in.Errors, in.ConfigNotes))
			assert.Equal(t, whole.String(), parts.String())
		})
	}
}

// byFile cuts sorted findings into one slice a file, as the engine hands
// them to a Stream.
func byFile(fs []finding.Finding) [][]finding.Finding {
	var files [][]finding.Finding
	for i := 0; i < len(fs); {
		j := i + 1
		for j < len(fs) && fs[j].Path == fs[i].Path {
			j++
		}
		files = append(files, fs[i:j])
		i = j
	}
	return files
}

func TestStreamWriteError(t *testing.T) {
	in := sampleInput(t)
	s, err := NewStream(failingWriter{errors.New("disk full")}, "rdjsonl", *in)
	require.NoError(t, err)
	err = s.Write(in.Findings)
	require.Error(t, err)
	assert.ErrorContains(t, err, "disk full")
}

// countingWriter counts the Writes it is given.
type countingWriter struct {
	bytes.Buffer
	writes int
}

func (w *countingWriter) Write(p []byte) (int, error) {
	w.writes++
	return w.Buffer.Write(p)
}

// A stream that gathers its parts writes the same report in fewer Writes:
// none before the gathered parts reach the size, all of them at Flush, the
// rest at Close.
func TestStreamGather(t *testing.T) {
	in := sampleInput(t)
	var whole bytes.Buffer
	require.NoError(t, Write(&whole, "rdjsonl", in))
	w := &countingWriter{}
	s, err := NewStream(w, "rdjsonl", *in)
	require.NoError(t, err)
	s.Gather(1 << 20)
	half := len(in.Findings) / 2
	require.NoError(t, s.Write(in.Findings[:half]))
	require.NoError(t, s.Write(in.Findings[half:half+1]))
	assert.Zero(t, w.writes, "nothing written before the parts reach the size")
	require.NoError(t, s.Flush())
	assert.Equal(t, 1, w.writes, "the parts gathered go in one Write")
	require.NoError(t, s.Flush())
	assert.Equal(t, 1, w.writes, "nothing waits after a Flush")
	require.NoError(t, s.Write(in.Findings[half+1:]))
	require.NoError(t, s.Close(in.Errors, in.ConfigNotes))
	assert.Equal(t, 2, w.writes)
	assert.Equal(t, whole.String(), w.String())

	small := &countingWriter{}
	s, err = NewStream(small, "rdjsonl", *in)
	require.NoError(t, err)
	s.Gather(1)
	require.NoError(t, s.Write(in.Findings[:1]))
	assert.Equal(t, 1, small.writes, "parts past the size are written at once")
}

func TestStreamGatherWriteError(t *testing.T) {
	in := sampleInput(t)
	s, err := NewStream(failingWriter{errors.New("disk full")}, "rdjsonl", *in)
	require.NoError(t, err)
	s.Gather(1 << 20)
	require.NoError(t, s.Write(in.Findings))
	assert.ErrorContains(t, s.Flush(), "disk full")
}
