//go:build race

package lexicon

// raceEnabled: the race detector slows the differential tests about
// sevenfold; they run fewer rounds under it (they are single-threaded).
const raceEnabled = true
