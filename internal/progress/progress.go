// Package progress shows how far a long run has got on a terminal: one status
// line on standard error (files and megabytes done of the total, findings so
// far, the rate), redrawn in place and cleared at the end. It draws nothing
// for a run shorter than a delay, and the command line enables it only on a
// terminal, outside CI, for the text format.
package progress

import (
	"fmt"
	"io"
	"time"
)

// Mode is the --progress setting.
type Mode string

// The --progress settings.
const (
	Auto   Mode = "auto"
	Always Mode = "always"
	Never  Mode = "never"
)

// ParseMode reads a --progress value.
func ParseMode(s string) (Mode, error) {
	switch m := Mode(s); m {
	case Auto, Always, Never:
		return m, nil
	}
	return "", fmt.Errorf("unknown progress mode %q (want auto, always or never)", s)
}

// Context is what decides whether auto shows progress.
type Context struct {
	// Terminal reports whether standard error is a terminal.
	Terminal bool
	// Getenv reads the environment (os.Getenv).
	Getenv func(string) string
	// MachineFormat is set when the output is for programs (json, rdjsonl,
	// sarif, github).
	MachineFormat bool
}

// Enabled reports whether mode shows progress in c: always does; auto does on
// a terminal, outside CI (the CI or GITHUB_ACTIONS variable set) and for
// output meant for people; never does not.
func (m Mode) Enabled(c Context) bool {
	switch m {
	case Always:
		return true
	case Never:
		return false
	}
	if !c.Terminal || c.MachineFormat {
		return false
	}
	if c.Getenv != nil && (c.Getenv("CI") != "" || c.Getenv("GITHUB_ACTIONS") != "") {
		return false
	}
	return true
}

// Defaults for Options.
const (
	DefaultDelay    = 2 * time.Second
	DefaultInterval = 100 * time.Millisecond
)

// Options tune a Meter; zero values take the defaults.
type Options struct {
	// Now is the clock (time.Now).
	Now func() time.Time
	// Delay is how long a run goes before the line first shows.
	Delay time.Duration
	// Interval is the least time between two redraws.
	Interval time.Duration
}

// Meter counts finished files and draws the status line. It is not safe for
// concurrent use: the engine reports from one goroutine.
type Meter struct {
	w               io.Writer
	now             func() time.Time
	delay, interval time.Duration
	start, drawn    time.Time
	totalFiles      int
	totalBytes      int64
	files, findings int
	bytes           int64
	shown           bool
}

// New starts a meter for a run over totalFiles files of totalBytes bytes.
func New(w io.Writer, totalFiles int, totalBytes int64, opts Options) *Meter {
	m := &Meter{w: w, now: opts.Now, delay: opts.Delay, interval: opts.Interval, totalFiles: totalFiles, totalBytes: totalBytes}
	if m.now == nil {
		m.now = time.Now
	}
	if m.delay == 0 {
		m.delay = DefaultDelay
	}
	if m.interval == 0 {
		m.interval = DefaultInterval
	}
	m.start = m.now()
	return m
}

// File records one finished file of size bytes with its findings, and redraws
// the line when the run has lasted Delay and the last draw is Interval old.
func (m *Meter) File(size int64, findings int) {
	m.files++
	m.bytes += size
	m.findings += findings
	now := m.now()
	// Throttled from the last draw even when the line was cleared since (a
	// report written between files clears it): at most one draw an interval.
	if now.Sub(m.start) < m.delay || !m.drawn.IsZero() && now.Sub(m.drawn) < m.interval {
		return
	}
	m.draw(now)
}

// Clear removes the line, if it is shown, so that what is written next (a
// report on the same terminal, the summary) starts on a clean line; the next
// File after Interval draws it again.
func (m *Meter) Clear() {
	if m.shown {
		io.WriteString(m.w, "\r\x1b[K")
		m.shown = false
	}
}

func (m *Meter) draw(now time.Time) {
	elapsed := now.Sub(m.start).Seconds()
	rate := 0.0
	if elapsed > 0 {
		rate = float64(m.bytes) / 1e6 / elapsed
	}
	line := fmt.Sprintf("corpuslint: %d/%d files, %.1f/%.1f MB, %d %s, %.1f MB/s",
		m.files, m.totalFiles, float64(m.bytes)/1e6, float64(m.totalBytes)/1e6,
		m.findings, plural(m.findings, "finding", "findings"), rate)
	// \r returns to the line's start and \x1b[K clears what a longer
	// previous line left.
	io.WriteString(m.w, "\r"+line+"\x1b[K")
	m.shown = true
	m.drawn = now
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
