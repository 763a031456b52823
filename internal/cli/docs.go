package cli

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/corpuslint/corpuslint/internal/engine"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// listRules prints every rule with its severity and whether it is active for a
// file no override applies to, as the configuration and flags leave them.
func listRules(w io.Writer, registry []*rule.Rule, active *engine.Profile) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tSEVERITY\tFIX\tACTIVE\tTITLE")
	for _, r := range registry {
		fix := "-"
		if r.FixSafe {
			fix = "safe"
		}
		on := "off"
		if slices.Contains(active.Rules, r) {
			on = "on"
		}
		sev := r.Severity
		if s, ok := active.Severity[r.ID]; ok {
			sev = s
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.ID, sev, fix, on, r.Title)
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
	if len(r.Options) > 0 {
		fmt.Fprintf(w, "\nOptions (rules: %s: options: in .corpuslint.yaml):\n", r.ID)
		for _, o := range r.Options {
			fmt.Fprintf(w, "    %s (%s, default %v): %s\n", o.Name, o.Kind, o.Default, o.Doc)
		}
	}
}

func indent(s string) string {
	return "    " + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n    ")
}
