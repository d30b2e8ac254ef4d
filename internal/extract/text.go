package extract

import (
	"bytes"
	"html"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Plain reduces an article file to plain text: HTML loses its tags,
// scripts, styles and comments and has its entities decoded; Markdown loses
// its markup (headings, emphasis, links keep their text). The format is
// chosen by the file name's extension, or, when that says nothing, by
// looking at the content. Paragraphs come out separated by blank lines.
func Plain(name string, data []byte) string {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	s := string(data)
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml":
		return FromHTML(s)
	case ".md", ".markdown":
		return FromMarkdown(s)
	case ".txt", ".text":
		return s
	}
	if looksLikeHTML(s) {
		return FromHTML(s)
	}
	return s
}

var htmlSniff = regexp.MustCompile(`(?i)^\s*(<!doctype html|<html|<head|<body|<\?xml)|<(p|div|article|br)[\s/>]`)

func looksLikeHTML(s string) bool {
	if len(s) > 4096 {
		s = s[:4096]
	}
	return htmlSniff.MatchString(s)
}

var (
	htmlComment = regexp.MustCompile(`(?s)<!--.*?-->`)
	// htmlDropped are the elements dropped with their content, each up to
	// its own closing tag: code, the page's furniture around the article
	// (navigation, footer, forms), and what sits beside its text — asides
	// (related links, boxes, pull quotes that repeat the text) and the
	// captions of pictures.
	htmlDropped = func() []*regexp.Regexp {
		var out []*regexp.Regexp
		for _, tag := range []string{"script", "style", "noscript", "template", "svg", "head", "nav", "footer", "form",
			"iframe", "aside", "figcaption", "button", "select"} {
			out = append(out, regexp.MustCompile(`(?is)<`+tag+`\b.*?</`+tag+`\s*>`))
		}
		return out
	}()
	htmlBlock  = regexp.MustCompile(`(?i)</?(p|div|br|h[1-6]|li|ul|ol|tr|table|article|section|blockquote|header|main|aside|figure|figcaption|pre|dd|dt|hr|title)\b[^>]*>`)
	htmlTag    = regexp.MustCompile(`(?s)<[^>]*>`)
	spaceRun   = regexp.MustCompile(`[ \t\f\v\x{00a0}]+`)
	blankLines = regexp.MustCompile(`\n[ \t]*(\n[ \t]*)+`)
)

// FromHTML strips an HTML document to its text. Block elements (p, div,
// headings, list items, br …) become paragraph breaks; script, style,
// navigation, asides, captions and other elements that are not the
// article's text are dropped with their content; entities are
// decoded with the standard library's html package.
func FromHTML(s string) string {
	s = htmlComment.ReplaceAllString(s, " ")
	for _, re := range htmlDropped {
		s = re.ReplaceAllString(s, " ")
	}
	s = htmlBlock.ReplaceAllString(s, "\n\n")
	s = htmlTag.ReplaceAllString(s, "")
	// Whitespace in HTML source is not layout: collapse it before decoding,
	// so that an encoded &nbsp; or &#10; survives as the author meant.
	s = strings.NewReplacer("\t", " ").Replace(s)
	lines := strings.Split(s, "\n")
	var b strings.Builder
	for _, l := range lines {
		l = strings.TrimSpace(spaceRun.ReplaceAllString(l, " "))
		if l == "" {
			b.WriteString("\n\n")
			continue
		}
		b.WriteString(l)
		b.WriteByte(' ')
	}
	out := html.UnescapeString(b.String())
	out = strings.ReplaceAll(out, "\u00a0", " ")
	out = strings.ReplaceAll(out, " \n", "\n")
	out = blankLines.ReplaceAllString(out, "\n\n")
	return strings.TrimSpace(out) + "\n"
}

var (
	mdFence    = regexp.MustCompile("(?m)^(```|~~~).*$")
	mdImage    = regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`)
	mdLink     = regexp.MustCompile(`\[([^\]]+)\]\([^)]*\)`)
	mdRefLink  = regexp.MustCompile(`\[([^\]]+)\]\[[^\]]*\]`)
	mdRefDef   = regexp.MustCompile(`(?m)^\s*\[[^\]]+\]:\s+\S+.*$`)
	mdHeading  = regexp.MustCompile(`(?m)^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$`)
	mdQuote    = regexp.MustCompile(`(?m)^\s{0,3}>\s?`)
	mdBullet   = regexp.MustCompile(`(?m)^\s*([-*+]|\d+[.)])\s+`)
	mdRule     = regexp.MustCompile(`(?m)^\s*([-*_]\s*){3,}$`)
	mdEmphasis = regexp.MustCompile(`(\*\*|__|\*|_|~~)([^\s*_~](?:[^*_~\n]*[^\s*_~])?)(\*\*|__|\*|_|~~)`)
	mdCode     = regexp.MustCompile("`([^`]*)`")
	mdHTML     = regexp.MustCompile(`</?[a-zA-Z][^>]*>`)
	mdSetext   = regexp.MustCompile(`(?m)^\s*(=+|-+)\s*$`)
)

// FromMarkdown strips Markdown markup and keeps the text: headings lose
// their hashes, links and images keep their text, emphasis and code marks
// go, list markers go. Headings stay paragraphs of their own.
func FromMarkdown(s string) string {
	s = mdFence.ReplaceAllString(s, "")
	s = mdRefDef.ReplaceAllString(s, "")
	s = mdImage.ReplaceAllString(s, "$1")
	s = mdLink.ReplaceAllString(s, "$1")
	s = mdRefLink.ReplaceAllString(s, "$1")
	s = mdHeading.ReplaceAllString(s, "\n$1\n")
	s = mdQuote.ReplaceAllString(s, "")
	s = mdRule.ReplaceAllString(s, "")
	s = mdSetext.ReplaceAllString(s, "")
	s = mdBullet.ReplaceAllString(s, "")
	for i := 0; i < 3; i++ {
		s = mdEmphasis.ReplaceAllString(s, "$2")
	}
	s = mdCode.ReplaceAllString(s, "$1")
	s = mdHTML.ReplaceAllString(s, "")
	s = html.UnescapeString(s)
	s = blankLines.ReplaceAllString(s, "\n\n")
	return strings.TrimSpace(s) + "\n"
}
