package lexicon_test

import (
	"fmt"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/corpuslint/corpuslint/internal/lexicon"
)

func TestDetect(t *testing.T) {
	packs, err := lexicon.Embedded()
	require.NoError(t, err)
	for _, tc := range []struct{ text, want string }{
		{"Presiden mengatakan bahwa kerja sama dengan Korea Utara akan diperkuat pada tahun ini.", "id"},
		{"The council said that the new bus lanes would be finished by the end of the year.", "en"},
		{"Для соуса нужно 2 ст. л. оливкового масла и 1 ч. л. соли, а также немного перца.", ""},
		{"", ""},
		{"12 345 — 67", ""},
	} {
		assert.Equal(t, tc.want, packs.Detect(tc.text), "%q", tc.text)
	}
}

func TestListMatching(t *testing.T) {
	packs, err := lexicon.Embedded()
	require.NoError(t, err)
	id := packs.Pack("id")
	require.NotNil(t, id)
	assert.True(t, id.IsAbbreviation("Jl."))
	assert.True(t, id.IsAbbreviation("dkk."))
	assert.True(t, id.IsAbbreviation("Tbk."))
	assert.False(t, id.IsAbbreviation("ke."))
	// A lower-case entry matches in any case, a capitalised one only as
	// written: "dr." (dokter) was shadowed by "Dr." and never found.
	assert.True(t, id.IsAbbreviation("dr."))
	assert.True(t, id.IsAbbreviation("Dr."))
	assert.True(t, id.IsAbbreviation("yth."))
	assert.True(t, id.IsAbbreviation("No."))
	assert.False(t, id.IsAbbreviation("no."))
	// Whole words only, case ignored, leftmost-longest.
	ms := id.List("vague-sources").FindAll("Kabarnya, para ahli menilai; kabar beredar luas. Parahlinya tidak.")
	var got []string
	for _, m := range ms {
		got = append(got, m.Entry.Phrase)
	}
	assert.Equal(t, []string{"kabarnya", "para ahli", "kabar beredar"}, got)
	// Site furniture is matched across languages.
	assert.NotNil(t, packs.Union("widget-lines").Lookup("exit mobile version"))
	assert.NotNil(t, packs.Union("widget-lines").Lookup("Terkini Lainnya"))
}

// TestListsRejectCaseVariants checks that two entries differing only in case
// are an error naming the file and line: lists are matched ignoring case, so
// the second would be shadowed by the first ("READ MORE" by "Read more	colon",
// never reported without its colon).
func TestListsRejectCaseVariants(t *testing.T) {
	_, err := lexicon.Load(fstest.MapFS{
		"en/read-more.txt": {Data: []byte("# widgets\nRead more\tcolon\nRelated\tcolon\nREAD MORE\n")},
	})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "en/read-more.txt:4:")
	assert.Contains(t, err.Error(), "repeats line 2")

	packs, err := lexicon.Embedded()
	require.NoError(t, err, "the embedded lists hold each phrase once")
	err = packs.Add(fstest.MapFS{"id/abbreviations.txt": {Data: []byte("Xyzw.\nDR.\n")}})
	require.Error(t, err, "a user's list may not repeat an embedded entry")
	assert.Contains(t, err.Error(), "id/abbreviations.txt:2:")
}

// A missing list is one shared empty list, not a new one per call.
func TestMissingListIsSharedAndEmpty(t *testing.T) {
	packs, err := lexicon.Embedded()
	require.NoError(t, err)
	var none *lexicon.Pack
	l := none.List("abbreviations")
	assert.Zero(t, l.Len())
	assert.Nil(t, l.FindAll("Jl. Sudirman"))
	assert.False(t, none.IsAbbreviation("Jl."))
	assert.Same(t, l, none.List("vague-sources"))
	assert.Same(t, l, packs.Pack("id").List("no-such-list"))
	assert.Same(t, l, packs.Union("no-such-list"))
}

func TestDerivedBuildsOncePerListAndKey(t *testing.T) {
	type keyA struct{}
	type keyB struct{}
	l, other := lexicon.NewList("a", []string{"baca juga"}), lexicon.NewList("b", []string{"simak"})
	builds := 0
	build := func(l *lexicon.List) any { builds++; return l.Name + fmt.Sprint(builds) }
	assert.Equal(t, "a1", l.Derived(keyA{}, build))
	assert.Equal(t, "a1", l.Derived(keyA{}, build), "built once, then kept")
	assert.Equal(t, "a2", l.Derived(keyB{}, build), "another key is another value")
	assert.Equal(t, "b3", other.Derived(keyA{}, build), "another list is another value")
	assert.Equal(t, 3, builds)
}
