// Package rules holds corpuslint's rules, one file per rule, and the registry.
package rules

import "github.com/corpuslint/corpuslint/internal/rule"

// All returns every rule, sorted by ID. A new rule is one file in this package
// and one line here.
func All() []*rule.Rule {
	return []*rule.Rule{
		BareDomain,
		CutDateline,
		EditorCode,
		InlineWidget,
		PageFurniture,
		PhotoCredit,
		ReadMore,
		SyndicationNote,
		TitleSuffix,
		WidgetLine,
		DanglingAttribution,
		NoSource,
		UnattributedQuote,
		VagueSource,
		NearDuplicate,
		RepeatedHeadline,
		RepeatedParagraph,
		SameBody,
		SameHeadline,
		HTMLEntity,
		HTMLTag,
		InvalidUTF8,
		InvisibleChar,
		Mojibake,
		ConjunctionAfterPeriod,
		ConnectorPeriod,
		GluedParagraphs,
		IrregularSpace,
		MissingSpace,
		OneWordSentence,
		PeriodAfterFunctionWord,
		PeriodBeforeLowercase,
		SpaceBeforePunctuation,
		TrailingSpace,
		UnbalancedQuote,
	}
}
