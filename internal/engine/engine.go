// Package engine runs rules over article files: phase one reads each file once,
// in parallel, runs the per-file rules and the corpus rules' Collect, resolves
// positions and applies or diffs fixes, then drops the text; after a barrier,
// phase two lets corpus rules report from the facts alone. Output order is
// deterministic: path, then position, then rule.
package engine

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/lexicon"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// Input is one file to check. Data, when non-nil, is the file's content (standard
// input); otherwise the file is read from Path.
type Input struct {
	Path string
	Data []byte
}

// Mode says what to do with fixes.
type Mode int

// The fix modes.
const (
	// Report only.
	Report Mode = iota
	// Fix applies safe fixes and writes files.
	Fix
	// Diff computes what Fix would change without writing.
	Diff
)

// Options configures a run.
type Options struct {
	// Rules are the enabled rules, in registry order.
	Rules []*rule.Rule
	// Lexicons are the language packs.
	Lexicons *lexicon.Set
	// Lang forces a language ("id", "en"); "" or "auto" detects it per article.
	Lang string
	// Jobs is the number of files checked at once; 0 means the core count.
	Jobs int
	// Mode says whether fixes are reported, applied or diffed.
	Mode Mode
	// Severity overrides rules' default severities, by rule ID.
	Severity map[string]finding.Severity
	// Stdout receives fixed text of standard input in Fix mode.
	Stdout io.Writer
	// Emit, when set, receives the findings file by file, in path order, each
	// file's sorted, instead of the Result, with what Render made of them (nil
	// without Render); an error stops the run.
	Emit func(findings []finding.Finding, rendered []byte) error
	// Render, when set with Emit, renders a file's sorted findings for Emit,
	// appending to dst. Where the engine can, it renders files side by side
	// on its goroutines before handing them to Emit in order, so Render must
	// be safe for concurrent use; an error stops the run.
	Render func(dst []byte, findings []finding.Finding) ([]byte, error)
	// Progress, when set, is told of each file checked, in path order: its
	// size in bytes and its number of findings (the corpus rules' not yet
	// counted). It is called from one goroutine.
	Progress func(bytes int64, findings int)
	// ProfileFor, when set, gives each file its own rules, severities, options
	// and language (configuration's per-path overrides); Rules must then hold
	// every rule any profile uses, and Lang and Severity are ignored. It is
	// called once per file from several goroutines.
	ProfileFor func(path string) *Profile
	// Drop, when set, reports whether a finding is ignored by configuration;
	// text is the text the finding covers ("" for corpus findings). Dropped
	// findings are neither reported nor fixed. Called from several goroutines.
	Drop func(f *finding.Finding, text string) bool
	// HeldInMemory is how many findings files waiting for phase two keep in
	// memory before the next files' go to a temporary file; 0 means
	// DefaultHeldInMemory, a negative number none.
	HeldInMemory int
}

// DefaultHeldInMemory is how many held findings stay in memory by default: a
// few megabytes. A run on a few files then makes no temporary file (whose
// buffers and gob encoding were a tenth of the start-up on one article); a
// large corpus's findings still go to disk.
const DefaultHeldInMemory = 10000

// Profile is what applies to one file: the rules that run on it, in registry
// order, their severities and options, and its language.
type Profile struct {
	Rules []*rule.Rule
	// Severity overrides rules' default severities, by rule ID.
	Severity map[string]finding.Severity
	// Options holds the rules' checked options, by rule ID.
	Options map[string]map[string]any
	// Lang forces a language; "" or "auto" detects it per article.
	Lang string
}

// has reports whether the profile runs the rule.
func (p *Profile) has(r *rule.Rule) bool {
	for _, x := range p.Rules {
		if x == r {
			return true
		}
	}
	return false
}

// FileError is a file that could not be checked (or fixed), with the reason.
type FileError struct {
	Path    string
	Message string
}

// Error implements error.
func (e FileError) Error() string { return e.Path + ": " + e.Message }

