package rules

import (
	"cmp"
	"encoding/binary"
	"slices"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/minhash"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// nearThreshold is the estimated Jaccard similarity of two bodies' word 5-gram
// sets from which a candidate pair is reported: LSH with 14 bands of 8 rows
// makes pairs of similarity 0.8 candidates nine times in ten.
const nearThreshold = 0.8

// nearKey is the one key under which every file's sketch is exported.
const nearKey = "near"

// A file's fact is its sketch, kept inline by the engine as bytes: its body's
// MinHash signature (112 bytes) and a hash of the whole body (8 bytes), which
// tells exact copies (reported by duplicate/same-body) from near ones.
const sketchSize = minhash.Size + 8

func nearSketch(sig minhash.Signature, body uint64) []byte {
	return binary.LittleEndian.AppendUint64(append(make([]byte, 0, sketchSize), sig[:]...), body)
}

// sketchParts returns a sketch's signature and body hash.
func sketchParts(b []byte) (*minhash.Signature, uint64) {
	return (*minhash.Signature)(b[:minhash.Size]), binary.LittleEndian.Uint64(b[minhash.Size:])
}

// nearMatch is a file's earliest near duplicate.
type nearMatch struct {
	first      rule.Fact
	similarity float64
}

// NearDuplicate finds articles whose bodies are nearly the same as an earlier
// file's: MinHash over word 5-grams with LSH banding.
var NearDuplicate = &rule.Rule{
	ID:       "duplicate/near-duplicate",
	Title:    "nearly the same article body as another file of the corpus",
	Severity: finding.Warning,
	Doc: rule.Doc{
		What:    "Two files whose bodies (everything after the headline, folded like duplicate/same-body) share most of their five-word sequences: MinHash signatures of the word 5-grams, banded 14 × 8 for locality-sensitive hashing (candidates from a Jaccard similarity of about 0.8), each candidate pair confirmed when the similarity estimated from the whole 112-value signature is 0.8 or more. Reported on every later file in path order, pointing at the earliest file it nearly repeats, with the estimated similarity; exact copies are left to duplicate/same-body. No fix.",
		Why:     "A story re-published with a corrected figure or an extra paragraph is still the same story: it leaks between a corpus's splits and counts twice in its statistics, and exact-hash deduplication misses it.",
		Bad:     "Putin Tiba di Pyongyang\n\nPresiden Rusia Vladimir Putin tiba di Pyongyang pada Rabu dini hari untuk kunjungan pertamanya ke Korea Utara dalam 24 tahun. Ia disambut langsung oleh Kim Jong Un di bandara, lalu kedua pemimpin menuju Istana Kumsusan untuk upacara resmi dan pembicaraan tertutup tentang kerja sama pertahanan, perdagangan dan energi yang akan ditandatangani pekan ini. Kunjungan ini diawasi ketat oleh Washington dan Seoul.\n",
		Good:    "Kim Sambut Putin di Bandara\n\nKim Jong Un menyambut Presiden Rusia Vladimir Putin di bandara Pyongyang pada Rabu dini hari. Kedua pemimpin kemudian menuju Istana Kumsusan untuk upacara resmi dan pembicaraan tertutup. Analis di Seoul menilai pertemuan itu sebagai sinyal kepada Washington bahwa Moskow dan Pyongyang kini bersekutu.\n",
		Lang:    "id",
		Earlier: "Putin Mendarat di Pyongyang\n\nPresiden Rusia Vladimir Putin tiba di Pyongyang pada Rabu dini hari untuk kunjungan pertamanya ke Korea Utara dalam 24 tahun. Ia disambut langsung oleh Kim Jong Un di bandara, lalu kedua pemimpin menuju Istana Kumsusan untuk upacara resmi dan pembicaraan tertutup tentang kerja sama pertahanan, perdagangan dan energi yang akan ditandatangani pekan ini.\n",
	},
	Collect: func(p *rule.Pass) {
		b := articleBody(p)
		if !b.ok {
			return
		}
		// The body's hash is the first 8 bytes of the sum same-body keys by.
		p.ExportFact(nearKey, b.first, nearSketch(minhash.SignText(b.text), binary.LittleEndian.Uint64(b.sum[:8])))
	},
	Corpus: func(p *rule.CorpusPass) {
		matches := p.Once(func() any { return findNearDuplicates(p) }).(map[string]nearMatch)
		m, ok := matches[p.Path]
		if !ok || len(p.Own) == 0 {
			return
		}
		own, first := p.Own[0], m.first
		p.Report(finding.Finding{
			Span:    own.Span,
			Range:   own.Range,
			Message: "nearly the same body as " + first.Path + " (line " + itoa(first.Range.Start.Line) + "), estimated similarity " + percent(m.similarity),
			Related: []finding.Location{{Path: first.Path, Span: first.Span, Range: first.Range, Message: "earlier near copy"}},
		})
	},
}

// findNearDuplicates indexes every file's signature, in path order, and returns
// each later file's earliest near duplicate by path. The facts are read one at
// a time, and the index lives only while this runs: 112 bytes a file, and
// about 45 more for the body hashes, the exact copies and the search.
func findNearDuplicates(p *rule.CorpusPass) map[string]nearMatch {
	n := p.FactCount(nearKey)
	x := minhash.NewIndex(n)
	bodies := make([]uint64, n)
	// sameFile[i]: fact i is of the same file as fact i-1 (a file exports
	// one sketch, but the engine does not promise it).
	sameFile := make([]bool, n)
	prev := ""
	for i := range n {
		f := p.FactAt(nearKey, i)
		sig, body := sketchParts(f.Value.([]byte))
		x.Add(sig)
		bodies[i] = body
		sameFile[i] = i > 0 && f.Path == prev
		prev = f.Path
	}
	// A file that exactly repeats an earlier one is duplicate/same-body's.
	copyOfEarlier := make([]bool, n)
	type numbered struct {
		body uint64
		i    int32
	}
	order := make([]numbered, n)
	for i := range order {
		order[i] = numbered{bodies[i], int32(i)}
	}
	slices.SortFunc(order, func(a, b numbered) int {
		if a.body != b.body {
			return cmp.Compare(a.body, b.body)
		}
		return cmp.Compare(a.i, b.i)
	})
	for i := 1; i < len(order); i++ {
		if order[i].body == order[i-1].body {
			copyOfEarlier[order[i].i] = true
		}
	}
	same := func(doc, first int) bool {
		// Facts are in path order: one file's are next to each other.
		for i := doc; i > first; i-- {
			if !sameFile[i] {
				return false
			}
		}
		return true
	}
	exact := func(doc, first int) bool {
		return bodies[doc] == bodies[first] || same(doc, first)
	}
	out := map[string]nearMatch{}
	for _, m := range x.Earliest(nearThreshold, copyOfEarlier, exact) {
		out[p.FactAt(nearKey, m.Doc).Path] = nearMatch{first: p.FactAt(nearKey, m.First), similarity: m.Similarity}
	}
	return out
}
