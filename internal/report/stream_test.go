package report

import (
	"bytes"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
			for i := 0; i < len(in.Findings); {
				j := i + 1
				for j < len(in.Findings) && in.Findings[j].Path == in.Findings[i].Path {
					j++
				}
				require.NoError(t, s.Write(in.Findings[i:j]))
				i = j
			}
			require.NoError(t, s.Close(in.Errors, in.ConfigNotes))
			assert.Equal(t, whole.String(), parts.String())
		})
	}
}

func TestStreamWriteError(t *testing.T) {
	in := sampleInput(t)
	s, err := NewStream(failingWriter{errors.New("disk full")}, "rdjsonl", *in)
	require.NoError(t, err)
	err = s.Write(in.Findings)
	require.Error(t, err)
	assert.ErrorContains(t, err, "disk full")
}
