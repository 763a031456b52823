//go:build !unix

package linttest

import "time"

// CPUTime returns 0 where the process's CPU time is not read (not unix):
// benchmarks then report no CPU figure.
func CPUTime() time.Duration { return 0 }
