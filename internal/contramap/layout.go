package contramap

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/goccy/go-graphviz"
)

// Point is a position in points (1/72 inch).
type Point struct{ X, Y float64 }

// Size is a node's footprint in points: its circle and its label, which
// the layout keeps from overlapping.
type Size struct{ W, H float64 }

// Positions are the centres of the nodes' footprints by actor ID, in
// Graphviz's coordinates (points, y up). Give the previous layout's
// positions to Layout to keep the picture where it was.
type Positions map[string]Point

// The Graphviz engine: one instance, one layout at a time (its
// WebAssembly module is not safe for concurrent use).
var (
	gvMu   sync.Mutex
	gvInst *graphviz.Graphviz
)

// Layout places the nodes of g, whose footprints are sizes (one per node),
// with Graphviz's neato: stress majorisation, then overlap removal (prism)
// so that no two footprints — circle and label — overlap. Nodes found in
// prev start where they were, so a layout of a graph that changed a
// little comes out close to the previous one; the others start from a
// fixed seed, so the same graph gives the same picture.
func Layout(ctx context.Context, g *Graph, sizes []Size, prev Positions) (Positions, error) {
	if len(sizes) != len(g.Nodes) {
		return nil, fmt.Errorf("contramap: %d sizes for %d nodes", len(sizes), len(g.Nodes))
	}
	out := Positions{}
	switch len(g.Nodes) {
	case 0:
		return out, nil
	case 1:
		out[g.Nodes[0].ActorID] = Point{}
		return out, nil
	}
	src := layoutDOT(g, sizes, prev)
	gvMu.Lock()
	defer gvMu.Unlock()
	if gvInst == nil {
		inst, err := graphviz.New(ctx)
		if err != nil {
			return nil, fmt.Errorf("contramap: starting Graphviz: %w", err)
		}
		gvInst = inst
	}
	graph, err := graphviz.ParseBytes(src)
	if err != nil {
		return nil, fmt.Errorf("contramap: Graphviz could not read the map: %w", err)
	}
	defer graph.Close()
	var plain bytes.Buffer
	if err := gvInst.SetLayout(graphviz.NEATO).Render(ctx, graph, "plain", &plain); err != nil {
		return nil, fmt.Errorf("contramap: Graphviz layout: %w", err)
	}
	pos, err := parsePlain(plain.Bytes())
	if err != nil {
		return nil, err
	}
	for i, n := range g.Nodes {
		p, ok := pos["n"+strconv.Itoa(i)]
		if !ok {
			return nil, fmt.Errorf("contramap: Graphviz placed no node for %q", n.Name)
		}
		out[n.ActorID] = p
	}
	return out, nil
}

// layoutDOT is the graph as neato reads it: anonymous fixed-size boxes
// (the footprints, in inches) and one undirected spring per pair of
// actors that answer each other.
func layoutDOT(g *Graph, sizes []Size, prev Positions) []byte {
	var b bytes.Buffer
	b.WriteString("graph map {\n")
	// inputscale=72: pos is read in points, as Layout returns it.
	b.WriteString("  graph [overlap=prism, sep=\"+6\", splines=false, inputscale=72, start=7, mode=major, maxiter=400, epsilon=0.001];\n")
	b.WriteString("  node [shape=box, fixedsize=true, label=\"\"];\n")
	for i, n := range g.Nodes {
		fmt.Fprintf(&b, "  n%d [width=%.3f, height=%.3f", i, sizes[i].W/72, sizes[i].H/72)
		if p, ok := prev[n.ActorID]; ok {
			fmt.Fprintf(&b, ", pos=\"%.2f,%.2f\"", p.X, p.Y)
		}
		b.WriteString("];\n")
	}
	seen := map[[2]int]bool{}
	for _, e := range g.Edges {
		a, c := min(e.From, e.To), max(e.From, e.To)
		if a == c || seen[[2]int{a, c}] {
			continue
		}
		seen[[2]int{a, c}] = true
		// Springs a little longer than the two footprints' half-widths,
		// so that neighbours sit beside each other with room for the
		// arrow between them.
		l := (max(sizes[a].W, sizes[a].H)+max(sizes[c].W, sizes[c].H))/2/72 + 0.5
		fmt.Fprintf(&b, "  n%d -- n%d [len=%.2f];\n", a, c, l)
	}
	b.WriteString("}\n")
	return b.Bytes()
}

// parsePlain reads the node centres from Graphviz's plain output
// ("node NAME X Y W H …", inches), in points.
func parsePlain(b []byte) (map[string]Point, error) {
	out := map[string]Point{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<22)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || f[0] != "node" {
			continue
		}
		x, err1 := strconv.ParseFloat(f[2], 64)
		y, err2 := strconv.ParseFloat(f[3], 64)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("contramap: Graphviz wrote an unreadable position: %q", sc.Text())
		}
		out[f[1]] = Point{x * 72, y * 72}
	}
	return out, sc.Err()
}
