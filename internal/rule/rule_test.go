package rule

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCorpusPassOnceBuildsOncePerShared(t *testing.T) {
	builds := 0
	build := func() any { builds++; return builds }
	shared := &Shared{}
	var wg sync.WaitGroup
	got := make([]any, 8)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := NewCorpusPass(&Rule{}, "a.txt", nil, nil, nil)
			p.Shared = shared
			got[i] = p.Once(build)
		}()
	}
	wg.Wait()
	assert.Equal(t, 1, builds, "one build for every pass that shares")
	for _, v := range got {
		assert.Equal(t, 1, v)
	}

	alone := NewCorpusPass(&Rule{}, "b.txt", nil, nil, nil)
	assert.Equal(t, 2, alone.Once(build), "a pass that shares nothing builds afresh")
	assert.Equal(t, 3, alone.Once(build))
}

func TestSiblingWordsOptionReadsTheRunsSettingOrTheDefault(t *testing.T) {
	sibling := &Rule{ID: "punctuation/a", Options: []Option{{Name: "allow", Kind: WordsOption, Default: []string{"x"}}}}
	self := &Rule{ID: "punctuation/b"}
	p := &Pass{Rule: self}
	assert.Equal(t, []string{"x"}, p.SiblingWordsOption(sibling, "allow"), "unset: the sibling's default")
	p.RunOptions = map[string]map[string]any{"punctuation/a": {"allow": []string{"atau"}}}
	assert.Equal(t, []string{"atau"}, p.SiblingWordsOption(sibling, "allow"), "set: what the run gave the sibling")
	assert.Panics(t, func() { p.SiblingWordsOption(sibling, "deny") }, "an undeclared option is a programming error")
}
