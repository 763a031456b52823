package cli_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/corpuslint/corpuslint/internal/cli"
	"github.com/corpuslint/corpuslint/internal/config"
)

// project writes a configuration and articles into a new folder and makes it
// the working directory; files maps a relative path to its content.
func project(t *testing.T, cfg string, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	if cfg != "" {
		writeFile(t, dir, config.FileName, []byte(cfg), 0o644)
	}
	for name, text := range files {
		writeFile(t, dir, name, []byte(text), 0o644)
	}
	t.Chdir(dir)
	return dir
}

// jsonFindings runs with --format json and returns "path rule" for every finding.
func jsonFindings(t *testing.T, args ...string) ([]string, result) {
	t.Helper()
	r := run(t, "", append([]string{"--format", "json"}, args...)...)
	var doc struct {
		Findings []struct{ Rule, Path string }
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &doc), "stdout: %s\nstderr: %s", r.stdout, r.stderr)
	var out []string
	for _, f := range doc.Findings {
		out = append(out, filepath.ToSlash(f.Path)+" "+f.Rule)
	}
	return out, r
}

func TestConfigIsFoundInParentsOrGiven(t *testing.T) {
	article := string(fixture(t, withFindings))
	dir := project(t, "disable: [artifact/bare-domain]\n", map[string]string{"sub/a.txt": article})
	writeFile(t, dir, "strict.yaml", []byte("fail-level: error\n"), 0o644)
	t.Chdir(filepath.Join(dir, "sub"))

	got, r := jsonFindings(t, "a.txt")
	assert.Equal(t, cli.ExitFindings, r.code)
	assert.NotContains(t, got, "a.txt artifact/bare-domain", "the parent's configuration disables it")
	assert.Contains(t, got, "a.txt artifact/read-more")

	got, _ = jsonFindings(t, "--no-config", "a.txt")
	assert.Contains(t, got, "a.txt artifact/bare-domain")

	r = run(t, "", "--config", "../strict.yaml", "a.txt")
	assert.Equal(t, cli.ExitClean, r.code, "warnings are below the file's fail-level: %s", r.stderr)
	assert.Contains(t, r.stdout, "[artifact/bare-domain]", "--config replaces the one found")

	r = run(t, "", "--config", "../strict.yaml", "--fail-level", "warning", "a.txt")
	assert.Equal(t, cli.ExitFindings, r.code, "the flag wins over the file")
}

func TestConfigErrorsExitTwo(t *testing.T) {
	project(t, "fail_level: error\nrules:\n  artifact/read-more: {severity: fatal}\n", map[string]string{"a.txt": "Judul\n\nIsi berita.\n"})
	r := run(t, "", "a.txt")
	assert.Equal(t, cli.ExitError, r.code)
	assert.Equal(t, []string{
		`corpuslint: .corpuslint.yaml:1:1: unknown key "fail_level" in the configuration (did you mean "fail-level"? known keys: default, disable, enable, exclude, fail-level, ignore, include, lang, lexicons, overrides, patterns, rules)`,
	}, lines(r.stderr))
	assert.Empty(t, r.stdout)

	r = run(t, "", "--config", "missing.yaml", "a.txt")
	assert.Equal(t, cli.ExitError, r.code)
	assert.Equal(t, "corpuslint: missing.yaml: cannot read configuration: no such file\n", r.stderr)

	r = run(t, "", "--config", "x.yaml", "--no-config", "a.txt")
	assert.Equal(t, cli.ExitError, r.code)

	r = run(t, "", "--no-config", "--enable", "artifact/nope", "a.txt")
	assert.Equal(t, cli.ExitError, r.code)
	assert.Contains(t, r.stderr, `--enable: no rule or category "artifact/nope"`)
}

