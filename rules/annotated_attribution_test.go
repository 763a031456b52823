package rules_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/corpuslint/corpuslint/internal/linttest"
	"github.com/corpuslint/corpuslint/internal/rule"
	"github.com/corpuslint/corpuslint/rules"
)

// TestAnnotatedAttribution scores the attribution rules, the optional
// article-level one included, on articles written for the purpose
// (testdata/annotated/attribution, Indonesian and English): quotes attributed
// before, after, split, by pronoun, carried from the paragraph before, vague
// sourcing, dangling verbs, and many clean lines.
func TestAnnotatedAttribution(t *testing.T) {
	var family []*rule.Rule
	for _, r := range rules.All() {
		if strings.HasPrefix(r.ID, "attribution/") {
			family = append(family, r)
		}
	}
	s := linttest.ScoreAnnotated(t, filepath.Join("..", "testdata", "annotated", "attribution"), family, "", "attribution")
	t.Log(s)
	assert.GreaterOrEqual(t, s.Precision, 0.9, "precision: %s", s)
	assert.GreaterOrEqual(t, s.Recall, 0.85, "recall: %s", s)
}
