package engine

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadFileLikeOS: the engine's readFile gives what os.ReadFile gives,
// content and error message alike.
func TestReadFileLikeOS(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	paths := []string{
		write("empty.txt", nil),
		write("small.txt", []byte("Judul\n\nIsi.\n")),
		write("511.txt", bytes.Repeat([]byte("a"), 511)),
		write("512.txt", bytes.Repeat([]byte("b"), 512)),
		write("big.txt", []byte(strings.Repeat("kalimat “panjang” sekali. ", 40000))),
		filepath.Join(dir, "missing.txt"),
		dir,
		"/proc/self/status", // claims size 0
	}
	for _, p := range paths {
		want, wantErr := os.ReadFile(p)
		got, gotErr := readFile(p)
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
			t.Errorf("%s: error %v, want %v", p, gotErr, wantErr)
		}
		if gotErr != nil || strings.HasPrefix(p, "/proc/") {
			if gotErr == nil && len(got) == 0 {
				t.Errorf("%s: read nothing", p)
			}
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: %d bytes, want %d", p, len(got), len(want))
		}
	}
}