// FileNote is a remark about a file that is not an error (an empty file).
type FileNote = FileError

// FixReport says what --fix or --diff did to one file.
type FixReport struct {
	Path string
	// Applied is the number of findings whose fix went in.
	Applied int
	// Skipped lists findings whose fix did not, with the reason.
	Skipped []SkippedFix
	// Diff is the annotated unified diff (Diff mode), empty when nothing changes.
	Diff string
}

// SkippedFix is a fix that was not applied.
type SkippedFix struct {
	Finding finding.Finding
	Reason  string
}

// Result is everything a run produced, in deterministic order.
type Result struct {
	// Findings holds every finding, unless Options.Emit took them.
	Findings []finding.Finding
	Errors   []FileError
	Notes    []FileNote
	Fixes    []FixReport
	// Files is the number of files checked.
	Files int
}

// fileResult is phase one's output for one file.
type fileResult struct {
	path     string
	profile  *Profile
	checked  bool
	size     int64
	findings []finding.Finding
	facts    map[string][]rule.OwnFact // rule ID -> facts in export order
	err      *FileError
	note     *FileNote
	fix      *FixReport
}

// Run checks inputs with opts. Files are checked in parallel and finished in
// path order: a file's findings are complete (phase two included) and handed
// to opts.Emit, or kept in the Result, once every file before it is done.
// When every enabled corpus rule reads only earlier files' facts
// (rule.Rule.PriorFacts), that happens as soon as the files before it are
// checked, so memory holds a bounded window of files plus the corpus rules'
// facts, whatever the corpus's size; otherwise phase one's findings are held
// until every file has been read.
func Run(ctx context.Context, opts Options, inputs []Input) (*Result, error) {
	if opts.Lexicons == nil {
		return nil, fmt.Errorf("engine: no language packs")
	}
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if opts.ProfileFor == nil {
		// One profile for every file, not one each to hold until phase two.
		one := &Profile{Rules: opts.Rules, Severity: opts.Severity, Lang: opts.Lang}
		opts.ProfileFor = func(string) *Profile { return one }
	}

	// Files are finished in path order, the order of the output.
	order := make([]int32, len(inputs))
	for i := range order {
		order[i] = int32(i)
	}
	sort.SliceStable(order, func(a, b int) bool { return inputs[order[a]].Path < inputs[order[b]].Path })

	fin := newFinisher(opts)
	if jobs == 1 {
		// One file at a time on this goroutine: no hand-off between
		// goroutines (and no sleeping thread to wake) for every file.
		for _, i := range order {
			if ctx.Err() != nil {
				break
			}
			r := checkFile(opts, inputs[i])
			if err := fin.add(&r); err != nil {
				cancel()
			}
		}
	} else {
		checkParallel(ctx, cancel, opts, inputs, order, jobs, fin)
	}
	if fin.err != nil {
		return nil, fin.err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := fin.close(); err != nil {
		return nil, err
	}
	// Phase two's errors come after phase one's when files were held.
	sort.SliceStable(fin.res.Errors, func(a, b int) bool { return fin.res.Errors[a].Path < fin.res.Errors[b].Path })
	return fin.res, nil
}

// checkParallel checks the files in order on jobs goroutines and hands them
// to fin in path order. No goroutine sits between the workers and fin: a
// worker that has checked a file finishes, under a lock, every file that is
// then next in path order, and takes the next file to check, so a file costs
// no hand-off between goroutines (a hand-off per file, and the wake-ups it
// took, cost more than the finishing itself).
func checkParallel(ctx context.Context, cancel context.CancelFunc, opts Options, inputs []Input, order []int32, jobs int, fin *finisher) {
	// At most window files are being checked or waiting to be finished: a
	// slow file holds the others back instead of letting results pile up.
	window := 4 * jobs
	var (
		mu   sync.Mutex
		cond = sync.NewCond(&mu)
		// A file's result waits in slots[k%window] (k its place in path
		// order) until the files before it are finished: a ring, not a
		// slot per file. A file is taken only when it is within window of
		// next, so its slot is free.
		slots = make([]*fileResult, window)
		// taken files have been handed to a worker; next is the first not
		// finished. Both are guarded by mu.
		taken, next int
	)
	work := func() {
		mu.Lock()
		defer mu.Unlock()
		for {
			for taken < len(order) && taken-next >= window && ctx.Err() == nil {
				cond.Wait()
			}
			if taken == len(order) || ctx.Err() != nil {
				return
			}
			k := taken
			taken++
			mu.Unlock()
			r := checkFile(opts, inputs[order[k]])
			mu.Lock()
			slots[k%window] = &r
			for next < len(order) && slots[next%window] != nil {
				if err := fin.add(slots[next%window]); err != nil {
					cancel()
				}
				slots[next%window] = nil
				next++
			}
			cond.Broadcast()
		}
	}
	var wg sync.WaitGroup
	for w := 0; w < jobs && w < len(order); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work()
		}()
	}
	wg.Wait()
}