func TestConfigSelectsRulesAndSeverities(t *testing.T) {
	cfg := `default: none
enable: ["artifact/*"]
disable: [artifact/title-suffix]
fail-level: error
rules:
  artifact/read-more:
    severity: error
`
	project(t, cfg, map[string]string{"a.txt": string(fixture(t, withFindings))})
	got, r := jsonFindings(t, "a.txt")
	assert.Equal(t, cli.ExitFindings, r.code, "read-more is an error now")
	assert.Equal(t, []string{"a.txt artifact/bare-domain", "a.txt artifact/cut-dateline", "a.txt artifact/read-more"}, got)
	assert.Contains(t, r.stdout, `"severity": "error"`)

	got, _ = jsonFindings(t, "--enable", "artifact/title-suffix,duplicate", "--disable", "artifact/read-more", "a.txt")
	assert.Equal(t, []string{"a.txt artifact/bare-domain", "a.txt artifact/title-suffix", "a.txt duplicate/repeated-headline", "a.txt artifact/cut-dateline"}, got)

	r = run(t, "", "--list-rules")
	require.Equal(t, cli.ExitClean, r.code)
	assert.Regexp(t, `(?m)^artifact/read-more\s+error\s+safe\s+on\s`, r.stdout)
	assert.Regexp(t, `(?m)^artifact/title-suffix\s+warning\s+safe\s+off\s`, r.stdout)
	assert.Regexp(t, `(?m)^encoding/mojibake\s+error\s+safe\s+off\s`, r.stdout)
}

func TestConfigRuleOptions(t *testing.T) {
	// A nine-word paragraph repeated: reported with the default minimum of
	// eight words, not with a minimum of ten.
	article := "Pasar Pagi Dibuka Lagi\n\nPedagang kembali berjualan di pasar pagi sejak hari Senin.\n\nPemerintah kota memperbaiki atap pasar selama dua bulan.\n\nPedagang kembali berjualan di pasar pagi sejak hari Senin.\n"
	project(t, "", map[string]string{"a.txt": article})
	got, _ := jsonFindings(t, "a.txt")
	assert.Equal(t, []string{"a.txt duplicate/repeated-paragraph"}, got)

	writeFile(t, ".", config.FileName, []byte("rules:\n  duplicate/repeated-paragraph:\n    options: {min-words: 10}\n"), 0o644)
	got, r := jsonFindings(t, "a.txt")
	assert.Empty(t, got)
	assert.Equal(t, cli.ExitClean, r.code)

	writeFile(t, ".", config.FileName, []byte("rules:\n  duplicate/repeated-paragraph:\n    options: {min-wordz: 10}\n"), 0o644)
	r = run(t, "", "a.txt")
	assert.Equal(t, cli.ExitError, r.code)
	assert.Contains(t, r.stderr, `.corpuslint.yaml:3:15: rules.duplicate/repeated-paragraph.options: unknown option "min-wordz" of duplicate/repeated-paragraph (did you mean "min-words"? known: min-words, near-similarity)`)
}

func TestConfigIncludeExclude(t *testing.T) {
	bad := func(title string) string {
		return "situs.id\n\n" + title + "\n\nIsi berita yang cukup panjang untuk dibaca.\n"
	}
	project(t, "include: [\"**/*.txt\", \"*.article\"]\nexclude: [drafts, \"**/*.orig.txt\"]\n", map[string]string{
		"a.txt": bad("Judul Pertama"), "b.article": bad("Judul Kedua"), "c.orig.txt": bad("Judul Ketiga"),
		"drafts/d.txt": bad("Judul Keempat"), "notes.md": bad("Judul Kelima"), "deep/e.txt": bad("Judul Keenam"),
	})
	got, _ := jsonFindings(t, ".")
	assert.Equal(t, []string{"a.txt artifact/bare-domain", "b.article artifact/bare-domain", "deep/e.txt artifact/bare-domain"}, got)

	got, _ = jsonFindings(t, "drafts/d.txt", "notes.md")
	assert.Equal(t, []string{"notes.md artifact/bare-domain"}, got, "excluded even when named; a named file needs no include")

	got, _ = jsonFindings(t, "--exclude", "deep", ".")
	assert.Contains(t, got, "drafts/d.txt artifact/bare-domain", "--exclude replaces the file's excludes")
	assert.NotContains(t, got, "deep/e.txt artifact/bare-domain")
}

