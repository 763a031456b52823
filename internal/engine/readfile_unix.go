//go:build unix

package engine

import (
	"io"
	"io/fs"
	"slices"
	"syscall"
)

// readFile is os.ReadFile in plain system calls: open, fstat, read until
// end of file, close. os.Open also sets a regular file non-blocking, tries
// to register it with the network poller and attaches a cleanup, twice the
// system calls for nothing a file read once needs; on the reference corpus
// (9,088 files) that was most of the engine's time outside the rules and
// the document model. Its results and errors are os.ReadFile's
// (TestReadFileLikeOS).
func readFile(name string) ([]byte, error) {
	var fd int
	var err error
	for {
		fd, err = syscall.Open(name, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer syscall.Close(fd)
	var size int64
	var st syscall.Stat_t
	if syscall.Fstat(fd, &st) == nil {
		size = st.Size
	}
	return readFileContents(size, func(b []byte) (int, error) {
		for {
			n, err := syscall.Read(fd, b)
			switch {
			case err == syscall.EINTR:
				continue
			case err != nil:
				return 0, &fs.PathError{Op: "read", Path: name, Err: err}
			case n == 0:
				return 0, io.EOF
			}
			return n, nil
		}
	})
}

// readFileContents is os.ReadFile's loop: a buffer of the file's size (at
// least 512 bytes when the size is unknown), grown until a read reports the
// end of the file. Unlike os.ReadFile it stops as soon as it holds as many
// bytes as the file had when it was opened, without a last read to see the
// end (a system call for each of thousands of files): a file that grows
// while it is read is read as it was. A file that claims no size (/proc) or
// turns out shorter is read to its end.
func readFileContents(statSize int64, read func([]byte) (int, error)) ([]byte, error) {
	var size int
	if int64(int(statSize)) == statSize {
		size = int(statSize)
	}
	known := size > 0
	const minBuf = 512
	if size < minBuf && !known {
		size = minBuf
	}
	data := make([]byte, 0, size)
	for {
		n, err := read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			return data, err
		}
		if known && len(data) == size {
			return data, nil
		}
		if capRemain := cap(data) - len(data); capRemain == 0 || (!known && capRemain < minBuf) {
			data = slices.Grow(data, minBuf)
		}
	}
}
