package rules

import (
	"fmt"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// InvalidUTF8 reports bytes that are not valid UTF-8.
var InvalidUTF8 = &rule.Rule{
	ID:       "encoding/invalid-utf8",
	Title:    "bytes that are not valid UTF-8",
	Severity: finding.Error,
	Doc: rule.Doc{
		What: "Bytes that are not valid UTF-8, such as a Windows-1252 curly quote (0x93) saved into a UTF-8 file.",
		Why:  "Every tool downstream either drops or replaces them, and each does it differently; the text must be re-decoded from its real encoding.",
		Bad:  "Putin berkata \x93kami siap\x94 kepada wartawan.\n",
		Good: "Putin berkata “kami siap” kepada wartawan.\n",
		Lang: "id",
	},
	Run: func(p *rule.Pass) {
		for _, s := range p.Doc.InvalidUTF8 {
			p.Report(s, fmt.Sprintf("%d byte(s) of invalid UTF-8 (first 0x%02X): re-decode the file from its real encoding", s.Len(), p.Doc.Text[s.Start]))
		}
	},
}
