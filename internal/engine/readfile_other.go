//go:build !unix

package engine

import "os"

// readFile is os.ReadFile (readfile_unix.go reads with fewer system calls).
func readFile(name string) ([]byte, error) { return os.ReadFile(name) }
