package config_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/corpuslint/corpuslint/internal/config"
	"github.com/corpuslint/corpuslint/internal/lexicon"
	"github.com/corpuslint/corpuslint/internal/rule"
	"github.com/corpuslint/corpuslint/rules"
)

var update = flag.Bool("update", false, "rewrite the expected errors of testdata/config/bad")

const (
	goodDir    = "../../testdata/config/good"
	badDir     = "../../testdata/config/bad"
	schemaPath = "../../schema/corpuslint.schema.json"
)

// resolve loads the configuration file at path and resolves it with the
// built-in rules and the embedded language packs, without flags.
func resolve(t testing.TB, path string, data []byte) (*config.Resolved, error) {
	t.Helper()
	cfg, err := config.Parse(path, data)
	if err != nil {
		return nil, err
	}
	packs, err := lexicon.Embedded()
	require.NoError(t, err)
	return config.Resolve(cfg, rules.All(), packs, config.Flags{})
}

func schema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	path, err := filepath.Abs(schemaPath)
	require.NoError(t, err)
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	require.NoError(t, c.AddResource(path, doc))
	sch, err := c.Compile(path)
	require.NoError(t, err)
	return sch
}

// validateYAML validates a YAML document against the schema, as an editor
// would (YAML read as JSON).
func validateYAML(t *testing.T, sch *jsonschema.Schema, data []byte) error {
	t.Helper()
	var v any
	require.NoError(t, yaml.Unmarshal(data, &v))
	if v == nil {
		v = map[string]any{} // an empty file
	}
	js, err := json.Marshal(v)
	require.NoError(t, err)
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
	require.NoError(t, err)
	return sch.Validate(inst)
}

func files(t *testing.T, dir string) []string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	require.NoError(t, err)
	require.NotEmpty(t, names)
	sort.Strings(names)
	return names
}

func TestGoodConfigs(t *testing.T) {
	sch := schema(t)
	for _, path := range files(t, goodDir) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			require.NoError(t, err)
			res, err := resolve(t, path, data)
			require.NoError(t, err)
			assert.NoError(t, validateYAML(t, sch, data), "the schema must accept what the decoder accepts")

			// --print-config's output is itself a valid configuration that
			// prints the same again.
			var printed bytes.Buffer
			require.NoError(t, res.Print(&printed))
			assert.NoError(t, validateYAML(t, sch, printed.Bytes()), "printed:\n%s", printed.String())
			again, err := resolve(t, path, printed.Bytes())
			require.NoError(t, err, "printed:\n%s", printed.String())
			var twice bytes.Buffer
			require.NoError(t, again.Print(&twice))
			assert.Equal(t, printed.String(), twice.String())
			assert.Equal(t, ids(res.Base().Rules), ids(again.Base().Rules))
		})
	}
}

func ids(rs []*rule.Rule) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

// TestBadConfigs checks every bad configuration's errors against its .err
// file (go test ./internal/config -update rewrites them: read the diff), and
// that the schema agrees with the decoder: invalid-* files break the schema
// too, semantic-* files break only what the schema cannot know (rule IDs,
// regular expressions, languages, folders), syntax-* files are not YAML.
func TestBadConfigs(t *testing.T) {
	sch := schema(t)
	for _, path := range files(t, badDir) {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			require.NoError(t, err)
			_, err = resolve(t, path, data)
			require.Error(t, err)
			got := strings.ReplaceAll(err.Error(), badDir+"/", "") + "\n"
			for _, line := range strings.Split(strings.TrimSpace(got), "\n") {
				assert.Regexp(t, `^`+strings.ReplaceAll(name, ".", `\.`)+`:\d+(:\d+)?: `, line, "every error names the file and the line")
			}
			golden := strings.TrimSuffix(path, ".yaml") + ".err"
			if *update {
				require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err)
			assert.Equal(t, string(want), got)

			switch {
			case strings.HasPrefix(name, "invalid-"):
				assert.Error(t, validateYAML(t, sch, data), "the schema must reject it too")
				for _, line := range strings.Split(strings.TrimSpace(got), "\n") {
					assert.Regexp(t, `^[^:]+:\d+:\d+: `, line, "a decoding error names the column")
				}
			case strings.HasPrefix(name, "semantic-"):
				assert.NoError(t, validateYAML(t, sch, data), "only the decoder can tell; if the schema can, rename it invalid-")
			case strings.HasPrefix(name, "syntax-"):
				var v any
				assert.Error(t, yaml.Unmarshal(data, &v))
			default:
				t.Fatalf("name a bad configuration invalid-, semantic- or syntax-")
			}
		})
	}
}