func TestConfigOverrides(t *testing.T) {
	article := string(fixture(t, withFindings))
	cfg := `overrides:
  - paths: ["wire/**"]
    disable: [artifact/read-more]
    rules:
      artifact/bare-domain: {severity: error}
  - paths: ["wire/ap/**"]
    enable: [artifact/read-more]
`
	project(t, cfg, map[string]string{"local/a.txt": article, "wire/b.txt": article, "wire/ap/c.txt": article})
	got, r := jsonFindings(t, "--disable", "duplicate", "local", "wire")
	assert.Contains(t, got, "local/a.txt artifact/read-more")
	assert.NotContains(t, got, "wire/b.txt artifact/read-more")
	assert.Contains(t, got, "wire/ap/c.txt artifact/read-more", "a later override wins")
	var doc struct {
		Findings []struct{ Rule, Path, Severity string }
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &doc))
	sev := map[string]string{}
	for _, f := range doc.Findings {
		if f.Rule == "artifact/bare-domain" {
			sev[filepath.ToSlash(f.Path)] = f.Severity
		}
	}
	assert.Equal(t, map[string]string{"local/a.txt": "warning", "wire/b.txt": "error", "wire/ap/c.txt": "error"}, sev)
}

func TestConfigOverrideLanguage(t *testing.T) {
	// An English article with a period after "to": forcing Indonesian makes
	// the English function words unknown, so the rule is silent.
	article := "Ministers Meet in Brussels\n\nThe ministers sent a letter to. Brussels on Monday after the meeting ended.\n"
	project(t, "overrides:\n  - paths: [\"id/**\"]\n    lang: id\ndisable: [duplicate]\n", map[string]string{"en/a.txt": article, "id/a.txt": article})
	got, _ := jsonFindings(t, ".")
	assert.Equal(t, []string{"en/a.txt punctuation/period-after-function-word"}, got)

	got, _ = jsonFindings(t, "--lang", "en", ".")
	assert.Equal(t, []string{"en/a.txt punctuation/period-after-function-word", "id/a.txt punctuation/period-after-function-word"}, got, "--lang wins over the file")
}

func TestConfigIgnores(t *testing.T) {
	cfg := `ignore:
  - rules: [artifact/read-more]
    match: Tips Menyimpan
    reason: the publisher keeps this box on purpose
  - paths: ["arsip/**"]
    reason: the archive is frozen
`
	clean := fixture(t, cleanArticle)
	dir := project(t, cfg, map[string]string{"a.txt": string(fixture(t, withFindings)), "arsip/lama.txt": string(clean)})
	got, r := jsonFindings(t, "a.txt", "arsip/lama.txt")
	assert.NotContains(t, got, "a.txt artifact/read-more")
	assert.Contains(t, got, "a.txt artifact/bare-domain")
	assert.Equal(t, []string{"corpuslint: .corpuslint.yaml:5:5: info: ignore[1] matched no finding; remove it if what it ignored is gone (reason: the archive is frozen)"},
		linesNaming(r.stderr, ".corpuslint.yaml"))
	var doc struct {
		ConfigNotes []struct {
			Path         string
			Line, Column int
		}
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &doc))
	require.Len(t, doc.ConfigNotes, 1)
	assert.Equal(t, 5, doc.ConfigNotes[0].Line)

	// --fix leaves what is ignored alone.
	r = run(t, "", "--fix", "a.txt")
	fixed, err := os.ReadFile(filepath.Join(dir, "a.txt"))
	require.NoError(t, err)
	assert.Contains(t, string(fixed), "Baca Juga: Tips Menyimpan Cabai")
	assert.NotContains(t, string(fixed), "kabarkota.id")

	// An unused ignore is info: it does not change the exit code. A run
	// over some files (a pre-commit hook's) says nothing of an ignore whose
	// paths match none of them: arsip/** is not checked here.
	writeFile(t, dir, "clean.txt", clean, 0o644)
	r = run(t, "", "clean.txt")
	assert.Equal(t, cli.ExitClean, r.code)
	assert.Equal(t, []string{"corpuslint: .corpuslint.yaml:2:5: info: ignore[0] matched no finding; remove it if what it ignored is gone (reason: the publisher keeps this box on purpose)"},
		linesNaming(r.stderr, "matched no finding"))
}

