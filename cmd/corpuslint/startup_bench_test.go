package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// BenchmarkStartup builds the command and runs it on one small article, as a
// user or an editor integration does: start-up (the runtime, package
// initialisation, loading the language packs, configuration discovery) plus
// checking a few lines. The README's start-up figure is the best of 30 runs
// of the same command (bench/README.md); this benchmark reports the mean.
//
//	go test ./cmd/corpuslint -run '^$' -bench Startup
func BenchmarkStartup(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "corpuslint")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	article, err := filepath.Abs("../../testdata/samples/clean-en.txt")
	if err != nil {
		b.Fatal(err)
	}
	if _, err := os.Stat(article); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		cmd := exec.Command(bin, article)
		cmd.Dir = b.TempDir() // no configuration file above it
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%s %s: %v\n%s", bin, article, err, out)
		}
	}
}
