package main

import (
	"bufio"
	"bytes"
	"debug/elf"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// releaseBinary returns the binary built the way the README and .ci/run
// build it (CGO_ENABLED=0, -trimpath): the one .ci/run made, named by
// $JOURNAL_RELEASE_BINARY, or one built here.
func releaseBinary(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("JOURNAL_RELEASE_BINARY"); p != "" {
		return p
	}
	if testing.Short() {
		t.Skip("builds the release binary; run without -short, or set JOURNAL_RELEASE_BINARY")
	}
	out := filepath.Join(t.TempDir(), "journal")
	c := exec.Command("go", "build", "-trimpath", "-o", out, ".")
	c.Env = append(os.Environ(), "CGO_ENABLED=0")
	if b, err := c.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, b)
	}
	return out
}

// TestReleaseBinaryIsStatic: the release binary needs no dynamic loader and
// no shared library, so it starts without the loader's work and runs on any
// Linux of its architecture.
func TestReleaseBinaryIsStatic(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("checks an ELF file")
	}
	f, err := elf.Open(releaseBinary(t))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, p := range f.Progs {
		if p.Type == elf.PT_DYNAMIC || p.Type == elf.PT_INTERP {
			t.Errorf("the binary has a %v program header: it is dynamically linked", p.Type)
		}
	}
	if s := f.Section(".dynamic"); s != nil {
		t.Errorf("the binary has a .dynamic section")
	}
	if libs, _ := f.ImportedLibraries(); len(libs) > 0 {
		t.Errorf("the binary needs shared libraries %v", libs)
	}
}

// TestStartupCompilesNothing: `journal --help` runs no package
// initialisation of ours that builds patterns or templates it does not
// use. GODEBUG=inittrace=1 prints each package's init allocations.
func TestStartupCompilesNothing(t *testing.T) {
	c := exec.Command(releaseBinary(t), "--help")
	c.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	c.Stderr = &stderr
	if err := c.Run(); err != nil {
		t.Fatalf("journal --help: %v\n%s", err, stderr.Bytes())
	}
	// init journal/journal @1.9 ms, 0.53 ms clock, 198280 bytes, 1469 allocs
	trace := stderr.String()
	seen := 0
	sc := bufio.NewScanner(strings.NewReader(trace))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 11 || f[0] != "init" || f[10] != "allocs" {
			continue
		}
		pkg := f[1]
		ours := pkg == "journal" || strings.HasPrefix(pkg, "journal/") || pkg == "github.com/atotto/clipboard"
		if !ours {
			continue
		}
		seen++
		allocs, err := strconv.Atoi(f[9])
		if err != nil {
			t.Fatalf("reading %q: %v", sc.Text(), err)
		}
		// Tables and error values are a few dozen allocations; one
		// compiled pattern is a hundred or more.
		if allocs > 100 {
			t.Errorf("init of %s makes %d allocations at start-up (at most 100): build it at first use", pkg, allocs)
		}
	}
	if seen == 0 {
		t.Fatalf("no init trace for our packages in:\n%s", trace)
	}
}
