package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/internal/lexicon"
)

// connectorPeriodsByScan returns the periods of t that may end a connector
// (mayEndConnector), each sentence's start found as before connectors: the
// last . ! ? or line end before the period, every one of them read going
// forward.
func connectorPeriodsByScan(t string, list *lexicon.List) []int {
	var out []int
	start := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '.':
			if mayEndConnector(t, list, start, i) {
				out = append(out, i)
			}
			start = i + 1
		case '!', '?', '\n', '\r':
			start = i + 1
		}
	}
	return out
}

// connectorPeriods is what runConnectorPeriod keeps: the periods that pass
// connectors.mayEnd.
func connectorPeriods(t string, list *lexicon.List) []int {
	cs := connectorsOf(list)
	var out []int
	for dot := 0; dot < len(t); dot++ {
		if t[dot] == '.' && cs.mayEnd(t, list, dot) {
			out = append(out, dot)
		}
	}
	return out
}

// TestConnectorPeriodsPrefilter holds the prefilters of connector-period (the
// three bytes before the period, the bounded look back) to the plain scan, on
// the rule's test data and on texts built around every connector of every
// pack: in its capitals, upper-cased, with Kelvin signs for its k, after long
// runs of spaces and quotes, after every line end, at the text's start, after
// a sentence too long to be one.
func TestConnectorPeriodsPrefilter(t *testing.T) {
	packs, err := lexicon.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../testdata/rules/punctuation/connector-period/*.txt")
	var texts []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	found := 0
	for _, lang := range packs.Languages() {
		list := packs.Pack(lang).List("connectors")
		if !connectorsOf(list).plain || !connectorsOf(list).byTail {
			t.Fatalf("%s: the connectors no longer take the prefilters: test the other path", lang)
		}
		var built []string
		for _, e := range list.Entries {
			// The Kelvin sign lower-cases to "k": a connector three times
			// as long in bytes.
			kelvin := strings.NewReplacer("k", "\u212a", "K", "\u212a").Replace(e.Phrase)
			for _, c := range []string{e.Phrase, strings.ToUpper(e.Phrase), strings.ToLower(e.Phrase), kelvin} {
				built = append(built,
					c+". Kim datang.",
					"Dia pergi. "+c+". Kim datang.",
					"Dia pergi.\n"+c+".  Kim datang.",
					"Dia pergi\r\n"+c+". Kim datang.",
					"Dia pergi\r"+c+". Kim datang.",
					"Dia pergi!"+strings.Repeat(" ", 60)+c+". Kim datang.",
					"Dia pergi? \"\u00a0”’"+strings.Repeat("\" ", 40)+c+". Kim datang.",
					"Dia pergi ke pasar dan membeli sayur untuk makan malam "+c+". Kim datang.",
					"x"+c+". Kim datang.",
					c+".kim. "+c+". "+c+".",
				)
			}
		}
		for _, text := range append(built, texts...) {
			want := connectorPeriodsByScan(text, list)
			got := connectorPeriods(text, list)
			found += len(want)
			if len(got) != len(want) {
				t.Fatalf("%s: %q: periods %v, want %v", lang, text, got, want)
			}
			for i := range got {
				if got[i] != want[i] {
					t.Fatalf("%s: %q: periods %v, want %v", lang, text, got, want)
				}
			}
		}
	}
	if found < 100 {
		t.Fatalf("only %d connector periods in the texts: the test checks too little", found)
	}
}
