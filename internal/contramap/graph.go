// Package contramap draws who answers whom: actors as nodes, an edge from
// the actor whose claim is answered to the actor answering it, one edge per
// relation (denies, disputes, contradicts, supports) with the number of
// claim pairs behind it.
//
// It has three parts, each usable alone:
//
//   - Build aggregates claims and links into a Graph (filters, the most
//     contested actors, the neighbourhood of one actor);
//   - Layout places the graph's nodes with Graphviz (neato, with overlap
//     removal), starting from a previous layout when there is one so that
//     the picture stays put when one claim changes;
//   - NewScene turns a graph and its layout into one drawing description
//     (circles, curves, arrows, labels, a legend) that WriteSVG, WritePNG
//     and the window's map all draw, so the picture on screen and the
//     exported one are the same. WriteDOT writes the graph for Graphviz's
//     own tools.
//
// It does no I/O besides the writers' io.Writer and knows nothing of the
// store or the window.
package contramap

import (
	"cmp"
	"slices"
	"strings"

	"claims/internal/model"
)

// Node is one actor on the map.
type Node struct {
	ActorID string
	Name    string
	Kind    model.ActorKind
	// Claims are the actor's claims in the claim set (those that pass the
	// filter, and those brought in as one side of a pair that passes it),
	// newest first as the list gives them.
	Claims []*model.ClaimSummary
	// Answered counts pairs in which another actor answers this one's
	// claim; Answering, pairs in which this actor answers another's. Both
	// count opposing relations only (denies, disputes, contradicts).
	Answered, Answering int
	// Supported and Supporting count the pairs of the other relation:
	// another actor's claim supports this one's, or this one's another's.
	Supported, Supporting int
}

// Contested is the number of opposing pairs the actor takes part in, on
// either side: what ranks the most contested actors.
func (n Node) Contested() int { return n.Answered + n.Answering }

// Pair is one claim and a claim that answers it.
type Pair struct {
	Claim, Counter *model.ClaimSummary
	Relation       model.Relation
}

// Edge is every pair in which actor From's claim is answered by actor To
// with one relation. From and To index Graph.Nodes; they are equal when an
// actor answers its own claim.
type Edge struct {
	From, To int
	Relation model.Relation
	Pairs    []Pair // oldest link first
}

// Count is the number of pairs behind the edge.
func (e Edge) Count() int { return len(e.Pairs) }

// Graph is the map: the actors and the edges between them.
type Graph struct {
	Nodes []Node
	Edges []Edge
	// Focus is the index of the focused actor, or -1.
	Focus int
	// What was left out, for the caption.
	Claims       int // claims in the claim set
	AllActors    int // actors with a pair in the claim set, before Top and Focus
	AllEdges     int // edges between the kept actors, before MaxEdges
	HiddenEdges  int // edges between kept actors left out by MaxEdges
	MinEdgePairs int // the smallest count among the edges kept (when some were hidden)
	HiddenActors int // actors left without an edge by MaxEdges, so not drawn
}

// Options choose what the map shows.
type Options struct {
	// Keep says whether a claim is in the claim set (the filters); nil
	// keeps every claim. A pair is on the map when either of its claims is
	// kept.
	Keep func(*model.ClaimSummary) bool
	// Focus, when set, is the ID of the actor at the centre: only the
	// actors within Depth answering steps of it (either direction) stay.
	Focus string
	Depth int // 1 or 2; 0 means 1
	// Top keeps the Top most contested actors (the focused one always
	// stays); 0 keeps every actor.
	Top int
	// MaxEdges keeps the edges with the most pairs, at most MaxEdges of
	// them (ties at the cut go together, or all go); 0 keeps every edge.
	MaxEdges int
}

// DefaultTop and DefaultMaxEdges are what the window and the command line
// use unless told otherwise: enough for every actor of a newsroom's week,
// few enough edges to read on paper.
const (
	DefaultTop      = 150
	DefaultMaxEdges = 400
)

