//go:build unix

package linttest

import (
	"syscall"
	"time"
)

// CPUTime returns the CPU time (user and system) the process has used: on a
// machine shared with other work it moves far less than wall time.
func CPUTime() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
