package fix

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// article is the text the Merge tests fix. Lines: 1 headline, 3 read-more line,
// 5 body with a doubled space, curly quotes and an em dash, 6 last line.
const article = "Judul Berita\n\nBaca Juga:  Berita lain\n\nIsi  berita “pertama” — ini.\nAkhir.\n"

func TestMerge(t *testing.T) {
	readMore := edit(t, article, "Baca Juga:  Berita lain\n\n", 0, "")
	spaceInReadMore := edit(t, article, "  ", 0, " ")
	spaceInBody := edit(t, article, "  ", 1, " ")
	bodyStart := strings.Index(article, "Isi")
	quoteOpen := edit(t, article, "“", 0, `"`)
	quoteClose := edit(t, article, "”", 0, `"`)
	dash := edit(t, article, " — ", 0, " - ")

	tests := []struct {
		name     string
		findings []finding.Finding
		want     Plan
		wantText string
	}{
		{
			name: "identical edits coalesce",
			findings: []finding.Finding{
				safe("punctuation/doubled-space", 5, spaceInBody),
				safe("punctuation/spacing", 5, spaceInBody),
			},
			want:     Plan{Edits: []finding.Edit{spaceInBody}, Applied: []int{0, 1}},
			wantText: strings.Replace(article, "Isi  berita", "Isi berita", 1),
		},
		{
			name: "an edit inside a deleted line is subsumed",
			findings: []finding.Finding{
				safe("punctuation/doubled-space", 3, spaceInReadMore),
				safe("artifact/read-more", 3, readMore),
			},
			want: Plan{Edits: []finding.Edit{readMore}, Applied: []int{1}, Skipped: []Skip{
				{Index: 0, Subsumed: true, Reason: "covered by the fix of artifact/read-more at line 3"},
			}},
			wantText: strings.Replace(article, "Baca Juga:  Berita lain\n\n", "", 1),
		},
		{
			name: "an edit at the start of a deleted line is subsumed: the larger fix goes first",
			findings: []finding.Finding{
				safe("artifact/label", 3, edit(t, article, "Baca Juga:", 0, "Baca juga:")),
				safe("artifact/read-more", 3, readMore),
			},
			want: Plan{Edits: []finding.Edit{readMore}, Applied: []int{1}, Skipped: []Skip{
				{Index: 0, Subsumed: true, Reason: "covered by the fix of artifact/read-more at line 3"},
			}},
			wantText: strings.Replace(article, "Baca Juga:  Berita lain\n\n", "", 1),
		},
		{
			name: "overlapping different edits conflict",
			findings: []finding.Finding{
				safe("punctuation/doubled-space", 5, spaceInBody),
				safe("attribution/said", 5, edit(t, article, "Isi  berita", 0, "Isi kabar")),
			},
			want: Plan{Edits: []finding.Edit{edit(t, article, "Isi  berita", 0, "Isi kabar")}, Applied: []int{1}, Skipped: []Skip{
				{Index: 0, Reason: "conflicts with the fix of attribution/said at line 5; run --fix again to apply it"},
			}},
			wantText: strings.Replace(article, "Isi  berita", "Isi kabar", 1),
		},
		{
			name: "two different insertions at one offset conflict; the rule ID decides",
			findings: []finding.Finding{
				safe("punctuation/b", 5, insertAt(bodyStart, "B ")),
				safe("punctuation/a", 5, insertAt(bodyStart, "A ")),
			},
			want: Plan{Edits: []finding.Edit{insertAt(bodyStart, "A ")}, Applied: []int{1}, Skipped: []Skip{
				{Index: 0, Reason: "conflicts with the fix of punctuation/a at line 5; run --fix again to apply it"},
			}},
			wantText: strings.Replace(article, "Isi", "A Isi", 1),
		},
		{
			name: "identical insertions coalesce",
			findings: []finding.Finding{
				safe("punctuation/a", 5, insertAt(bodyStart, "A ")),
				safe("punctuation/b", 5, insertAt(bodyStart, "A ")),
			},
			want:     Plan{Edits: []finding.Edit{insertAt(bodyStart, "A ")}, Applied: []int{0, 1}},
			wantText: strings.Replace(article, "Isi", "A Isi", 1),
		},
		{
			name: "touching edits do not conflict",
			findings: []finding.Finding{
				safe("punctuation/quotes", 5, quoteOpen, quoteClose),
				safe("punctuation/word", 5, edit(t, article, "pertama", 0, "kedua")),
				safe("punctuation/before", 5, insertAt(quoteOpen.Start, "<")),
				safe("punctuation/dash", 5, dash),
				safe("artifact/read-more", 3, readMore),
				safe("artifact/after-read-more", 5, insertAt(readMore.End, "> ")),
			},
			want: Plan{
				Edits:   []finding.Edit{readMore, insertAt(readMore.End, "> "), insertAt(quoteOpen.Start, "<"), quoteOpen, edit(t, article, "pertama", 0, "kedua"), quoteClose, dash},
				Applied: []int{0, 1, 2, 3, 4, 5},
			},
			wantText: "Judul Berita\n\n> Isi  berita <\"kedua\" - ini.\nAkhir.\n",
		},
		{
			name: "malformed fixes are skipped with a reason",
			findings: []finding.Finding{
				safe("a/out", 1, span(len(article)-1, len(article)+1, "")),
				safe("a/negative", 1, span(-1, 2, "")),
				safe("a/reversed", 1, span(5, 2, "")),
				safe("a/self-overlap", 1, span(0, 5, "x"), span(3, 8, "y")),
				safe("a/twice", 1, insertAt(3, "x"), insertAt(3, "y")),
				safe("a/nothing", 1, span(4, 4, "")),
				safe("a/none", 1),
			},
			want: Plan{Skipped: []Skip{
				{Index: 0, Reason: fmt.Sprintf("the fix is malformed: edit 1 covers bytes %d to %d, outside the text (%d bytes)", len(article)-1, len(article)+1, len(article))},
				{Index: 1, Reason: fmt.Sprintf("the fix is malformed: edit 1 covers bytes -1 to 2, outside the text (%d bytes)", len(article))},
				{Index: 2, Reason: "the fix is malformed: edit 1 starts at byte 5, after its end at byte 2"},
				{Index: 3, Reason: "the fix is malformed: its edits of bytes 0 to 5 and 3 to 8 overlap"},
				{Index: 4, Reason: "the fix is malformed: its edits of bytes 3 to 3 and 3 to 3 overlap"},
				{Index: 5, Reason: "the fix is malformed: it changes nothing"},
				{Index: 6, Reason: "the fix is malformed: it changes nothing"},
			}},
			wantText: article,
		},
		{
			name: "only the first safe fix counts; findings without one are ignored",
			findings: []finding.Finding{
				{Rule: "a/unsafe", Fixes: []finding.Fix{{Edits: []finding.Edit{dash}}}},
				{Rule: "a/second", Fixes: []finding.Fix{
					{Edits: []finding.Edit{quoteOpen}},
					{Edits: []finding.Edit{quoteClose}, Safe: true},
					{Edits: []finding.Edit{dash}, Safe: true},
				}},
				{Rule: "a/no-fix"},
			},
			want:     Plan{Edits: []finding.Edit{quoteClose}, Applied: []int{1}},
			wantText: strings.Replace(article, "”", `"`, 1),
		},
		{
			name: "a fix partly inside a deletion is subsumed whole",
			findings: []finding.Finding{
				safe("artifact/read-more", 3, readMore),
				safe("punctuation/spaces", 3, spaceInReadMore, spaceInBody),
			},
			want: Plan{Edits: []finding.Edit{readMore}, Applied: []int{0}, Skipped: []Skip{
				{Index: 1, Subsumed: true, Reason: "covered by the fix of artifact/read-more at line 3"},
			}},
			wantText: strings.Replace(article, "Baca Juga:  Berita lain\n\n", "", 1),
		},
		{
			name: "a conflict outranks a subsumption",
			findings: []finding.Finding{
				safe("artifact/read-more", 3, readMore),
				safe("punctuation/spaces", 3, spaceInReadMore, edit(t, article, "  berita", 0, " kabar")),
				safe("attribution/two", 1, edit(t, article, "Judul", 0, "JUDUL"), edit(t, article, "Isi  berita", 0, "Isi kabar")),
			},
			want: Plan{Edits: []finding.Edit{edit(t, article, "Judul", 0, "JUDUL"), readMore, edit(t, article, "Isi  berita", 0, "Isi kabar")}, Applied: []int{0, 2}, Skipped: []Skip{
				{Index: 1, Reason: "conflicts with the fix of attribution/two at line 1; run --fix again to apply it"},
			}},
			wantText: "JUDUL Berita\n\nIsi kabar “pertama” — ini.\nAkhir.\n",
		},
		{
			name: "an edit reaching out of a deletion conflicts; a whole-file finding has no line",
			findings: []finding.Finding{
				safe("encoding/whole", 0, readMore),
				safe("punctuation/join", 4, edit(t, article, "lain\n\nIsi", 0, "lain Isi")),
			},
			want: Plan{Edits: []finding.Edit{readMore}, Applied: []int{0}, Skipped: []Skip{
				{Index: 1, Reason: "conflicts with the fix of encoding/whole; run --fix again to apply it"},
			}},
			wantText: strings.Replace(article, "Baca Juga:  Berita lain\n\n", "", 1),
		},
		{
			name: "an insertion strictly inside a deletion is subsumed",
			findings: []finding.Finding{
				safe("artifact/read-more", 3, readMore),
				safe("punctuation/insert", 3, insertAt(readMore.Start+4, "!")),
			},
			want: Plan{Edits: []finding.Edit{readMore}, Applied: []int{0}, Skipped: []Skip{
				{Index: 1, Subsumed: true, Reason: "covered by the fix of artifact/read-more at line 3"},
			}},
			wantText: strings.Replace(article, "Baca Juga:  Berita lain\n\n", "", 1),
		},
		{
			name:     "no findings",
			want:     Plan{Edits: []finding.Edit{}},
			wantText: article,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Merge(len(article), tt.findings)
			if tt.want.Edits == nil {
				tt.want.Edits = []finding.Edit{}
			}
			assert.Equal(t, tt.want, got)
			text, err := Apply(article, got.Edits)
			require.NoError(t, err)
			assert.Equal(t, tt.wantText, text)
		})
	}
}

