package actiontest

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/corpuslint/corpuslint/internal/linttest"
)

// readmeWorkflows returns the YAML blocks of the README's GitHub Action section.
func readmeWorkflows(t *testing.T, root string) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, "README.md"))
	require.NoError(t, err)
	_, section, ok := strings.Cut(string(data), "\n## GitHub Action\n")
	require.True(t, ok, "README has no GitHub Action section")
	if i := strings.Index(section, "\n## "); i >= 0 {
		section = section[:i]
	}
	var blocks []string
	for _, m := range regexp.MustCompile("(?s)```yaml\n(.*?)```").FindAllStringSubmatch(section, -1) {
		blocks = append(blocks, m[1])
	}
	return blocks
}

// workflow is the part of a workflow the README's examples are checked on.
type workflow struct {
	Permissions map[string]string `yaml:"permissions"`
	Jobs        map[string]struct {
		Steps []struct {
			ID   string            `yaml:"id"`
			Uses string            `yaml:"uses"`
			With map[string]string `yaml:"with"`
			Env  map[string]string `yaml:"env"`
			If   string            `yaml:"if"`
		} `yaml:"steps"`
	} `yaml:"jobs"`
}

func TestReadmeExampleWorkflowsMatchTheAction(t *testing.T) {
	root := linttest.RepoRoot(t)
	a := loadAction(t, root)
	blocks := readmeWorkflows(t, root)
	require.Len(t, blocks, 4, "the one-minute workflow and the three examples")
	outputRE := regexp.MustCompile(`steps\.corpuslint\.outputs\.([a-z-]+)`)
	reporters := map[string]bool{}
	for i, b := range blocks {
		var w workflow
		require.NoError(t, yaml.Unmarshal([]byte(b), &w), "README workflow %d", i+1)
		assert.Equal(t, "read", w.Permissions["contents"], "workflow %d states its permissions", i+1)
		used := false
		for _, job := range w.Jobs {
			for _, s := range job.Steps {
				for _, v := range s.Env {
					for _, m := range outputRE.FindAllStringSubmatch(v, -1) {
						assert.Contains(t, a.Outputs, m[1], "workflow %d reads an output the action has", i+1)
					}
				}
				for _, m := range outputRE.FindAllStringSubmatch(s.If+" "+s.With["sarif_file"], -1) {
					assert.Contains(t, a.Outputs, m[1], "workflow %d reads an output the action has", i+1)
				}
				if !strings.HasPrefix(s.Uses, "corpuslint/corpuslint@") {
					continue
				}
				used = true
				for name := range s.With {
					assert.Contains(t, a.Inputs, name, "workflow %d gives an input the action has", i+1)
				}
				reporter := s.With["reporter"]
				if reporter == "" {
					reporter = "annotations"
				}
				reporters[reporter] = true
				switch reporter {
				case "pr-review":
					assert.Equal(t, "write", w.Permissions["pull-requests"], "a review needs pull-requests: write")
				case "sarif":
					assert.Equal(t, "write", w.Permissions["security-events"], "an upload needs security-events: write")
				}
			}
		}
		assert.True(t, used, "workflow %d uses the action", i+1)
	}
	assert.Equal(t, map[string]bool{"annotations": true, "pr-review": true, "sarif": true}, reporters)
}
