package cli

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/corpuslint/corpuslint/internal/rule"
)

func listRules(w io.Writer, registry []*rule.Rule) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tSEVERITY\tFIX\tDEFAULT\tTITLE")
	for _, r := range registry {
		fix := "-"
		if r.FixSafe {
			fix = "safe"
		}
		def := "on"
		if r.Optional {
			def = "off"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.ID, r.Severity, fix, def, r.Title)
	}
	tw.Flush()
}

func explain(w io.Writer, r *rule.Rule) {
	fmt.Fprintf(w, "%s: %s\n\n", r.ID, r.Title)
	fmt.Fprintf(w, "Severity: %s. Fix: %s. Default: %s.\n\n", r.Severity, map[bool]string{true: "safe, applied by --fix", false: "none applied automatically"}[r.FixSafe], map[bool]string{true: "off (enable it by name)", false: "on"}[r.Optional])
	fmt.Fprintf(w, "%s\n\n%s\n\n", r.Doc.What, r.Doc.Why)
	if r.Doc.Earlier != "" {
		fmt.Fprintf(w, "An earlier file:\n%s\n\n", indent(r.Doc.Earlier))
	}
	fmt.Fprintf(w, "Bad:\n%s\n\nGood:\n%s\n", indent(r.Doc.Bad), indent(r.Doc.Good))
}

func indent(s string) string {
	return "    " + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n    ")
}
