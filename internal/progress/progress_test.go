package progress

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeClock is a clock the test moves by hand.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

func TestShortRunDrawsNothing(t *testing.T) {
	clock := &fakeClock{t: time.Unix(1000, 0)}
	var out bytes.Buffer
	m := New(&out, 3, 3_000_000, Options{Now: clock.now})
	for range 3 {
		clock.advance(500 * time.Millisecond)
		m.File(1_000_000, 2)
	}
	m.Clear()
	assert.Empty(t, out.String(), "a run under two seconds shows no progress")
}

func TestLongRunRedrawsInPlaceAndClears(t *testing.T) {
	clock := &fakeClock{t: time.Unix(1000, 0)}
	var out bytes.Buffer
	m := New(&out, 4, 4_000_000, Options{Now: clock.now})
	clock.advance(2 * time.Second)
	m.File(1_000_000, 1)
	require.Equal(t, "\rcorpuslint: 1/4 files, 1.0/4.0 MB, 1 finding, 0.5 MB/s\x1b[K", out.String())

	// Within the interval: no redraw.
	clock.advance(50 * time.Millisecond)
	m.File(1_000_000, 0)
	assert.NotContains(t, out.String(), "2/4")

	clock.advance(950 * time.Millisecond)
	m.File(1_000_000, 2)
	assert.Contains(t, out.String(), "\rcorpuslint: 3/4 files, 3.0/4.0 MB, 3 findings, 1.0 MB/s\x1b[K")

	// Cleared for a report between files, it comes back an interval after
	// the last draw, not at once.
	m.Clear()
	cleared := out.Len()
	m.File(0, 0)
	assert.Equal(t, cleared, out.Len(), "no redraw within the interval of the last")
	clock.advance(100 * time.Millisecond)
	m.File(0, 0)
	assert.Contains(t, out.String()[cleared:], "\rcorpuslint: 5/4 files")

	before := out.Len()
	m.Clear()
	assert.Equal(t, "\r\x1b[K", out.String()[before:], "the line is cleared at the end")
	m.Clear()
	assert.Equal(t, before+len("\r\x1b[K"), out.Len(), "cleared once")
}

func TestEnabled(t *testing.T) {
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	tty := Context{Terminal: true, Getenv: env(nil)}
	assert.True(t, Auto.Enabled(tty))
	assert.False(t, Auto.Enabled(Context{Terminal: false, Getenv: env(nil)}), "a pipe or a file")
	assert.False(t, Auto.Enabled(Context{Terminal: true, Getenv: env(map[string]string{"CI": "true"})}))
	assert.False(t, Auto.Enabled(Context{Terminal: true, Getenv: env(map[string]string{"GITHUB_ACTIONS": "true"})}))
	assert.False(t, Auto.Enabled(Context{Terminal: true, Getenv: env(nil), MachineFormat: true}))
	assert.True(t, Always.Enabled(Context{}))
	assert.False(t, Never.Enabled(tty))

	for _, s := range []string{"auto", "always", "never"} {
		m, err := ParseMode(s)
		require.NoError(t, err)
		assert.Equal(t, Mode(s), m)
	}
	_, err := ParseMode("sometimes")
	assert.ErrorContains(t, err, "sometimes")
}
