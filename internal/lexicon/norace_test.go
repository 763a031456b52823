//go:build !race

package lexicon

// raceEnabled: see race_test.go.
const raceEnabled = false