// Build aggregates the claims and links into the map. claims are the
// claims to consider (as the list gives them: the store's ListClaims, or a
// search's results), links every link, actors every actor (for names and
// kinds). Links whose claims are not among claims are ignored.
func Build(claims []model.ClaimSummary, links []model.Link, actors []model.Actor, o Options) *Graph {
	byID := make(map[string]int32, len(claims))
	for i := range claims {
		byID[claims[i].ID] = int32(i)
	}
	kept := make([]bool, len(claims))
	inSet := make([]bool, len(claims))
	g := &Graph{Focus: -1}
	for i := range claims {
		if o.Keep == nil || o.Keep(&claims[i]) {
			kept[i], inSet[i] = true, true
			g.Claims++
		}
	}

	// Actors, by ID; every actor with a pair gets a node.
	actorOf := make(map[string]model.Actor, len(actors))
	for _, a := range actors {
		actorOf[a.ID] = a
	}
	nodeOf := map[string]int{}
	node := func(c *model.ClaimSummary) int {
		if i, ok := nodeOf[c.ActorID]; ok {
			return i
		}
		a, ok := actorOf[c.ActorID]
		if !ok {
			a = model.Actor{ID: c.ActorID, Name: c.ActorName, Kind: model.KindOther}
		}
		if a.Name == "" {
			a.Name = c.ActorID
		}
		nodeOf[c.ActorID] = len(g.Nodes)
		g.Nodes = append(g.Nodes, Node{ActorID: a.ID, Name: a.Name, Kind: a.Kind})
		return len(g.Nodes) - 1
	}
	type edgeKey struct {
		from, to int
		rel      model.Relation
	}
	edgeOf := map[edgeKey]int{}
	for _, l := range links {
		ci, ok1 := byID[l.ToID]
		ki, ok2 := byID[l.FromID]
		if !ok1 || !ok2 || !l.Relation.Valid() || !(kept[ci] || kept[ki]) {
			continue
		}
		inSet[ci], inSet[ki] = true, true
		claim, counter := &claims[ci], &claims[ki]
		from, to := node(claim), node(counter)
		k := edgeKey{from, to, l.Relation}
		e, ok := edgeOf[k]
		if !ok {
			e = len(g.Edges)
			edgeOf[k] = e
			g.Edges = append(g.Edges, Edge{From: from, To: to, Relation: l.Relation})
		}
		g.Edges[e].Pairs = append(g.Edges[e].Pairs, Pair{Claim: claim, Counter: counter, Relation: l.Relation})
		switch {
		case from == to:
		case l.Relation.Opposes():
			g.Nodes[from].Answered++
			g.Nodes[to].Answering++
		default:
			g.Nodes[from].Supported++
			g.Nodes[to].Supporting++
		}
	}
	for i := range claims {
		if inSet[i] {
			if n, ok := nodeOf[claims[i].ActorID]; ok {
				g.Nodes[n].Claims = append(g.Nodes[n].Claims, &claims[i])
			}
		}
	}
	g.AllActors = len(g.Nodes)

	keep := make([]bool, len(g.Nodes))
	for i := range keep {
		keep[i] = true
	}
	if o.Focus != "" {
		f, ok := nodeOf[o.Focus]
		if !ok {
			// The actor answers and is answered by no one in the claim
			// set: the map is that actor alone, when it has claims.
			g.Nodes, g.Edges = nil, nil
			if a, ok := actorOf[o.Focus]; ok {
				n := Node{ActorID: a.ID, Name: a.Name, Kind: a.Kind}
				for i := range claims {
					if kept[i] && claims[i].ActorID == a.ID {
						n.Claims = append(n.Claims, &claims[i])
					}
				}
				g.Nodes, g.Focus = []Node{n}, 0
			}
			return g
		}
		keep = g.neighbourhood(f, max(o.Depth, 1))
		g.Focus = f
	}
	if o.Top > 0 {
		keep = g.top(keep, o.Top)
	}
	g.retain(keep)
	g.AllEdges = len(g.Edges)
	if o.MaxEdges > 0 && len(g.Edges) > o.MaxEdges {
		g.thin(o.MaxEdges)
	}
	g.sortEdges()
	return g
}

// neighbourhood marks the nodes within depth steps of f, along edges in
// either direction.
func (g *Graph) neighbourhood(f, depth int) []bool {
	adj := make([][]int, len(g.Nodes))
	for _, e := range g.Edges {
		adj[e.From] = append(adj[e.From], e.To)
		adj[e.To] = append(adj[e.To], e.From)
	}
	keep := make([]bool, len(g.Nodes))
	keep[f] = true
	frontier := []int{f}
	for range depth {
		var next []int
		for _, n := range frontier {
			for _, m := range adj[n] {
				if !keep[m] {
					keep[m] = true
					next = append(next, m)
				}
			}
		}
		frontier = next
	}
	return keep
}

