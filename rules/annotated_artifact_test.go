package rules_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/corpuslint/corpuslint/internal/linttest"
	"github.com/corpuslint/corpuslint/rules"
)

// TestAnnotatedArtifact scores the artifact and encoding rules against
// testdata/annotated/artifact: articles written for the purpose in the manner
// of the real sources (detik, Kompas, Kontan, blogs, English wire and local
// news; line-broken and flattened), with every widget kind of issue 4 and clean
// look-alikes (datelines, bylines, sentences about advertising, reading and
// sharing). expected.tsv marks each line a finding must cover.
func TestAnnotatedArtifact(t *testing.T) {
	s := linttest.ScoreAnnotated(t, "../testdata/annotated/artifact", rules.All(), "", "artifact", "encoding")
	assert.GreaterOrEqual(t, s.Owed, 80, "the annotated set lost its owed lines")
	assert.GreaterOrEqual(t, s.Recall, 0.98, "recall fell:\n%s", s)
	assert.GreaterOrEqual(t, s.Precision, 0.98, "precision fell:\n%s", s)
	t.Log(s)
}