// TestSchemaKnowsRuleOptions keeps the schema's per-rule options in step with
// the rules' declarations.
func TestSchemaKnowsRuleOptions(t *testing.T) {
	data, err := os.ReadFile(schemaPath)
	require.NoError(t, err)
	var doc struct {
		Defs struct {
			RuleSettings struct {
				Properties map[string]struct {
					Properties struct {
						Options struct {
							Properties map[string]map[string]any `json:"properties"`
						} `json:"options"`
					} `json:"properties"`
				} `json:"properties"`
			} `json:"ruleSettings"`
		} `json:"$defs"`
	}
	require.NoError(t, json.Unmarshal(data, &doc))
	inSchema := map[string][]string{}
	for id, p := range doc.Defs.RuleSettings.Properties {
		for name := range p.Properties.Options.Properties {
			inSchema[id] = append(inSchema[id], name)
		}
		sort.Strings(inSchema[id])
	}
	declared := map[string][]string{}
	for _, r := range rules.All() {
		if len(r.Options) > 0 {
			declared[r.ID] = r.OptionNames()
		}
	}
	assert.Equal(t, declared, inSchema)
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	sub := filepath.Join(root, "a", "b")
	require.NoError(t, os.MkdirAll(sub, 0o755))
	found, err := config.Find(sub)
	require.NoError(t, err)
	// A configuration further up (the test machine's) may exist; none is in root.
	assert.False(t, strings.HasPrefix(found, root))

	want := filepath.Join(root, "a", config.FileName)
	require.NoError(t, os.WriteFile(want, []byte("fail-level: error\n"), 0o644))
	found, err = config.Find(sub)
	require.NoError(t, err)
	assert.Equal(t, want, found)
}

func TestFlagsWinOverTheFile(t *testing.T) {
	cfg, err := config.Parse("c.yaml", []byte("fail-level: error\nlang: id\ndisable: [attribution]\n"))
	require.NoError(t, err)
	packs, err := lexicon.Embedded()
	require.NoError(t, err)
	res, err := config.Resolve(cfg, rules.All(), packs, config.Flags{FailLevel: "info", Lang: "en", Enable: []string{"attribution/vague-source"}})
	require.NoError(t, err)
	assert.Equal(t, "info", res.FailLevel.String())
	base := res.Base()
	assert.Equal(t, "en", base.Lang)
	assert.Contains(t, ids(base.Rules), "attribution/vague-source")
	assert.NotContains(t, ids(base.Rules), "attribution/unattributed-quote")

	_, err = config.Resolve(cfg, rules.All(), packs, config.Flags{Disable: []string{"artifact/nope"}})
	require.Error(t, err)
	assert.Equal(t, `--disable: no rule or category "artifact/nope"; --list-rules lists them`, err.Error())
}

