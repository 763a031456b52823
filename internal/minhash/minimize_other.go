//go:build !amd64 || purego

package minhash

// minimize is minimizeGeneric where no vector instructions are written for
// the machine.
func minimize(mins *[Size]uint64, hashes []uint64) { minimizeGeneric(mins, hashes) }

// hashShingles leaves every shingle to flush where no vector instructions are
// written for the machine.
func hashShingles(dst, words []uint64) int { return 0 }

// addFields adds the hashes of text's fields: SignText's loop.
func (s *signer) addFields(text string) { s.addFieldsExact(text) }

// laneState is the amd64 addFields' vector lanes.
type laneState struct{}
