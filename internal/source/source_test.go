package source_test

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/corpuslint/corpuslint/internal/source"
)

// corpus makes d/a.txt and d/b.txt under a new working directory.
func corpus(t *testing.T) string {
	dir := t.TempDir()
	t.Chdir(dir)
	require.NoError(t, os.Mkdir("d", 0o755))
	for _, f := range []string{"d/a.txt", "d/b.txt"} {
		require.NoError(t, os.WriteFile(f, []byte("Judul\n\nIsi.\n"), 0o644))
	}
	return dir
}

// A file named twice, whatever the spelling, is checked once, under the
// first name given: checked twice, it was its own duplicate and --fix wrote
// it twice.
func TestExpandTakesEachFileOnce(t *testing.T) {
	dir := corpus(t)
	for name, tc := range map[string]struct {
		paths, want []string
	}{
		"directory, then a file in it":       {[]string{"d", "./d/a.txt"}, []string{"d/a.txt", "d/b.txt"}},
		"a file, then its directory":         {[]string{"d//a.txt", "d"}, []string{"d//a.txt", "d/b.txt"}},
		"relative and absolute":              {[]string{"d/a.txt", filepath.Join(dir, "d")}, []string{"d/a.txt", filepath.Join(dir, "d", "b.txt")}},
		"dot-dot":                            {[]string{"d/a.txt", "d/../d/a.txt"}, []string{"d/a.txt"}},
		"the same string, as before":         {[]string{"d/b.txt", "d/b.txt"}, []string{"d/b.txt"}},
		"standard input once":                {[]string{"-", "-"}, []string{"-"}},
		"a directory named twice":            {[]string{"d", "d/"}, []string{"d/a.txt", "d/b.txt"}},
		"distinct files stay in given order": {[]string{"d/b.txt", "d/a.txt"}, []string{"d/b.txt", "d/a.txt"}},
	} {
		t.Run(name, func(t *testing.T) {
			files, problems, err := source.Expand(tc.paths, source.Options{})
			require.NoError(t, err)
			assert.Empty(t, problems)
			assert.Equal(t, tc.want, files)
		})
	}
}

func TestExpandTakesALinkedFileOnce(t *testing.T) {
	corpus(t)
	if err := os.Symlink("a.txt", "d/c.txt"); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	require.NoError(t, os.Symlink("d", "e"))
	files, problems, err := source.Expand([]string{"d", "e/b.txt"}, source.Options{})
	require.NoError(t, err)
	assert.Empty(t, problems)
	assert.Equal(t, []string{"d/a.txt", "d/b.txt"}, files, "d/c.txt is d/a.txt, e/b.txt is d/b.txt")
}

// A path error wrapped in context still gives its short reason.
func TestReasonUnwraps(t *testing.T) {
	loop := &fs.PathError{Op: "open", Path: "d/x.txt", Err: errors.New("too many levels of symbolic links")}
	assert.Equal(t, "too many levels of symbolic links", source.Reason(fmt.Errorf("walking d: %w", loop)))
	assert.Equal(t, "no such file or directory", source.Reason(fmt.Errorf("walking d: %w", &fs.PathError{Op: "stat", Path: "d", Err: fs.ErrNotExist})))
	assert.Equal(t, "permission denied", source.Reason(&fs.PathError{Op: "open", Path: "d", Err: fs.ErrPermission}))
	assert.Equal(t, "something else", source.Reason(errors.New("something else")))
}
