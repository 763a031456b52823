package fix

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
)

// keptModeBits are the mode bits a rewritten file keeps from the original.
const keptModeBits = os.ModePerm | os.ModeSetuid | os.ModeSetgid | os.ModeSticky

// WriteFile atomically replaces the file at path with content. original is the
// file's bytes as they were read: if the file now holds anything else, WriteFile
// refuses and writes nothing. The new content goes to a temporary file in the
// same directory, which is synced, given the original's permission bits and
// renamed over the file. A symbolic link is not replaced: the file it resolves to
// is. Errors name path and say what failed; on any error the temporary file is
// removed and the original left as it was.
func WriteFile(path string, original, content []byte) error {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return fmt.Errorf("%s: resolving the file's path: %w", path, err)
	}
	info, err := os.Stat(target)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if !info.Mode().IsRegular() {
		return fmt.Errorf("%s: not a regular file; not written", path)
	}
	current, err := os.ReadFile(target)
	if err != nil {
		return fmt.Errorf("%s: re-reading the file before writing: %w", path, err)
	}
	if !bytes.Equal(current, original) {
		return fmt.Errorf("%s: file changed since it was read; not written", path)
	}
	if err := replace(target, info.Mode()&keptModeBits, content); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// replace writes content to a temporary file beside target and renames it over
// target. It removes the temporary file when anything fails.
func replace(target string, mode os.FileMode, content []byte) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".corpuslint-*")
	if err != nil {
		return fmt.Errorf("creating a temporary file: %w", err)
	}
	name := tmp.Name()
	defer func() {
		if err != nil {
			_ = tmp.Close() // may already be closed; the write error matters
			_ = os.Remove(name)
		}
	}()
	if _, err := tmp.Write(content); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("syncing %s: %w", name, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("closing %s: %w", name, err)
	}
	if err := os.Chmod(name, mode); err != nil {
		return fmt.Errorf("setting the mode of %s: %w", name, err)
	}
	if err := os.Rename(name, target); err != nil {
		return fmt.Errorf("replacing the file: %w", err)
	}
	return nil
}
