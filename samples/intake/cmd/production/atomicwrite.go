package main

import (
	"bufio"
	"os"
	"path/filepath"
)

// pendingFile is a file being written under a temporary name in the folder
// it will end up in; commit renames it into place, so a reader never sees
// half a file.
type pendingFile struct {
	tmp *os.File
	*bufio.Writer
}

// createPending opens a temporary file beside where a file will be
// committed; pattern is os.CreateTemp's.
func createPending(dir, pattern string) (*pendingFile, error) {
	tmp, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	return &pendingFile{tmp: tmp, Writer: bufio.NewWriterSize(tmp, 1<<20)}, nil
}

// commit flushes, syncs and closes the file, then renames it to path.
func (p *pendingFile) commit(path string) error {
	defer os.Remove(p.tmp.Name()) // fails harmlessly once renamed
	if err := p.Flush(); err != nil {
		p.tmp.Close()
		return err
	}
	if err := p.tmp.Sync(); err != nil {
		p.tmp.Close()
		return err
	}
	if err := p.tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(p.tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(p.tmp.Name(), path)
}

// discard closes and removes the file.
func (p *pendingFile) discard() {
	p.tmp.Close()
	os.Remove(p.tmp.Name())
}

// writeFileAtomic writes path through a pending file.
func writeFileAtomic(path string, write func(*bufio.Writer) error) error {
	p, err := createPending(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	if err := write(p.Writer); err != nil {
		p.discard()
		return err
	}
	return p.commit(path)
}
