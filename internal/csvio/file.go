package csvio

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// WriteFileAtomic writes to a temporary file beside path and renames it
// over path only when write, the flush and the sync all succeed, so a
// failed export never leaves half a file (and leaves an older file as it
// was).
func WriteFileAtomic(path string, write func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("unable to write %s: %w", path, err)
	}
	tmp := f.Name()
	defer os.Remove(tmp) // nothing left to remove after the rename
	w := bufio.NewWriterSize(f, 64<<10)
	if err := write(w); err != nil {
		f.Close()
		return err
	}
	err = w.Flush()
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		return fmt.Errorf("unable to write %s: %w", path, err)
	}
	return nil
}

// LooksTabSeparated guesses from a file's name and first line whether it
// is tab-separated: a .tsv or .tab name, or a first line with more tabs
// than commas.
func LooksTabSeparated(name string, head []byte) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".tsv", ".tab":
		return true
	case ".csv":
		return false
	}
	line, _, _ := bytes.Cut(head, []byte("\n"))
	return bytes.Count(line, []byte("\t")) > bytes.Count(line, []byte(","))
}

// WriteRefused writes the rows an import left out (Batch.Refused) as the
// file had them, with a last column, headed RefusedColumn, that says why:
// mend them and import the file again as it is (the reason column is not
// read). tsv writes tab-separated values, else CSV.
func WriteRefused(w io.Writer, b *Batch, tsv bool) error {
	record := func(cells []string) error {
		if !tsv {
			cw := newCSVWriter(w, WriteOptions{})
			cw.record(cells)
			return cw.flush()
		}
		out := make([]string, len(cells))
		for i, c := range cells {
			out[i] = strings.NewReplacer("\t", " ", "\r", " ", "\n", " ").Replace(c)
		}
		_, err := io.WriteString(w, strings.Join(out, "\t")+"\n")
		return err
	}
	if b.Header != nil {
		if err := record(append(slices.Clone(b.Header), RefusedColumn)); err != nil {
			return err
		}
	}
	for _, r := range b.Refused {
		if err := record(append(slices.Clone(r.Cells), r.Reason)); err != nil {
			return err
		}
	}
	return nil
}