// TestSelection checks the order in which enable and disable decide: the most
// specific name wins within a layer, disabling on a tie; overrides and flags
// come after the top level.
func TestSelection(t *testing.T) {
	for _, tc := range []struct {
		name, yaml string
		flags      config.Flags
		on, off    []string
	}{
		{"category off, one rule back on", "disable: [attribution]\nenable: [attribution/vague-source]\n", config.Flags{},
			[]string{"attribution/vague-source"}, []string{"attribution/unattributed-quote", "attribution/dangling-verb"}},
		{"same name both ways: disable wins", "enable: [artifact]\ndisable: [artifact]\n", config.Flags{},
			nil, []string{"artifact/read-more"}},
		{"glob beats category", "disable: [punctuation]\nenable: [\"punctuation/period-*\"]\n", config.Flags{},
			[]string{"punctuation/period-after-function-word", "punctuation/period-before-lowercase"}, []string{"punctuation/trailing-space"}},
		{"default none", "default: none\nenable: [encoding/*]\n", config.Flags{},
			[]string{"encoding/mojibake"}, []string{"artifact/read-more"}},
		{"flags after the file", "disable: [encoding]\n", config.Flags{Enable: []string{"encoding/mojibake"}},
			[]string{"encoding/mojibake"}, []string{"encoding/html-tag"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg, err := config.Parse("c.yaml", []byte(tc.yaml))
			require.NoError(t, err)
			packs, err := lexicon.Embedded()
			require.NoError(t, err)
			res, err := config.Resolve(cfg, rules.All(), packs, tc.flags)
			require.NoError(t, err)
			got := ids(res.Base().Rules)
			for _, id := range tc.on {
				assert.Contains(t, got, id)
			}
			for _, id := range tc.off {
				assert.NotContains(t, got, id)
			}
		})
	}
}

// TestProfilesPerOverrideSet checks that files under the same overrides share
// one profile, built once.
func TestProfilesPerOverrideSet(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, config.FileName)
	data := []byte("overrides:\n  - paths: [\"wire/**\"]\n    lang: en\n    disable: [artifact/title-suffix]\n    rules:\n      duplicate/repeated-paragraph: {severity: error, options: {min-words: 12}}\n")
	res, err := resolve(t, path, data)
	require.NoError(t, err)
	a := res.ProfileFor(filepath.Join(dir, "wire", "a.txt"))
	b := res.ProfileFor(filepath.Join(dir, "wire", "ap", "b.txt"))
	c := res.ProfileFor(filepath.Join(dir, "local", "c.txt"))
	assert.Same(t, a, b)
	assert.NotSame(t, a, c)
	assert.Equal(t, "en", a.Lang)
	assert.Equal(t, "auto", c.Lang)
	assert.NotContains(t, ids(a.Rules), "artifact/title-suffix")
	assert.Contains(t, ids(c.Rules), "artifact/title-suffix")
	assert.Equal(t, "error", a.Severity["duplicate/repeated-paragraph"].String())
	assert.Equal(t, 12, a.Options["duplicate/repeated-paragraph"]["min-words"])
	assert.Empty(t, c.Options["duplicate/repeated-paragraph"])
}

// TestReadmeExample keeps the README's example configuration the one the
// tests load.
func TestReadmeExample(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	full, err := os.ReadFile(filepath.Join(goodDir, "full.yaml"))
	require.NoError(t, err)
	assert.Contains(t, string(readme), "```yaml\n"+string(full)+"```\n", "README.md's Configuration example must be testdata/config/good/full.yaml")
}

// TestOneSeverityPolicy: the file's severities and --fail-level read the same
// three names, and nothing else (no "warn", no other case).
func TestOneSeverityPolicy(t *testing.T) {
	packs, err := lexicon.Embedded()
	require.NoError(t, err)
	for _, name := range []string{"info", "warning", "error"} {
		cfg, err := config.Parse("c.yaml", []byte("fail-level: "+name+"\nrules:\n  artifact: {severity: "+name+"}\n"))
		require.NoError(t, err)
		_, err = config.Resolve(cfg, rules.All(), packs, config.Flags{FailLevel: name})
		assert.NoError(t, err, name)
	}
	for _, name := range []string{"warn", "Warning", "notice", " error"} {
		cfg, err := config.Parse("c.yaml", []byte("fail-level: \""+name+"\"\nrules:\n  artifact: {severity: \""+name+"\"}\n"))
		require.NoError(t, err)
		_, err = config.Resolve(cfg, rules.All(), packs, config.Flags{})
		var errs config.Errors
		require.ErrorAs(t, err, &errs, name)
		assert.Len(t, errs, 2, "fail-level and the rule's severity: %v", err)
		_, err = config.Resolve(&config.Config{}, rules.All(), packs, config.Flags{FailLevel: name})
		assert.ErrorContains(t, err, "--fail-level: unknown severity", name)
	}
}