// finisher completes files in path order: it keeps their errors, notes and
// fix reports, adds their facts to the store, runs phase two and hands their
// findings on.
type finisher struct {
	opts  Options
	res   *Result
	store *factStore
	// streaming: every corpus rule reads only earlier files' facts, so a
	// file is reported as soon as it is added.
	streaming bool
	// held are the files waiting for phase two, by file number.
	held []heldFile
	// heldFindings counts the findings of held files, to start spilling
	// past opts.HeldInMemory.
	heldFindings int
	// kept holds the findings of the held files that are not spilled, by
	// file number: the first files, before the spill file's.
	kept [][]finding.Finding
	// profiles are the distinct profiles of the held files.
	profiles     []*Profile
	profileIndex map[*Profile]int32
	spill        *spill
	spillErr     error
	shared       map[string]*rule.Shared
	// views holds, by rule ID, the corpus rules' views of the store once
	// they have facts (a view never changes after): not one made for every
	// file and rule.
	views map[string]rule.Facts
	// rendered is deliver's buffer for rendering, for the files it
	// renders itself.
	rendered []byte
	err      error
}

// heldFile is what phase two needs of a file that waits for every file: its
// path is the store's, its findings are in the spill file (or in kept) and
// its facts in the store.
type heldFile struct {
	// profile numbers its profile in the finisher's profiles.
	profile int32
	checked bool
	// spilled: the findings wait in the spill file, in a record of size
	// bytes after the previous spilled file's.
	spilled bool
	size    uint32
}

func newFinisher(opts Options) *finisher {
	f := &finisher{opts: opts, res: &Result{}, store: newFactStore(), streaming: true, shared: map[string]*rule.Shared{}, views: map[string]rule.Facts{}, profileIndex: map[*Profile]int32{}}
	for _, rl := range opts.Rules {
		if rl.IsCorpus() && !rl.PriorFacts {
			f.streaming = false
		}
	}
	if !f.streaming {
		for _, rl := range opts.Rules {
			if rl.IsCorpus() {
				f.shared[rl.ID] = &rule.Shared{}
			}
		}
	}
	return f
}

// add takes the next file in path order.
func (f *finisher) add(r *fileResult) error {
	if f.err != nil {
		return f.err
	}
	res := f.res
	if r.err != nil {
		res.Errors = append(res.Errors, *r.err)
	}
	if r.note != nil {
		res.Notes = append(res.Notes, *r.note)
	}
	if r.fix != nil {
		res.Fixes = append(res.Fixes, *r.fix)
	}
	if r.checked {
		res.Files++
	}
	if f.opts.Progress != nil {
		// Phase one's findings: a corpus rule's come when the file is
		// reported, which may wait for the whole corpus.
		f.opts.Progress(r.size, len(r.findings))
	}
	f.store.add(f.store.addFile(r.path), r.facts)
	if !f.streaming {
		return f.hold(r)
	}
	f.keepViews()
	// The store now holds this file's facts and every earlier file's.
	f.err = f.report(r.path, r.profile, r.checked, r.findings, func(id string) []rule.OwnFact { return r.facts[id] })
	return f.err
}