func TestConfigNotesInSARIF(t *testing.T) {
	project(t, "ignore:\n  - rules: [encoding]\n    reason: none expected\n", map[string]string{"a.txt": string(fixture(t, cleanArticle))})
	r := run(t, "", "--format", "sarif", "a.txt")
	require.Equal(t, cli.ExitClean, r.code, r.stderr)
	sch := sarifSchema(t)
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(r.stdout)))
	require.NoError(t, err)
	assert.NoError(t, sch.Validate(inst))
	assert.Contains(t, r.stdout, `"toolConfigurationNotifications"`)
	assert.Contains(t, r.stdout, `"startLine": 2`)

	r = run(t, "", "--format", "github", "a.txt")
	assert.Contains(t, r.stdout, "::notice col=5,file=.corpuslint.yaml,line=2,title=corpuslint configuration::ignore[0] matched no finding")
}

// sarifSchemaPath is the official SARIF schema kept with the report goldens,
// resolved before any test changes the working directory.
var sarifSchemaPath = func() string {
	p, _ := filepath.Abs("../../testdata/report/sarif-schema-2.1.0.json")
	return p
}()

// sarifSchema compiles the SARIF schema.
func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(sarifSchemaPath)
	require.NoError(t, err)
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	require.NoError(t, c.AddResource(sarifSchemaPath, doc))
	sch, err := c.Compile(sarifSchemaPath)
	require.NoError(t, err)
	return sch
}

func TestConfigPatterns(t *testing.T) {
	cfg := `patterns:
  - id: artifact/site-promo
    kind: existence
    message: newsletter promotion
    phrases: ["Dapatkan update berita pilihan"]
    fix: delete-line
  - id: punctuation/site-names
    kind: substitution
    replace:
      - {wrong: "Kim Jong II", right: "Kim Jong Il"}
  - id: artifact/site-pages
    kind: line
    regexps: ['Edisi cetak no\. \d+']
  - id: artifact/site-marker
    kind: existence
    phrases: ["TK"]
    match-case: true
    severity: info
`
	article := "Kim Jong II Bertemu Putin\n\nPemimpin Korea Utara Kim Jong II menyambut tamunya di bandara pada Rabu pagi.\n\nDAPATKAN UPDATE BERITA PILIHAN setiap hari di kanal kami.\n\nEdisi cetak no. 123\n\nPertemuan itu berlangsung tk lama, TK.\n"
	dir := project(t, cfg, map[string]string{"a.txt": article})
	r := run(t, "", "a.txt")
	assert.Equal(t, cli.ExitFindings, r.code)
	assert.Equal(t, []string{
		"punctuation/site-names", "punctuation/site-names", "artifact/site-promo", "artifact/site-pages", "artifact/site-marker",
	}, ruleTags(r.stdout))
	assert.Contains(t, r.stdout, "a.txt:5:1: warning: newsletter promotion: “DAPATKAN UPDATE BERITA PILIHAN”")
	assert.Contains(t, r.stdout, "a.txt:9:36: info: “TK” matches the site pattern artifact/site-marker")

	r = run(t, "", "--explain", "punctuation/site-names")
	assert.Equal(t, cli.ExitClean, r.code)
	assert.Contains(t, r.stdout, "“Kim Jong II” → “Kim Jong Il”")

	r = run(t, "", "--fix", "a.txt")
	fixed, err := os.ReadFile(filepath.Join(dir, "a.txt"))
	require.NoError(t, err)
	assert.Equal(t, "Kim Jong Il Bertemu Putin\n\nPemimpin Korea Utara Kim Jong Il menyambut tamunya di bandara pada Rabu pagi.\n\nEdisi cetak no. 123\n\nPertemuan itu berlangsung tk lama, TK.\n", string(fixed),
		"substitutions and delete-line applied; a line pattern without fix is only reported")
}