// TestMergeOrderIndependent merges the same findings in every order and checks
// that the plan is the same up to the findings' positions.
func TestMergeOrderIndependent(t *testing.T) {
	readMore := edit(t, article, "Baca Juga:  Berita lain\n\n", 0, "")
	base := []finding.Finding{
		safe("punctuation/doubled-space", 3, edit(t, article, "  ", 0, " ")),
		safe("artifact/read-more", 3, readMore),
		safe("punctuation/body-space", 5, edit(t, article, "  ", 1, " ")),
		safe("attribution/said", 5, edit(t, article, "Isi  berita", 0, "Isi kabar")),
		safe("punctuation/a", 5, insertAt(strings.Index(article, "Akhir"), "A ")),
		safe("punctuation/b", 6, insertAt(strings.Index(article, "Akhir"), "B ")),
	}
	type outcome struct {
		Edits    []finding.Edit
		Applied  []string
		Skipped  map[string]Skip
		Rendered string
	}
	summarize := func(fs []finding.Finding, p Plan) outcome {
		o := outcome{Edits: p.Edits, Skipped: map[string]Skip{}}
		for _, i := range p.Applied {
			o.Applied = append(o.Applied, fs[i].Rule)
		}
		sort.Strings(o.Applied)
		for _, s := range p.Skipped {
			rule := fs[s.Index].Rule
			s.Index = 0
			o.Skipped[rule] = s
		}
		text, err := Apply(article, p.Edits)
		require.NoError(t, err)
		o.Rendered = text
		return o
	}
	want := summarize(base, Merge(len(article), base))
	require.Equal(t, []string{"artifact/read-more", "attribution/said", "punctuation/a"}, want.Applied)
	require.Len(t, want.Skipped, 3)

	perm := make([]int, len(base))
	for i := range perm {
		perm[i] = i
	}
	count := 0
	permute(perm, 0, func(p []int) {
		fs := make([]finding.Finding, len(p))
		for i, j := range p {
			fs[i] = base[j]
		}
		assert.Equal(t, want, summarize(fs, Merge(len(article), fs)), "order %v", p)
		count++
	})
	assert.Equal(t, 720, count)
}

