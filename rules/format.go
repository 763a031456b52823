package rules

import (
	"strconv"
)

func itoa(n int) string { return strconv.Itoa(n) }

func percent(f float64) string { return strconv.FormatFloat(f, 'f', 2, 64) }
