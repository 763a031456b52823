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