// permute calls f with every permutation of a.
func permute(a []int, k int, f func([]int)) {
	if k == len(a) {
		f(a)
		return
	}
	for i := k; i < len(a); i++ {
		a[k], a[i] = a[i], a[k]
		permute(a, k+1, f)
		a[k], a[i] = a[i], a[k]
	}
}

// Two line deletions that both claim the blank line between them (a deleted
// spacer line and a deleted last line) delete their union, in one run.
func TestMergeUnitesOverlappingDeletions(t *testing.T) {
	text := "Kalimat.\n\n\u00a0\n\nExit mobile version"
	// The spacer line and the blank line after it: bytes 10 to 14.
	spacer := finding.Finding{Rule: "punctuation/trailing-space", Fixes: []finding.Fix{{Safe: true, Edits: []finding.Edit{{Span: finding.Span{Start: 10, End: 14}}}}}}
	last := finding.Finding{Rule: "artifact/widget-line", Fixes: []finding.Fix{{Safe: true, Edits: []finding.Edit{{Span: finding.Span{Start: 12, End: len(text)}}}}}}
	for _, order := range [][]finding.Finding{{spacer, last}, {last, spacer}} {
		plan := Merge(len(text), order)
		require.Empty(t, plan.Skipped)
		require.Len(t, plan.Applied, 2)
		got, err := Apply(text, plan.Edits)
		require.NoError(t, err)
		require.Equal(t, "Kalimat.\n\n", got)
	}
	// A deletion and a replacement that overlap still conflict.
	repl := finding.Finding{Rule: "x/y", Fixes: []finding.Fix{{Safe: true, Edits: []finding.Edit{{Span: finding.Span{Start: 8, End: 14}, New: "!"}}}}}
	plan := Merge(len(text), []finding.Finding{last, repl})
	require.Len(t, plan.Skipped, 1)
	require.Contains(t, plan.Skipped[0].Reason, "conflicts with")
}
