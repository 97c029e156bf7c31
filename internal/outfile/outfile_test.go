package outfile

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestCommitAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.html"), filepath.Join(dir, "b.md")
	os.WriteFile(a, []byte("old a"), 0o644)
	os.WriteFile(b, []byte("old b"), 0o644)
	write := func() Set {
		outs, err := Create(a, "", b)
		if err != nil {
			t.Fatal(err)
		}
		outs.Writer(0).Write([]byte("new a"))
		outs.Writer(2).Write([]byte("new b"))
		if outs.Writer(1) != nil {
			t.Fatal("an output not asked for has a writer")
		}
		return outs
	}
	// The second rename fails: the first file is put back.
	calls := 0
	rename = func(from, to string) error {
		calls++
		if calls == 2 {
			return &os.LinkError{Op: "rename", Old: from, New: to, Err: syscall.EIO}
		}
		return os.Rename(from, to)
	}
	err := write().Commit()
	rename = os.Rename
	if err == nil || !strings.Contains(err.Error(), b) || strings.Contains(err.Error(), ".tmp") {
		t.Fatalf("error %v: want one naming %s and no temporary file", err, b)
	}
	for p, want := range map[string]string{a: "old a", b: "old b"} {
		if got, _ := os.ReadFile(p); string(got) != want {
			t.Errorf("%s holds %q after a failed commit, want %q", filepath.Base(p), got, want)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("%d entries left, want the 2 files", len(entries))
	}
	// A destination that is a folder fails before any rename.
	os.Remove(b)
	os.Mkdir(b, 0o755)
	if err := write().Commit(); err == nil {
		t.Fatal("committed over a folder")
	}
	if got, _ := os.ReadFile(a); string(got) != "old a" {
		t.Errorf("a was replaced though b could not be: %q", got)
	}
	// And when all is well, everything is replaced.
	os.Remove(b)
	if err := write().Commit(); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]string{a: "new a", b: "new b"} {
		if got, _ := os.ReadFile(p); string(got) != want {
			t.Errorf("%s = %q, want %q", filepath.Base(p), got, want)
		}
	}
}

// TestAddClose: outputs added while running and closed early are written
// and put in place by Commit like the others, hold no buffer once closed,
// and go with the others on Abort.
func TestAddClose(t *testing.T) {
	dir := t.TempDir()
	main := filepath.Join(dir, "index.html")
	outs, err := Create(main)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"a.html", "b.html"} {
		o, err := outs.Add(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		o.Write([]byte(name))
		if err := o.Close(); err != nil || o.Writer != nil {
			t.Fatalf("Close: %v, buffer kept: %v", err, o.Writer != nil)
		}
		if err := o.Close(); err != nil {
			t.Fatalf("a second Close: %v", err)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 3 || !strings.HasSuffix(entries[0].Name(), ".tmp") {
		t.Fatalf("before Commit: %v", entries)
	}
	outs.Writer(0).Write([]byte("index"))
	if err := outs.Commit(); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"index.html": "index", "a.html": "a.html", "b.html": "b.html"} {
		if got, _ := os.ReadFile(filepath.Join(dir, name)); string(got) != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	// Abort removes added and closed files too.
	other := t.TempDir()
	outs, _ = Create(filepath.Join(other, "index.html"))
	o, _ := outs.Add(filepath.Join(other, "c.html"))
	o.Close()
	outs.Abort()
	if entries, _ := os.ReadDir(other); len(entries) != 0 {
		t.Errorf("after Abort: %v", entries)
	}
}
