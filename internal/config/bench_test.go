package config_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/corpuslint/corpuslint/internal/config"
	"github.com/corpuslint/corpuslint/internal/finding"
)

// BenchmarkPerFile measures what configuration costs a file: its profile
// (three overrides to match) and three ignores tried on five findings.
func BenchmarkPerFile(b *testing.B) {
	dir := b.TempDir()
	data := []byte(`overrides:
  - paths: ["wire/**"]
    disable: [artifact/title-suffix]
  - paths: ["wire/ap/**"]
    lang: en
  - paths: ["**/opini/**"]
    rules: {attribution/unattributed-quote: {severity: info}}
ignore:
  - paths: ["arsip/**"]
    reason: frozen
  - rules: [artifact/read-more]
    match: Tips
    reason: kept
  - rules: [duplicate]
    reason: expected
`)
	res, err := resolve(b, filepath.Join(dir, config.FileName), data)
	if err != nil {
		b.Fatal(err)
	}
	paths := make([]string, 1000)
	for i := range paths {
		paths[i] = filepath.Join(dir, []string{"wire", "wire/ap", "lokal/opini", "lokal"}[i%4], fmt.Sprintf("a%04d.txt", i))
	}
	f := finding.Finding{Rule: "punctuation/missing-space", Message: "no space after “.” in “hujan.Pembeli”"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p := paths[i%len(paths)]
		res.ProfileFor(p)
		f.Path = p
		for j := 0; j < 5; j++ {
			res.Drop(&f, "hujan.Pembeli")
		}
	}
}
