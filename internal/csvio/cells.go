// Package csvio writes the database as annotated CSV — one row per claim
// (the "claims" shape, which imports back) or one row per contradiction
// (the "pairs" shape) — and imports CSV and TSV files: its own exports,
// merged by id, and other tools' spreadsheets through a column mapping and
// a verdict-label table.
//
// Files are RFC 4180: UTF-8, comma-separated, a header row, records ending
// in CRLF, fields quoted when they hold a comma, quote, line break or
// leading or trailing space. Line breaks inside a field are written as LF.
//
// Multi-value cells hold one item per line. Inside an item a backslash is
// written \\, a line break \n, a carriage return \r; items with several
// parts (counter-claims, notes) separate the parts with " | " and write a
// literal pipe as \|.
//
// Cells a spreadsheet would run as a formula — starting with =, +, -, @,
// tab or CR — are written with a leading apostrophe. So that this can be
// undone exactly, a cell made of one or more apostrophes followed by one
// of those characters gets one more apostrophe, and the importer removes
// one leading apostrophe from every cell of that form.
//
// The package does no SQL and no GUI: it reads a db.Snapshot and writes
// through a db.Tx.
package csvio

import (
	"strings"
)

// isTrigger reports whether a cell starting with b is run as a formula by
// spreadsheets.
func isTrigger(b byte) bool {
	switch b {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// needsGuard reports whether s, after any leading apostrophes, starts with
// a formula trigger; such cells carry one extra apostrophe in files.
func needsGuard(s string) bool {
	t := strings.TrimLeft(s, "'")
	return t != "" && isTrigger(t[0])
}

// Neutralise returns the cell as written to a file: with a leading
// apostrophe when a spreadsheet would otherwise run it as a formula.
func Neutralise(s string) string {
	if needsGuard(s) {
		return "'" + s
	}
	return s
}

// Restore undoes Neutralise: Restore(Neutralise(s)) == s for every s.
func Restore(s string) string {
	if strings.HasPrefix(s, "'") && needsGuard(s) {
		return s[1:]
	}
	return s
}

// joinItems writes a multi-value cell: one item per line, each made of
// parts joined by " | ", every part escaped (appendEscaped).
func joinItems(items [][]string) string {
	var b []byte
	for i, parts := range items {
		if i > 0 {
			b = append(b, '\n')
		}
		for j, p := range parts {
			if j > 0 {
				b = append(b, " | "...)
			}
			b = appendEscaped(b, p)
		}
	}
	return string(b)
}

// joinList writes a multi-value cell of single-part items.
func joinList(items []string) string {
	parts := make([][]string, len(items))
	for i, it := range items {
		parts[i] = []string{it}
	}
	return joinItems(parts)
}

// splitItems reads a multi-value cell back: items are the non-blank
// lines; each is split at unescaped pipes into trimmed, unescaped parts.
func splitItems(cell string) [][]string {
	if strings.IndexByte(cell, '\\') < 0 {
		// Nothing escaped: the parts are plain substrings.
		var out [][]string
		for _, line := range strings.Split(strings.ReplaceAll(cell, "\r\n", "\n"), "\n") {
			if strings.TrimSpace(line) == "" {
				continue
			}
			parts := strings.Split(line, "|")
			for i := range parts {
				parts[i] = strings.TrimSpace(parts[i])
			}
			out = append(out, parts)
		}
		return out
	}
	return splitItemsEscaped(cell)
}

// splitItemsEscaped is splitItems for a cell that may hold escapes.
func splitItemsEscaped(cell string) [][]string {
	var out [][]string
	for _, line := range strings.Split(strings.ReplaceAll(cell, "\r\n", "\n"), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		var parts []string
		var b strings.Builder
		for i := 0; i < len(line); i++ {
			c := line[i]
			switch {
			case c == '\\' && i+1 < len(line):
				i++
				switch line[i] {
				case 'n':
					b.WriteByte('\n')
				case 'r':
					b.WriteByte('\r')
				default:
					b.WriteByte(line[i])
				}
			case c == '|':
				parts = append(parts, strings.TrimSpace(b.String()))
				b.Reset()
			default:
				b.WriteByte(c)
			}
		}
		parts = append(parts, strings.TrimSpace(b.String()))
		out = append(out, parts)
	}
	return out
}

// splitList reads a multi-value cell of single-part items. A literal pipe
// in an item needs no escape here, but an escaped one is read too.
func splitList(cell string) []string {
	if cell == "" {
		return nil
	}
	if strings.IndexByte(cell, '\\') < 0 {
		// Nothing escaped: the items are plain substrings.
		var out []string
		for _, line := range strings.Split(strings.ReplaceAll(cell, "\r\n", "\n"), "\n") {
			if t := strings.TrimSpace(line); t != "" {
				out = append(out, t)
			}
		}
		return out
	}
	return splitListEscaped(cell)
}

// splitListEscaped is splitList for a cell that may hold escapes.
func splitListEscaped(cell string) []string {
	var out []string
	for _, line := range strings.Split(strings.ReplaceAll(cell, "\r\n", "\n"), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		var b strings.Builder
		for i := 0; i < len(line); i++ {
			if line[i] == '\\' && i+1 < len(line) {
				i++
				switch line[i] {
				case 'n':
					b.WriteByte('\n')
				case 'r':
					b.WriteByte('\r')
				default:
					b.WriteByte(line[i])
				}
				continue
			}
			b.WriteByte(line[i])
		}
		out = append(out, strings.TrimSpace(b.String()))
	}
	return out
}

// splitLoose splits a cell from another tool's file at line breaks and at
// any of seps, trimming items and dropping empty ones.
func splitLoose(cell, seps string) []string {
	f := strings.FieldsFunc(cell, func(r rune) bool {
		return r == '\n' || r == '\r' || strings.ContainsRune(seps, r)
	})
	out := f[:0]
	for _, s := range f {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
