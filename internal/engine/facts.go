package engine

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"slices"
	"sort"
	"unsafe"

	"github.com/corpuslint/corpuslint/internal/rule"
)

// factStore holds every corpus rule's facts between the two phases: the
// cross-file index, the one part of a run's memory that grows with the
// corpus. Files are added in path order, each a number. A fact is a few
// varint bytes in an arena of chunks: its file's number, its key, its span, its range as small deltas from the span and from each other, and
// its value (a []byte value inline, any other value in a side list). Each
// rule numbers its facts file after file, each file's in export order, so a
// file's own facts are found again by a binary search. A key names its one
// fact's number or, when it has several, a list of them: most keys (a
// headline, a body) have one. Facts are expanded into rule.Fact only when
// read.
type factStore struct {
	// files holds the path of every file added, by number.
	files []string
	rules map[string]*ruleFacts
	// chunks hold the encoded facts; a fact never straddles two.
	chunks [][]byte
	// values holds the values that are neither nil nor []byte.
	values []any
	// scratch is reused to encode one fact.
	scratch []byte
	// order is reused to list one rule's facts of a file in span order.
	order []int32
}

// ruleFacts is one rule's facts.
type ruleFacts struct {
	// keys gives a key's one fact number, or -1-i for lists[i].
	keys map[string]int32
	// lists hold the numbers of the facts of keys that have several, in
	// path order, then span order.
	lists [][]int32
	// at gives each fact number the place of its encoding: chunk<<32 | offset.
	at []uint64
}

// chunkSize is the arena's unit: large enough that chunk headers cost nothing
// (24 bytes a chunk of about 400 facts), small enough that the last one's
// unused room does not matter.
const chunkSize = 64 << 10

func newFactStore() *factStore {
	return &factStore{rules: map[string]*ruleFacts{}}
}

// addFile numbers the next file in path order.
func (s *factStore) addFile(path string) int {
	s.files = append(s.files, path)
	return len(s.files) - 1
}

// add stores the facts the file numbered file exported, by rule ID, each
// rule's in export order. Each key's facts stay in path order, then span
// order.
func (s *factStore) add(file int, facts map[string][]rule.OwnFact) {
	for id, exported := range facts {
		rf := s.rules[id]
		if rf == nil {
			rf = &ruleFacts{keys: map[string]int32{}}
			s.rules[id] = rf
		}
		base := int32(len(rf.at))
		for _, of := range exported {
			rf.at = append(rf.at, s.encode(file, of.Key, of.Fact))
		}
		// Listed under their keys in span order, so that a key's facts are
		// sorted.
		order := s.order[:0]
		for i := range exported {
			order = append(order, int32(i))
		}
		s.order = order
		slices.SortStableFunc(order, func(a, b int32) int {
			x, y := exported[a].Span, exported[b].Span
			if c := cmp.Compare(x.Start, y.Start); c != 0 {
				return c
			}
			return cmp.Compare(x.End, y.End)
		})
		for _, i := range order {
			rf.list(exported[i].Key, base+i)
		}
	}
}

// list adds fact number n to key's facts.
func (rf *ruleFacts) list(key string, n int32) {
	v, ok := rf.keys[key]
	switch {
	case !ok:
		rf.keys[key] = n
	case v >= 0:
		rf.lists = append(rf.lists, []int32{v, n})
		rf.keys[key] = -int32(len(rf.lists))
	default:
		rf.lists[-1-v] = append(rf.lists[-1-v], n)
	}
}

// encode appends the fact to the arena and returns where it sits.
func (s *factStore) encode(file int, key string, f rule.Fact) uint64 {
	b := binary.AppendUvarint(s.scratch[:0], uint64(file))
	b = binary.AppendUvarint(b, uint64(len(key)))
	b = append(b, key...)
	r := f.Range
	for _, d := range [...]int{
		f.Span.Start, f.Span.End - f.Span.Start,
		r.Start.Offset - f.Span.Start, r.Start.Line, r.Start.Column, r.Start.RuneColumn - r.Start.Column, r.Start.UTF16Column - r.Start.RuneColumn,
		r.End.Offset - f.Span.End, r.End.Line - r.Start.Line, r.End.Column, r.End.RuneColumn - r.End.Column, r.End.UTF16Column - r.End.RuneColumn,
	} {
		b = binary.AppendVarint(b, int64(d))
	}
	switch v := f.Value.(type) {
	case nil:
		b = append(b, valueNil)
	case []byte:
		b = append(b, valueBytes)
		b = binary.AppendUvarint(b, uint64(len(v)))
		b = append(b, v...)
	default:
		b = append(b, valueOther)
		b = binary.AppendUvarint(b, uint64(len(s.values)))
		s.values = append(s.values, v)
	}
	s.scratch = b
	last := len(s.chunks) - 1
	if last < 0 || len(s.chunks[last])+len(b) > cap(s.chunks[last]) {
		s.chunks = append(s.chunks, make([]byte, 0, max(chunkSize, len(b))))
		last++
	}
	at := uint64(last)<<32 | uint64(len(s.chunks[last]))
	s.chunks[last] = append(s.chunks[last], b...)
	return at
}