// hold keeps a file for phase two, which must wait for every file: its
// findings stay in memory up to opts.HeldInMemory findings in all, then go
// to the spill file (memory then holds only the facts), or stay in memory
// when no spill file can be made.
func (f *finisher) hold(r *fileResult) error {
	f.heldFindings += len(r.findings)
	limit := f.opts.HeldInMemory
	if limit == 0 {
		limit = DefaultHeldInMemory
	}
	if f.spill == nil && f.spillErr == nil && f.heldFindings > limit {
		f.spill, f.spillErr = newSpill()
	}
	h := heldFile{checked: r.checked}
	if f.spill != nil {
		size, err := f.spill.write(r.findings)
		if err != nil {
			f.err = err
			return err
		}
		h.spilled, h.size = true, size
	} else {
		f.kept = append(f.kept, r.findings)
	}
	pi, ok := f.profileIndex[r.profile]
	if !ok {
		pi = int32(len(f.profiles))
		f.profiles = append(f.profiles, r.profile)
		f.profileIndex[r.profile] = pi
	}
	h.profile = pi
	f.held = append(f.held, h)
	return nil
}

// close reports the held files, when phase two had to wait for every file.
// Phase two of the held files runs on opts.Jobs goroutines (it only reads the
// store), and the files are handed on in path order.
func (f *finisher) close() error {
	if f.spill != nil {
		defer f.spill.close()
		if err := f.spill.finishWriting(); err != nil {
			return err
		}
	}
	if f.streaming {
		return nil
	}
	f.keepViews() // before phase two, which may run on several goroutines
	jobs := f.opts.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	if jobs == 1 || len(f.held) <= heldBatch {
		var dec spillDecoder
		var at int64
		for start := 0; start < len(f.held); start += heldBatch {
			b := f.finishBatch(start, min(start+heldBatch, len(f.held)), at, &dec, nil)
			if err := f.deliverBatch(&b); err != nil {
				return err
			}
			at += b.spilled
		}
		return nil
	}
	return f.closeParallel(jobs)
}

// heldBatch is how many consecutive held files phase two takes at a time:
// one read of the spill file and one hand-off between goroutines for them
// all, not one per file, which left the cores idle at the end of a run.
const heldBatch = 32

// heldBatchResult is a batch of held files after phase two: each file's
// findings (and, when Options.Render is set, rendered, with ends[k] where
// file k's part of it ends) or why a corpus rule failed on it; or why
// reading the batch's findings back or rendering them failed.
type heldBatchResult struct {
	// spilled is the size of the batch's records in the spill file.
	spilled  int64
	findings [][]finding.Finding
	ferrs    []*FileError
	rendered []byte
	ends     []int
	err      error
}

// finishBatch runs phase two on held files start to end-1 and renders their
// findings; those spilled have their records from at in the spill file, dec
// decodes them and buf is rendering's buffer. It is safe for concurrent use
// on distinct files.
func (f *finisher) finishBatch(start, end int, at int64, dec *spillDecoder, buf []byte) heldBatchResult {
	n := end - start
	r := heldBatchResult{spilled: f.spilledSize(start, end), findings: make([][]finding.Finding, n), ferrs: make([]*FileError, n)}
	var records []byte
	var err error
	if r.spilled > 0 {
		records, err = f.spill.readAt(at, r.spilled)
	}
	if err != nil {
		r.err = err
		return r
	}
	render := f.opts.Emit != nil && f.opts.Render != nil
	if render {
		r.rendered = buf[:0]
		r.ends = make([]int, n)
	}
	for k := range n {
		i := start + k
		var findings []finding.Finding
		if f.held[i].spilled {
			size := int(f.held[i].size)
			if findings, err = f.spill.decode(dec, records[:size]); err != nil {
				r.err = err
				return r
			}
			records = records[size:]
		} else {
			findings = f.kept[i]
			f.kept[i] = nil
		}
		findings, r.ferrs[k] = f.phaseTwo(i, findings)
		r.findings[k] = findings
		if render && r.ferrs[k] == nil && len(findings) > 0 {
			if r.rendered, err = f.opts.Render(r.rendered, findings); err != nil {
				r.err = err
				return r
			}
		}
		if render {
			r.ends[k] = len(r.rendered)
		}
	}
	return r
}

