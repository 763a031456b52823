package source

import (
	"os"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/require"
)

// deepen makes levels folders of 200-byte names, one in the other, under dir,
// each from the one above (a path that long cannot be made, nor read, at
// once), and reports that it did.
func deepen(t *testing.T, dir string, levels int) bool {
	t.Helper()
	f, err := os.Open(dir)
	require.NoError(t, err)
	name := strings.Repeat("n", 200)
	for range levels {
		fd := int(f.Fd())
		require.NoError(t, syscall.Mkdirat(fd, name, 0o755))
		sub, err := syscall.Openat(fd, name, syscall.O_RDONLY|syscall.O_DIRECTORY|syscall.O_CLOEXEC, 0)
		require.NoError(t, err)
		f.Close()
		f = os.NewFile(uintptr(sub), name)
	}
	f.Close()
	return true
}
