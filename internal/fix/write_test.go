package fix

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/internal/document"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// leftovers lists the temporary files WriteFile may have left in dir.
func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var out []string
	for _, e := range entries {
		if strings.Contains(e.Name(), ".corpuslint-") {
			out = append(out, e.Name())
		}
	}
	return out
}

func TestWriteFileKeepsMode(t *testing.T) {
	for _, mode := range []os.FileMode{0o640, 0o755, 0o600 | os.ModeSetgid} {
		t.Run(mode.String(), func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "a.txt")
			original := []byte("lama\n")
			require.NoError(t, os.WriteFile(path, original, 0o600))
			require.NoError(t, os.Chmod(path, mode))
			before, err := os.Stat(path)
			require.NoError(t, err)
			require.Equal(t, mode, before.Mode()&keptModeBits, "the test could not set the mode")

			require.NoError(t, WriteFile(path, original, []byte("baru\n")))

			got, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.Equal(t, "baru\n", string(got))
			info, err := os.Stat(path)
			require.NoError(t, err)
			assert.Equal(t, mode, info.Mode()&keptModeBits)
			assert.True(t, info.Mode().IsRegular())
			assert.Empty(t, leftovers(t, dir))
		})
	}
}

func TestWriteFileRefusesChangedFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.txt")
	require.NoError(t, os.WriteFile(path, []byte("changed by someone else\n"), 0o644))

	err := WriteFile(path, []byte("as read\n"), []byte("fixed\n"))
	require.EqualError(t, err, path+": file changed since it was read; not written")
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "changed by someone else\n", string(got))
	assert.Empty(t, leftovers(t, dir))
}

func TestWriteFileErrorsNameThePath(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.txt")
	err := WriteFile(missing, nil, []byte("x"))
	require.Error(t, err)
	assert.True(t, strings.HasPrefix(err.Error(), missing+": "), err.Error())
	_, statErr := os.Stat(missing)
	assert.True(t, os.IsNotExist(statErr), "WriteFile created a missing file")

	err = WriteFile(dir, nil, []byte("x"))
	require.EqualError(t, err, dir+": not a regular file; not written")
	assert.Empty(t, leftovers(t, dir))
}

func TestWriteFileThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.txt")
	link := filepath.Join(dir, "link.txt")
	require.NoError(t, os.WriteFile(real, []byte("lama\n"), 0o640))
	require.NoError(t, os.Symlink("real.txt", link))

	require.NoError(t, WriteFile(link, []byte("lama\n"), []byte("baru\n")))

	fi, err := os.Lstat(link)
	require.NoError(t, err)
	assert.Equal(t, os.ModeSymlink, fi.Mode()&os.ModeSymlink, "the link was replaced")
	target, err := os.Readlink(link)
	require.NoError(t, err)
	assert.Equal(t, "real.txt", target)
	got, err := os.ReadFile(real)
	require.NoError(t, err)
	assert.Equal(t, "baru\n", string(got))
	info, err := os.Stat(real)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o640), info.Mode().Perm())
	assert.Empty(t, leftovers(t, dir))
}

func TestWriteFileKeepsBytesAsGiven(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "crlf.txt")
	original := []byte(document.BOMBytes + "Judul\r\n\r\nBaca Juga: x\r\nIsi “kutipan” —\r\n")
	require.NoError(t, os.WriteFile(path, original, 0o644))
	content := []byte(document.BOMBytes + "Judul\r\n\r\nIsi “kutipan” —\r\n")

	require.NoError(t, WriteFile(path, original, content))
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, content, got)
}

// TestReplaceCleansUpOnFailure makes the final rename fail (the target is a
// non-empty directory) and checks that the temporary file is gone.
func TestReplaceCleansUpOnFailure(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "busy")
	require.NoError(t, os.MkdirAll(filepath.Join(target, "inside"), 0o755))

	err := replace(target, 0o644, []byte("x"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "replacing the file")
	assert.Empty(t, leftovers(t, dir))
}