// spilledSize is the size of the spill file's records of held files start
// to end-1 (those spilled, which follow each other in the file).
func (f *finisher) spilledSize(start, end int) int64 {
	var size int64
	for i := start; i < end; i++ {
		if h := &f.held[i]; h.spilled {
			size += int64(h.size)
		}
	}
	return size
}

// deliverBatch hands on a batch's files in order.
func (f *finisher) deliverBatch(b *heldBatchResult) error {
	if b.err != nil {
		return b.err
	}
	from := 0
	for k, findings := range b.findings {
		var rendered []byte
		if b.ends != nil {
			rendered = b.rendered[from:b.ends[k]:b.ends[k]]
			from = b.ends[k]
		}
		if err := f.deliver(findings, rendered, b.ferrs[k]); err != nil {
			return err
		}
	}
	return nil
}

// closeParallel is close's phase two on jobs goroutines: the held files go
// in batches of consecutive files to the workers, which read their findings
// back, run phase two and render them, while this goroutine delivers the
// batches in order: it only writes. At most 4 × jobs batches are between a
// worker and delivery.
func (f *finisher) closeParallel(jobs int) error {
	type task struct {
		start, end int
		at         int64 // where the batch's records start in the spill file
		out        chan heldBatchResult
	}
	var wg sync.WaitGroup
	defer wg.Wait() // after stop is closed: the feeder then quits and the workers drain
	stop := make(chan struct{})
	defer close(stop)
	tasks := make(chan task, jobs)
	order := make(chan chan heldBatchResult, 4*jobs)
	go func() {
		defer close(tasks)
		defer close(order)
		var at int64
		for start := 0; start < len(f.held); start += heldBatch {
			end := min(start+heldBatch, len(f.held))
			out := make(chan heldBatchResult, 1)
			select {
			case order <- out:
			case <-stop:
				return
			}
			select {
			case tasks <- task{start, end, at, out}:
			case <-stop:
				return
			}
			at += f.spilledSize(start, end)
		}
	}()
	// Rendering buffers go back to free once delivered: as many as batches
	// can be between a worker and delivery, not one a batch.
	free := make(chan []byte, 5*jobs)
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var dec spillDecoder
			for t := range tasks {
				var buf []byte
				select {
				case buf = <-free:
				default:
				}
				t.out <- f.finishBatch(t.start, t.end, t.at, &dec, buf)
			}
		}()
	}
	for out := range order {
		b := <-out
		if err := f.deliverBatch(&b); err != nil {
			return err
		}
		if b.rendered != nil {
			select {
			case free <- b.rendered[:0]:
			default:
			}
		}
	}
	return nil
}

// keepViews keeps the view of each corpus rule that has facts by now.
func (f *finisher) keepViews() {
	for _, rl := range f.opts.Rules {
		if _, ok := f.views[rl.ID]; !ok && rl.IsCorpus() && f.store.rules[rl.ID] != nil {
			f.views[rl.ID] = f.store.view(rl.ID)
		}
	}
}

// phaseTwo runs phase two for held file i; safe for concurrent use.
func (f *finisher) phaseTwo(i int, findings []finding.Finding) ([]finding.Finding, *FileError) {
	h := f.held[i]
	own := func(id string) []rule.OwnFact { return f.store.own(id, i) }
	return f.runPhaseTwo(f.store.files[i], f.profiles[h.profile], h.checked, findings, own)
}

// report runs phase two for one file and hands its findings, sorted, on; own
// gives the facts the file exported, by rule ID.
func (f *finisher) report(path string, prof *Profile, checked bool, findings []finding.Finding, own func(ruleID string) []rule.OwnFact) error {
	out, ferr := f.runPhaseTwo(path, prof, checked, findings, own)
	return f.deliver(out, nil, ferr)
}

