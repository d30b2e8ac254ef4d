package contramap

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Draw lays g out with Layout (starting from prev, which may be nil) and
// draws it: the scene the window shows and the writers write.
func Draw(ctx context.Context, g *Graph, prev Positions, title, filters string) (*Scene, error) {
	geo := Geometry(g)
	if g.Empty() != "" {
		return NewScene(g, geo, Positions{}, title, filters), nil
	}
	sizes := make([]Size, len(geo))
	for i, n := range geo {
		sizes[i] = n.Size
	}
	pos, err := Layout(ctx, g, sizes, prev)
	if err != nil {
		return nil, err
	}
	return NewScene(g, geo, pos, title, filters), nil
}

// WriteDOT writes the map in Graphviz's DOT language: the actors with
// their kinds, colours and claim counts, one edge per relation with its
// count, and the positions the scene was drawn from, pinned, so that
// "neato -n2 -Tsvg" draws the same layout and "dot -Tsvg" lays it out anew.
func (s *Scene) WriteDOT(w io.Writer) error {
	g := s.Graph
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "// %s\n", oneLine(s.Title))
	for _, c := range s.Caption {
		fmt.Fprintf(bw, "// %s\n", oneLine(c))
	}
	if s.Message != "" {
		fmt.Fprintf(bw, "// %s\n", oneLine(s.Message))
	}
	bw.WriteString("digraph contradictions {\n")
	fmt.Fprintf(bw, "  graph [label=%s, labelloc=t, fontname=\"Helvetica\", overlap=false, outputorder=edgesfirst];\n", quote(s.Title))
	bw.WriteString("  node [shape=circle, style=filled, fixedsize=true, fontname=\"Helvetica\", fontsize=11];\n")
	bw.WriteString("  edge [fontname=\"Helvetica\", fontsize=9];\n")
	geo := map[int]SceneNode{}
	for _, n := range s.Nodes {
		geo[n.Index] = n
	}
	for i, n := range g.Nodes {
		attrs := []string{
			"label=\"\"",
			"xlabel=" + quote(n.Name),
			"kind=" + quote(string(n.Kind)),
			"claims=" + strconv.Itoa(len(n.Claims)),
			"fillcolor=" + quote(hex(KindColour(n.Kind))),
		}
		if sn, ok := geo[i]; ok {
			attrs = append(attrs,
				"width="+strconv.FormatFloat(2*sn.R/72, 'f', 3, 64),
				// pos in points, y up, as neato -n reads it.
				fmt.Sprintf("pos=\"%s,%s!\"", num(sn.Centre.X), num(s.Height-sn.Centre.Y)))
		}
		if i == g.Focus {
			attrs = append(attrs, "penwidth=3")
		}
		fmt.Fprintf(bw, "  %s [%s];\n", quote(n.ActorID), strings.Join(attrs, ", "))
	}
	for _, e := range g.Edges {
		col, dash := RelationStyle(e.Relation)
		style := "solid"
		switch {
		case len(dash) == 2 && dash[0] > 3:
			style = "dashed"
		case len(dash) == 2:
			style = "dotted"
		case len(dash) > 2:
			style = "dashed"
		}
		fmt.Fprintf(bw, "  %s -> %s [relation=%s, label=%s, color=%s, fontcolor=%s, style=%s, tooltip=%s];\n",
			quote(g.Nodes[e.From].ActorID), quote(g.Nodes[e.To].ActorID), quote(string(e.Relation)),
			quote(strconv.Itoa(e.Count())), quote(hex(col)), quote(hex(col)), style,
			quote(fmt.Sprintf("%s %s %s's claims (%d)", g.Nodes[e.To].Name, e.Relation, g.Nodes[e.From].Name, e.Count())))
	}
	bw.WriteString("}\n")
	return bw.Flush()
}

// quote is s as a DOT string.
func quote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", "").Replace(s) + `"`
}

func oneLine(s string) string { return strings.NewReplacer("\n", " ", "\r", " ").Replace(s) }