func TestConfigLexicons(t *testing.T) {
	cfg := "lexicons: packs\n"
	article := "Harga Beras Turun\n\nHarga beras di pasar turun sejak pekan lalu karena panen raya di Jawa.\n\nKlik di sini untuk berlangganan\n"
	project(t, cfg, map[string]string{
		"a.txt":                        article,
		"packs/id/widget-lines.txt":    "Klik di sini untuk berlangganan\tpitch\n",
		"packs/ms/stopwords.txt":       "yang\ndan\ndi\n",
		"packs/ms/abbreviations.txt":   "Sdn.\n",
		"packs/README-not-a-list.md":   "ignored\n",
		"packs/ms/nested/ignored.txt":  "not read\n",
		"packs/ms/readme-not-list.md":  "ignored\n",
		"packs/id/extra-list-here.txt": "anything\n",
	})
	got, _ := jsonFindings(t, "a.txt")
	assert.Equal(t, []string{"a.txt artifact/widget-line"}, got, "the added line is site furniture now")

	r := run(t, "", "--list-rules")
	assert.Contains(t, r.stdout, "\nlanguages: en, id, ms\n")

	r = run(t, "", "--lang", "ms", "a.txt")
	assert.NotEqual(t, cli.ExitError, r.code, r.stderr)
	r = run(t, "", "--no-config", "--lang", "ms", "a.txt")
	assert.Equal(t, cli.ExitError, r.code)
	assert.Contains(t, r.stderr, `--lang: unknown language "ms" (want auto or en, id)`)
}

func TestPrintConfig(t *testing.T) {
	project(t, "fail-level: error\nrules:\n  duplicate/repeated-paragraph: {options: {min-words: 12}}\n", nil)
	r := run(t, "", "--print-config", "--disable", "attribution", "--lang", "id")
	require.Equal(t, cli.ExitClean, r.code, r.stderr)
	assert.Contains(t, r.stdout, "fail-level: error\n")
	assert.Contains(t, r.stdout, "lang: id\n")
	assert.Contains(t, r.stdout, "      min-words: 12\n")
	assert.Contains(t, r.stdout, "      lead-paragraphs: 5\n", "defaults are shown")
	assert.Contains(t, r.stdout, "overrides:\n  - paths:\n      - '**'\n    disable:\n      - attribution\n", "flags appear as a last override")
	cfg, err := config.Parse("printed.yaml", []byte(r.stdout))
	require.NoError(t, err)
	assert.Equal(t, "error", cfg.FailLevel.V)

	r = run(t, "", "--print-config", "--no-config")
	require.Equal(t, cli.ExitClean, r.code)
	assert.True(t, strings.HasPrefix(r.stdout, "# corpuslint's effective configuration (no configuration file: defaults, and flags)\ndefault: recommended\n"), r.stdout)
}

func TestConfigPatternsLinkToConfigurationDocs(t *testing.T) {
	project(t, "patterns:\n  - id: artifact/site-promo\n    kind: existence\n    phrases: [Promo Spesial]\n", map[string]string{"a.txt": "Judul\n\nAda Promo Spesial hari ini.\n"})
	r := run(t, "", "--format", "rdjsonl", "a.txt")
	assert.Contains(t, r.stdout, `"code":{"value":"artifact/site-promo","url":"https://github.com/corpuslint/corpuslint/blob/main/README.md#configuration"}`)
	r = run(t, "", "--format", "sarif", "a.txt")
	assert.Contains(t, r.stdout, `"helpUri": "https://github.com/corpuslint/corpuslint/blob/main/README.md#configuration"`)
}
