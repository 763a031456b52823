package config

import "fmt"

// suggest returns ` (did you mean "x"?)` for the candidate closest to a
// misspelt name, or "" when none is close (at most a third of its letters off).
func suggest(name string, candidates []string) string {
	best, bestD := "", len(name)/3+1
	for _, c := range candidates {
		if d := distance(name, c); d < bestD {
			best, bestD = c, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// didYouMean is suggest's guess as the start of a parenthesis: `did you mean
// "x"? `, or "".
func didYouMean(name string, candidates []string) string {
	s := suggest(name, candidates)
	if s == "" {
		return ""
	}
	return s[2:len(s)-1] + " "
}

// distance is the Levenshtein distance between a and b, in bytes.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
