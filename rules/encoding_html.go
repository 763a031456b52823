package rules

import (
	"html"
	"strings"

	"github.com/corpuslint/corpuslint/internal/finding"
	"github.com/corpuslint/corpuslint/internal/rule"
)

// HTMLEntity finds HTML character references left in text ("&quot;", "&amp;",
// "&#8217;") and decodes them.
var HTMLEntity = &rule.Rule{
	ID:       "encoding/html-entity",
	Title:    "HTML entity left in the text",
	Severity: finding.Warning,
	FixSafe:  true,
	Doc: rule.Doc{
		What: `HTML character references that were never decoded: "&quot;", "&amp;", "&nbsp;", "&#8217;", "&#x2019;".`,
		Why:  "Readers and models see the markup instead of the character.",
		Bad:  "Menurut Jokowi&#8217;s tim, &quot;semua aman&quot; kata dia.\n",
		Good: "Menurut Jokowi’s tim, \"semua aman\" kata dia.\n",
		Lang: "id",
	},
	Run: runHTMLEntity,
}

var entityPattern = lazyRegexp(`&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});`)

func runHTMLEntity(p *rule.Pass) {
	t := p.Doc.Text
	if !strings.Contains(t, "&") {
		return
	}
	for _, m := range entityPattern().FindAllStringIndex(t, -1) {
		ent := t[m[0]:m[1]]
		dec := html.UnescapeString(ent)
		if dec == ent {
			continue // not a known entity
		}
		shown := quote(dec)
		if dec == "\u00a0" {
			dec, shown = " ", "a space"
		}
		span := finding.Span{Start: m[0], End: m[1]}
		p.Report(span, "HTML entity "+quote(ent)+" stands for "+shown,
			finding.Fix{Message: "replace " + quote(ent) + " with " + shown, Edits: []finding.Edit{{Span: span, New: dec}}, Safe: true})
	}
}

// HTMLTag finds HTML tags left in text ("<br>", "<p>", "</strong>").
var HTMLTag = &rule.Rule{
	ID:       "encoding/html-tag",
	Title:    "HTML tag left in the text",
	Severity: finding.Warning,
	FixSafe:  true,
	Doc: rule.Doc{
		What: `HTML tags that the extraction kept: "<br>", "<p>", "</p>", "<strong>", "<a href=…>".`,
		Why:  "Markup is not article text; a line break tag should be a line break or nothing.",
		Bad:  "Kedua negara bekerja bersama.<br>\n",
		Good: "Kedua negara bekerja bersama.\n",
		Lang: "id",
	},
	Run: runHTMLTag,
}

// tagPattern matches a known tag name with attributes shaped as attributes
// (name, name=value), so arithmetic such as "a<b dan 3 > 2" is not a tag.
var tagPattern = lazyRegexp(`(?i)</?(?:a|abbr|b|blockquote|br|div|em|figcaption|figure|h[1-6]|hr|i|img|li|ol|p|script|span|strong|style|sub|sup|table|td|th|tr|u|ul|iframe)(?:\s+[A-Za-z][A-Za-z0-9:-]*(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>]+))?)*\s*/?>`)

func runHTMLTag(p *rule.Pass) {
	d := p.Doc
	if !strings.Contains(d.Text, "<") {
		return
	}
	for _, m := range tagPattern().FindAllStringIndex(d.Text, -1) {
		s := finding.Span{Start: m[0], End: m[1]}
		line := d.Lines[d.LineIndex(m[0])].Span
		p.Report(s, "HTML tag "+quote(d.Slice(s))+" left in the text",
			finding.Fix{Message: "delete " + quote(d.Slice(s)), Edits: []finding.Edit{removeInlineEdit(d.Text, line, s)}, Safe: true})
	}
}
