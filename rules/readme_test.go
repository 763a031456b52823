package rules_test

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/corpuslint/corpuslint/internal/rule"
	"github.com/corpuslint/corpuslint/rules"
)

const (
	readmeStart = "<!-- rules:start -->\n"
	readmeEnd   = "<!-- rules:end -->"
)

// rulesSection renders the README's rules section from the rule docs.
func rulesSection(all []*rule.Rule) string {
	var b strings.Builder
	b.WriteString("| rule | severity | fix | default | what it finds |\n|---|---|---|---|---|\n")
	for _, r := range all {
		fix, def := "—", "on"
		if r.FixSafe {
			fix = "safe"
		}
		if r.Optional {
			def = "off"
		}
		anchor := strings.NewReplacer("/", "", " ", "-").Replace(r.ID)
		b.WriteString("| [`" + r.ID + "`](#" + anchor + ") | " + r.Severity.String() + " | " + fix + " | " + def + " | " + r.Title + " |\n")
	}
	for _, r := range all {
		b.WriteString("\n### " + r.ID + "\n\n" + r.Doc.What + "\n\n" + r.Doc.Why + "\n\n")
		if r.Doc.Earlier != "" {
			b.WriteString("An earlier file:\n\n```\n" + visible(strings.TrimRight(r.Doc.Earlier, "\n")) + "\n```\n\n")
		}
		b.WriteString("Bad:\n\n```\n" + visible(strings.TrimRight(r.Doc.Bad, "\n")) + "\n```\n\nGood:\n\n```\n" + visible(strings.TrimRight(r.Doc.Good, "\n")) + "\n```\n")
		if len(r.Options) > 0 {
			b.WriteString("\nOptions (see [Configuration](#configuration)):\n\n| option | type | default | meaning |\n|---|---|---|---|\n")
			for _, o := range r.Options {
				b.WriteString("| `" + o.Name + "` | " + o.Kind.String() + " | " + fmt.Sprintf("`%v`", o.Default) + " | " + o.Doc + " |\n")
			}
		}
	}
	return b.String()
}

// visible writes invalid bytes and invisible characters as Go escapes, so the
// README stays valid UTF-8 and shows what the examples hold.
func visible(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, "\\x%02x", s[i])
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\u00a0' || r == '\u00ad':
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// TestReadme fails when README.md's rules section is not what the rule docs
// generate; -update rewrites it.
func TestReadme(t *testing.T) {
	const path = "../README.md"
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	text := string(data)
	i := strings.Index(text, readmeStart)
	j := strings.Index(text, readmeEnd)
	require.True(t, i >= 0 && j > i, "README.md must hold the rules markers")
	want := text[:i+len(readmeStart)] + rulesSection(rules.All()) + text[j:]
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(want), 0o644))
		return
	}
	require.Equal(t, want, text, "README.md's rules section is stale: run go test ./rules -run TestReadme -update")
}