// runPhaseTwo runs the corpus rules on one file and returns its findings with
// theirs, sorted; when a rule fails, it returns the error instead, and the
// file is reported as not checked, without findings, as in phase one. It only
// reads the finisher, so held files can go through it at once.
func (f *finisher) runPhaseTwo(path string, prof *Profile, checked bool, findings []finding.Finding, own func(ruleID string) []rule.OwnFact) ([]finding.Finding, *FileError) {
	if checked {
		report := func(fd finding.Finding) {
			// Built in its place in findings, not in a copy on the heap.
			findings = append(findings, fd)
			g := &findings[len(findings)-1]
			applySeverity(prof, g)
			if f.opts.Drop != nil && f.opts.Drop(g, "") {
				*g = finding.Finding{}
				findings = findings[:len(findings)-1]
			}
		}
		for _, rl := range f.opts.Rules {
			if !rl.IsCorpus() || !prof.has(rl) {
				continue
			}
			view := f.views[rl.ID]
			if view == nil {
				view = f.store.view(rl.ID) // no facts yet
			}
			pass := rule.NewCorpusPass(rl, path, own(rl.ID), view, report)
			// One per rule and run (made in newFinisher); when streaming, a
			// file sees only the facts so far, so nothing derived from them
			// is shared.
			pass.Shared = f.shared[rl.ID]
			if err := runCorpus(rl, pass); err != nil {
				return nil, &FileError{Path: path, Message: err.Error()}
			}
		}
	}
	SortFindings(findings)
	return findings, nil
}

// deliver hands one file's findings on with their rendering (rendering them
// first if rendered is nil and Options.Render is set), or keeps them in the
// result, or keeps the error of a corpus rule that failed on the file.
func (f *finisher) deliver(findings []finding.Finding, rendered []byte, ferr *FileError) error {
	if ferr != nil {
		f.res.Errors = append(f.res.Errors, *ferr)
		return nil
	}
	if len(findings) == 0 {
		return nil
	}
	if f.opts.Emit != nil {
		if rendered == nil && f.opts.Render != nil {
			var err error
			if rendered, err = f.opts.Render(f.rendered[:0], findings); err != nil {
				return err
			}
			f.rendered = rendered
		}
		return f.opts.Emit(findings, rendered)
	}
	f.res.Findings = append(f.res.Findings, findings...)
	return nil
}

// runCorpus runs a corpus rule's phase two on one file. A rule must never take
// the whole run down: a panic comes back as an error naming the rule.
func runCorpus(rl *rule.Rule, pass *rule.CorpusPass) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("internal error in %s while checking the corpus: %v\n%s", rl.ID, p, debug.Stack())
		}
	}()
	rl.Corpus(pass)
	return nil
}

// SortFindings orders findings by path, position, rule, end and message
// (stable: findings equal in all of these keep their order).
func SortFindings(fs []finding.Finding) {
	slices.SortStableFunc(fs, compareFindings)
}

// compareFindings is SortFindings' order.
func compareFindings(x, y finding.Finding) int {
	if c := strings.Compare(x.Path, y.Path); c != 0 {
		return c
	}
	if c := cmp.Compare(x.Span.Start, y.Span.Start); c != 0 {
		return c
	}
	if c := strings.Compare(x.Rule, y.Rule); c != 0 {
		return c
	}
	if c := cmp.Compare(x.Span.End, y.Span.End); c != 0 {
		return c
	}
	return strings.Compare(x.Message, y.Message)
}

func applySeverity(p *Profile, f *finding.Finding) {
	if s, ok := p.Severity[f.Rule]; ok {
		f.Severity = s
	}
}

// readInput returns the bytes of in.
func readInput(in Input) ([]byte, error) {
	if in.Data != nil {
		return in.Data, nil
	}
	return readFile(in.Path)
}