// The kinds of value a fact's encoding ends with.
const (
	valueNil byte = iota
	valueBytes
	valueOther
)

// fileOf returns the number of the file of the fact stored at at.
func (s *factStore) fileOf(at uint64) int {
	file, _ := binary.Uvarint(s.chunks[at>>32][uint32(at):])
	return int(file)
}

// decode expands the fact stored at at, and returns its key when wantKey.
func (s *factStore) decode(at uint64, wantKey bool) (rule.Fact, string) {
	b := s.chunks[at>>32][uint32(at):]
	file, n := binary.Uvarint(b)
	b = b[n:]
	size, n := binary.Uvarint(b)
	b = b[n:]
	var key string
	if wantKey && size > 0 {
		// An arena's bytes are never written again once a fact is in: the
		// key can share them, as a []byte value does.
		key = unsafe.String(&b[0], int(size))
	}
	b = b[size:]
	next := func() int {
		v, n := binary.Varint(b)
		b = b[n:]
		return int(v)
	}
	var f rule.Fact
	f.Path = s.files[file]
	f.Span.Start = next()
	f.Span.End = f.Span.Start + next()
	r := &f.Range
	r.Start.Offset = f.Span.Start + next()
	r.Start.Line = next()
	r.Start.Column = next()
	r.Start.RuneColumn = r.Start.Column + next()
	r.Start.UTF16Column = r.Start.RuneColumn + next()
	r.End.Offset = f.Span.End + next()
	r.End.Line = r.Start.Line + next()
	r.End.Column = next()
	r.End.RuneColumn = r.End.Column + next()
	r.End.UTF16Column = r.End.RuneColumn + next()
	kind := b[0]
	b = b[1:]
	switch kind {
	case valueBytes:
		size, n := binary.Uvarint(b)
		b = b[n:]
		if size > 0 {
			f.Value = b[:size:size]
		} else {
			f.Value = []byte(nil)
		}
	case valueOther:
		i, _ := binary.Uvarint(b)
		f.Value = s.values[i]
	}
	return f, key
}

// own rebuilds the facts that ruleID's Collect exported for the file
// numbered file, in export order.
func (s *factStore) own(ruleID string, file int) []rule.OwnFact {
	rf := s.rules[ruleID]
	if rf == nil {
		return nil
	}
	from := sort.Search(len(rf.at), func(i int) bool { return s.fileOf(rf.at[i]) >= file })
	to := from
	for to < len(rf.at) && s.fileOf(rf.at[to]) == file {
		to++
	}
	if to == from {
		return nil
	}
	out := make([]rule.OwnFact, to-from)
	for i := range out {
		out[i].Fact, out[i].Key = s.decode(rf.at[from+i], true)
	}
	return out
}

// factView is one rule's facts, as phase two reads them.
type factView struct {
	store *factStore
	facts *ruleFacts
}

// nth returns the number of key's ith fact and how many key has, without
// building a list for a key of one fact.
func (v factView) nth(key string, i int) (n int32, count int) {
	if v.facts == nil {
		return -1, 0
	}
	x, ok := v.facts.keys[key]
	switch {
	case !ok:
		return -1, 0
	case x >= 0:
		return x, 1
	}
	list := v.facts.lists[-1-x]
	if i < len(list) {
		n = list[i]
	}
	return n, len(list)
}

// Lookup returns the facts under key, sorted by path then span.
func (v factView) Lookup(key string) []rule.Fact {
	n, count := v.nth(key, 0)
	switch count {
	case 0:
		return nil
	case 1:
		f, _ := v.store.decode(v.facts.at[n], false)
		return []rule.Fact{f}
	}
	list := v.facts.lists[-1-v.facts.keys[key]]
	out := make([]rule.Fact, len(list))
	for i, n := range list {
		out[i], _ = v.store.decode(v.facts.at[n], false)
	}
	return out
}

// Len returns the number of facts under key.
func (v factView) Len(key string) int {
	_, count := v.nth(key, 0)
	return count
}

// At returns the ith fact under key, in Lookup's order.
func (v factView) At(key string, i int) rule.Fact {
	n, count := v.nth(key, i)
	if i < 0 || i >= count {
		panic(fmt.Sprintf("engine: fact %d of a key that has %d", i, count))
	}
	f, _ := v.store.decode(v.facts.at[n], false)
	return f
}

func (s *factStore) view(ruleID string) rule.Facts {
	return factView{store: s, facts: s.rules[ruleID]}
}