// top keeps, of the nodes marked in keep, the n most contested (then most
// claims, then by name), and the focused node.
func (g *Graph) top(keep []bool, n int) []bool {
	var idx []int
	for i, k := range keep {
		if k {
			idx = append(idx, i)
		}
	}
	if len(idx) <= n {
		return keep
	}
	slices.SortFunc(idx, func(a, b int) int {
		na, nb := &g.Nodes[a], &g.Nodes[b]
		if c := cmp.Compare(nb.Contested(), na.Contested()); c != 0 {
			return c
		}
		if c := cmp.Compare(len(nb.Claims), len(na.Claims)); c != 0 {
			return c
		}
		return cmp.Or(strings.Compare(na.Name, nb.Name), strings.Compare(na.ActorID, nb.ActorID))
	})
	out := make([]bool, len(keep))
	for _, i := range idx[:n] {
		out[i] = true
	}
	if g.Focus >= 0 {
		out[g.Focus] = true
	}
	return out
}

// retain drops the nodes not marked and the edges that touch them, and
// orders the nodes by name (then ID) so that the same actors always come
// in the same order.
func (g *Graph) retain(keep []bool) {
	var order []int
	for i, k := range keep {
		if k {
			order = append(order, i)
		}
	}
	slices.SortFunc(order, func(a, b int) int {
		na, nb := &g.Nodes[a], &g.Nodes[b]
		return cmp.Or(strings.Compare(na.Name, nb.Name), strings.Compare(na.ActorID, nb.ActorID))
	})
	newIndex := make([]int, len(g.Nodes))
	for i := range newIndex {
		newIndex[i] = -1
	}
	nodes := make([]Node, len(order))
	for j, i := range order {
		newIndex[i] = j
		nodes[j] = g.Nodes[i]
	}
	edges := g.Edges[:0]
	for _, e := range g.Edges {
		if newIndex[e.From] >= 0 && newIndex[e.To] >= 0 {
			e.From, e.To = newIndex[e.From], newIndex[e.To]
			edges = append(edges, e)
		}
	}
	if g.Focus >= 0 {
		g.Focus = newIndex[g.Focus]
	}
	g.Nodes, g.Edges = nodes, edges
}

// thin keeps the maxEdges edges with the most pairs; among edges with
// as many, those between the more contested actors. Actors left with no
// edge go too (not the focused one).
func (g *Graph) thin(maxEdges int) {
	weight := func(e Edge) int { return g.Nodes[e.From].Contested() + g.Nodes[e.To].Contested() }
	order := make([]int, len(g.Edges))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		ea, eb := g.Edges[a], g.Edges[b]
		return cmp.Or(cmp.Compare(eb.Count(), ea.Count()), cmp.Compare(weight(eb), weight(ea)))
	})
	keepEdge := make([]bool, len(g.Edges))
	for _, i := range order[:maxEdges] {
		keepEdge[i] = true
	}
	g.MinEdgePairs = g.Edges[order[maxEdges-1]].Count()
	edges := g.Edges[:0]
	for i, e := range g.Edges {
		if keepEdge[i] {
			edges = append(edges, e)
		}
	}
	g.HiddenEdges = len(g.Edges) - len(edges)
	g.Edges = edges

	linked := make([]bool, len(g.Nodes))
	for _, e := range g.Edges {
		linked[e.From], linked[e.To] = true, true
	}
	if g.Focus >= 0 {
		linked[g.Focus] = true
	}
	before := len(g.Nodes)
	g.retain(linked)
	g.HiddenActors = before - len(g.Nodes)
}

// sortEdges orders the edges by their ends, then by relation in
// model.Relations order.
func (g *Graph) sortEdges() {
	rank := map[model.Relation]int{}
	for i, r := range model.Relations() {
		rank[r] = i
	}
	slices.SortFunc(g.Edges, func(a, b Edge) int {
		return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To), cmp.Compare(rank[a.Relation], rank[b.Relation]))
	})
}

// Empty says why there is nothing to draw, or "" when there is: no claims,
// or claims that no one answers.
func (g *Graph) Empty() string {
	switch {
	case g.Claims == 0 && len(g.Nodes) == 0:
		return "No claims to map: the database (or the filter) holds none."
	case len(g.Edges) == 0 && len(g.Nodes) <= 1 && g.Focus >= 0:
		return "No one answers " + g.Nodes[g.Focus].Name + "'s claims, and " + g.Nodes[g.Focus].Name + " answers no one's: nothing to draw."
	case len(g.Edges) == 0:
		return "No contradictions to map: no claim here is answered by another (denied, disputed, contradicted or supported)."
	}
	return ""
}

// NodeIndex returns the index of the actor's node, or -1.
func (g *Graph) NodeIndex(actorID string) int {
	for i, n := range g.Nodes {
		if n.ActorID == actorID {
			return i
		}
	}
	return -1
}
