package contramap_test

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"

	"claims/internal/contramap"
	"claims/internal/model"
)

// fixture is the two headline cases and a little more: Khan's charge
// denied by the US and the military and disputed by his opponents; two
// Pakistani allegations denied by Kabul; a claim by the US supported by
// NATO; Pakistan backing its own claim; a link to a claim not listed.
type fixture struct {
	claims []model.ClaimSummary
	links  []model.Link
	actors []model.Actor
}

func newFixture() fixture {
	actors := []model.Actor{
		{ID: "khan", Name: "Imran Khan", Kind: model.KindPerson},
		{ID: "us", Name: "United States government", Kind: model.KindGovernment},
		{ID: "army", Name: "Pakistan military", Kind: model.KindMilitary},
		{ID: "opp", Name: "Khan's political opponents", Kind: model.KindParty},
		{ID: "pk", Name: "Government of Pakistan", Kind: model.KindGovernment},
		{ID: "af", Name: "Afghan government", Kind: model.KindGovernment},
		{ID: "nato", Name: "NATO", Kind: model.KindOrganisation},
		{ID: "quiet", Name: "Nobody answers", Kind: model.KindOther},
	}
	c := func(id, actor, made string, v model.Verdict, tags ...string) model.ClaimSummary {
		name := ""
		for _, a := range actors {
			if a.ID == actor {
				name = a.Name
			}
		}
		return model.ClaimSummary{Claim: model.Claim{ID: id, ActorID: actor, Statement: "statement " + id, MadeOn: made, Verdict: v, Tags: tags}, ActorName: name}
	}
	claims := []model.ClaimSummary{
		c("khan-charge", "khan", "2022-04", model.False, "khan"),
		c("us-denial", "us", "2022-04-01", model.Unreviewed),
		c("army-denial", "army", "2022-04-02", model.Unreviewed),
		c("opp-dispute", "opp", "", model.Unreviewed),
		c("pk-bombing", "pk", "2024-03-26", model.Unreviewed, "bombing"),
		c("af-denial-1", "af", "2024-03-27", model.Unreviewed, "bombing"),
		c("pk-havens", "pk", "2023", model.Mixed, "ttp"),
		c("af-denial-2", "af", "2023-06-01", model.Unreviewed),
		c("pk-backs-itself", "pk", "2023", model.Unreviewed, "ttp"),
		c("us-doha", "us", "2020-02", model.True),
		c("nato-doha", "nato", "2020-02", model.True),
		c("quiet-claim", "quiet", "2021", model.Unreviewed),
	}
	links := []model.Link{
		{FromID: "us-denial", ToID: "khan-charge", Relation: model.Denies},
		{FromID: "army-denial", ToID: "khan-charge", Relation: model.Denies},
		{FromID: "opp-dispute", ToID: "khan-charge", Relation: model.Disputes},
		{FromID: "af-denial-1", ToID: "pk-bombing", Relation: model.Denies},
		{FromID: "af-denial-2", ToID: "pk-havens", Relation: model.Denies},
		{FromID: "pk-backs-itself", ToID: "pk-havens", Relation: model.Supports},
		{FromID: "nato-doha", ToID: "us-doha", Relation: model.Supports},
		{FromID: "gone", ToID: "us-doha", Relation: model.Denies},
	}
	return fixture{claims, links, actors}
}

func (f fixture) build(o contramap.Options) *contramap.Graph {
	return contramap.Build(f.claims, f.links, f.actors, o)
}

// edges lists a graph's edges as "from -relation-> to ×n", by actor ID.
func edges(g *contramap.Graph) []string {
	var out []string
	for _, e := range g.Edges {
		out = append(out, fmt.Sprintf("%s -%s-> %s ×%d", g.Nodes[e.From].ActorID, e.Relation, g.Nodes[e.To].ActorID, e.Count()))
	}
	return out
}

func ids(g *contramap.Graph) string {
	var out []string
	for _, n := range g.Nodes {
		out = append(out, n.ActorID)
	}
	return strings.Join(out, ",")
}

func TestBuildWhoAnswersWhom(t *testing.T) {
	g := newFixture().build(contramap.Options{})
	// Nodes by name; only actors with a pair.
	if got, want := ids(g), "af,pk,khan,opp,nato,army,us"; got != want {
		t.Errorf("nodes %s, want %s", got, want)
	}
	want := []string{
		"pk -denies-> af ×2",
		"pk -supports-> pk ×1",
		"khan -disputes-> opp ×1",
		"khan -denies-> army ×1",
		"khan -denies-> us ×1",
		"us -supports-> nato ×1",
	}
	if got := edges(g); strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("edges\n %v\nwant\n %v", got, want)
	}
	pk := g.Nodes[g.NodeIndex("pk")]
	if len(pk.Claims) != 3 || pk.Answered != 2 || pk.Answering != 0 {
		t.Errorf("Pakistan: %d claims, answered %d, answering %d; want 3, 2, 0 (supports do not count)", len(pk.Claims), pk.Answered, pk.Answering)
	}
	if pk.Supported != 0 || pk.Supporting != 0 {
		t.Errorf("Pakistan supporting its own claim counted: supported %d, supports %d", pk.Supported, pk.Supporting)
	}
	us, nato := g.Nodes[g.NodeIndex("us")], g.Nodes[g.NodeIndex("nato")]
	// "us -supports-> nato": NATO's claim supports the United States'.
	if us.Supported != 1 || us.Supporting != 0 || nato.Supporting != 1 || nato.Supported != 0 || us.Answering != 1 {
		t.Errorf("supports: US supported %d, supports %d, answers %d; NATO supports %d, supported %d; want 1 0 1; 1 0",
			us.Supported, us.Supporting, us.Answering, nato.Supporting, nato.Supported)
	}
	khan := g.Nodes[g.NodeIndex("khan")]
	if khan.Answered != 3 || khan.Contested() != 3 {
		t.Errorf("Khan answered %d times", khan.Answered)
	}
	e := g.Edges[0]
	if e.Pairs[0].Claim.ID != "pk-bombing" || e.Pairs[0].Counter.ID != "af-denial-1" || e.Pairs[1].Claim.ID != "pk-havens" {
		t.Errorf("the pairs behind Pakistan → Afghan government: %+v", e.Pairs)
	}
	if g.Claims != 12 || g.AllActors != 7 || g.Empty() != "" {
		t.Errorf("claims %d, all actors %d, empty %q", g.Claims, g.AllActors, g.Empty())
	}
}

func TestBuildFilters(t *testing.T) {
	f := newFixture()
	for _, tc := range []struct {
		name   string
		filter contramap.Filter
		want   []string
	}{
		{"tag: a pair is kept when either claim has it", contramap.Filter{Tag: "Bombing"},
			[]string{"pk -denies-> af ×1"}},
		{"tag on the answered claim only", contramap.Filter{Tag: "khan"},
			[]string{"khan -disputes-> opp ×1", "khan -denies-> army ×1", "khan -denies-> us ×1"}},
		{"dates: a month overlaps its days", contramap.Filter{From: "2022-04-02", To: "2022-04-30"},
			[]string{"khan -disputes-> opp ×1", "khan -denies-> army ×1", "khan -denies-> us ×1"}},
		{"dates: a year", contramap.Filter{From: "2023", To: "2023"},
			[]string{"pk -denies-> af ×1", "pk -supports-> pk ×1"}},
		{"verdict", contramap.Filter{Verdict: model.True},
			[]string{"us -supports-> nato ×1"}},
		{"nothing", contramap.Filter{Tag: "none"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := f.build(contramap.Options{Keep: tc.filter.Keep})
			if got := edges(g); strings.Join(got, "; ") != strings.Join(tc.want, "; ") {
				t.Errorf("edges %v, want %v", got, tc.want)
			}
		})
	}
	g := f.build(contramap.Options{Keep: contramap.Filter{Tag: "none"}.Keep})
	if !strings.Contains(g.Empty(), "No claims") {
		t.Errorf("no claim passes: %q", g.Empty())
	}
}

func TestFilterValidateAndDescribe(t *testing.T) {
	if err := (contramap.Filter{From: "2024-13"}).Validate(); err == nil {
		t.Error("--from 2024-13 passed")
	}
	if err := (contramap.Filter{From: "2024-05", To: "2024-04"}).Validate(); err == nil {
		t.Error("--from after --to passed")
	}
	if err := (contramap.Filter{From: "2024", To: "2024-01-01"}).Validate(); err != nil {
		t.Errorf("2024 to 2024-01-01: %v", err)
	}
	d := contramap.Filter{Tag: "ttp", From: "2023", Verdict: model.False}.Describe()
	if d != "claims tagged “ttp” made on or after 2023 with verdict False" {
		t.Errorf("Describe = %q", d)
	}
}

// chain is A's claim answered by B, B's by C, C's by D, D's by E.
func chain() fixture {
	var f fixture
	names := []string{"A", "B", "C", "D", "E"}
	for i, n := range names {
		f.actors = append(f.actors, model.Actor{ID: n, Name: n, Kind: model.KindPerson})
		f.claims = append(f.claims, model.ClaimSummary{Claim: model.Claim{ID: "c" + n, ActorID: n}, ActorName: n})
		if i > 0 {
			f.links = append(f.links, model.Link{FromID: "c" + n, ToID: "c" + names[i-1], Relation: model.Denies})
		}
	}
	// B answers A twice more: B is the most contested.
	for i := range 2 {
		id := fmt.Sprintf("extra%d", i)
		f.claims = append(f.claims,
			model.ClaimSummary{Claim: model.Claim{ID: id + "a", ActorID: "A"}, ActorName: "A"},
			model.ClaimSummary{Claim: model.Claim{ID: id + "b", ActorID: "B"}, ActorName: "B"})
		f.links = append(f.links, model.Link{FromID: id + "b", ToID: id + "a", Relation: model.Contradicts})
	}
	return f
}

func TestBuildFocusDepth(t *testing.T) {
	f := chain()
	for _, tc := range []struct {
		focus string
		depth int
		want  string
	}{
		{"C", 1, "B,C,D"},
		{"C", 2, "A,B,C,D,E"},
		{"A", 2, "A,B,C"},
		{"E", 1, "D,E"},
	} {
		g := f.build(contramap.Options{Focus: tc.focus, Depth: tc.depth})
		if got := ids(g); got != tc.want {
			t.Errorf("focus %s depth %d: %s, want %s", tc.focus, tc.depth, got, tc.want)
		}
		if g.Nodes[g.Focus].ActorID != tc.focus {
			t.Errorf("focus %s: Focus points at %s", tc.focus, g.Nodes[g.Focus].ActorID)
		}
	}
	// An actor with claims but no answers: alone, with a message.
	f.actors = append(f.actors, model.Actor{ID: "Z", Name: "Zed"})
	f.claims = append(f.claims, model.ClaimSummary{Claim: model.Claim{ID: "cZ", ActorID: "Z"}, ActorName: "Zed"})
	g := f.build(contramap.Options{Focus: "Z"})
	if ids(g) != "Z" || len(g.Nodes[0].Claims) != 1 || !strings.Contains(g.Empty(), "No one answers Zed") {
		t.Errorf("focus on Zed: %s, %q", ids(g), g.Empty())
	}
}

func TestBuildTopAndMaxEdges(t *testing.T) {
	f := chain()
	// Contested: A 3, B 4, C 2, D 2, E 1; ties by claims then name.
	g := f.build(contramap.Options{Top: 2})
	if got := ids(g); got != "A,B" {
		t.Errorf("top 2: %s, want A,B", got)
	}
	if got := edges(g); strings.Join(got, "; ") != "A -denies-> B ×1; A -contradicts-> B ×2" {
		t.Errorf("top 2 edges: %v", got)
	}
	// The focused actor stays in the top even when it is not among them.
	g = f.build(contramap.Options{Top: 1, Focus: "E", Depth: 2})
	if got := ids(g); got != "D,E" && got != "C,E" {
		t.Errorf("top 1 centred on E: %s", got)
	}
	// One edge: the one with the most pairs; the actors it leaves alone go.
	g = f.build(contramap.Options{MaxEdges: 1})
	if got := edges(g); strings.Join(got, "; ") != "A -contradicts-> B ×2" || ids(g) != "A,B" {
		t.Errorf("max 1 edge: %v over %s", got, ids(g))
	}
	if g.HiddenEdges != 4 || g.HiddenActors != 3 || g.AllEdges != 5 || g.MinEdgePairs != 2 {
		t.Errorf("hidden %d edges, %d actors, of %d; min %d", g.HiddenEdges, g.HiddenActors, g.AllEdges, g.MinEdgePairs)
	}
}

func TestEmptyMaps(t *testing.T) {
	g := contramap.Build(nil, nil, nil, contramap.Options{})
	if !strings.Contains(g.Empty(), "No claims") {
		t.Errorf("empty database: %q", g.Empty())
	}
	one := []model.ClaimSummary{{Claim: model.Claim{ID: "x", ActorID: "a"}, ActorName: "A"}}
	g = contramap.Build(one, nil, []model.Actor{{ID: "a", Name: "A"}}, contramap.Options{})
	if !strings.Contains(g.Empty(), "No contradictions") {
		t.Errorf("one actor, no links: %q", g.Empty())
	}
	s, err := contramap.Draw(context.Background(), g, nil, "t", "")
	if err != nil || s.Message == "" {
		t.Errorf("Draw of an empty map: %v, message %q", err, s.Message)
	}
}

// grid is n actors, each answering the next few, for layout tests.
func grid(n int) fixture {
	var f fixture
	for i := range n {
		id := fmt.Sprintf("a%02d", i)
		f.actors = append(f.actors, model.Actor{ID: id, Name: fmt.Sprintf("Ministry of Something Long %d", i), Kind: model.ActorKinds()[i%8]})
		for j := range 2 {
			f.claims = append(f.claims, model.ClaimSummary{Claim: model.Claim{ID: fmt.Sprintf("c%02d-%d", i, j), ActorID: id}})
		}
	}
	for i := range n {
		for _, d := range []int{1, 3, 7} {
			f.links = append(f.links, model.Link{FromID: fmt.Sprintf("c%02d-1", (i+d)%n), ToID: fmt.Sprintf("c%02d-0", i), Relation: model.Relations()[(i+d)%4]})
		}
	}
	return f
}

func TestLayoutIsDeterministicAndStaysPut(t *testing.T) {
	ctx := context.Background()
	f := grid(30)
	g := f.build(contramap.Options{})
	a, err := contramap.Draw(ctx, g, nil, "", "")
	if err != nil {
		t.Fatal(err)
	}
	b, err := contramap.Draw(ctx, f.build(contramap.Options{}), nil, "", "")
	if err != nil {
		t.Fatal(err)
	}
	for id, p := range a.Positions {
		if q := b.Positions[id]; q != p {
			t.Fatalf("the same graph laid out twice: %s at %v, then %v", id, p, q)
		}
	}
	// One more claim and its denial: the layout from the previous one
	// moves each actor little.
	f.claims = append(f.claims,
		model.ClaimSummary{Claim: model.Claim{ID: "new", ActorID: "a05"}},
		model.ClaimSummary{Claim: model.Claim{ID: "new-denial", ActorID: "a20"}})
	f.links = append(f.links, model.Link{FromID: "new-denial", ToID: "new", Relation: model.Denies})
	c, err := contramap.Draw(ctx, f.build(contramap.Options{}), a.Positions, "", "")
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := contramap.Draw(ctx, f.build(contramap.Options{}), nil, "", "")
	if err != nil {
		t.Fatal(err)
	}
	diag := math.Hypot(a.Width, a.Height)
	kept, anew := moved(a.Positions, c.Positions), moved(a.Positions, fresh.Positions)
	t.Logf("one claim more: the actors moved %.0f points on average from the last layout, %.0f laid out afresh, on a map %.0f across", kept, anew, diag)
	if kept > diag*0.03 {
		t.Errorf("one claim more moved the actors %.0f points on average, on a map %.0f points across", kept, diag)
	}
}

func TestLabelsDoNotOverlap(t *testing.T) {
	s, err := contramap.Draw(context.Background(), grid(40).build(contramap.Options{}), nil, "", "")
	if err != nil {
		t.Fatal(err)
	}
	boxes := make([]contramap.Rect, 0, 2*len(s.Nodes))
	for _, n := range s.Nodes {
		boxes = append(boxes, n.Label, contramap.Rect{X: n.Centre.X - n.R, Y: n.Centre.Y - n.R, W: 2 * n.R, H: 2 * n.R})
	}
	for i := range boxes {
		for j := i + 1; j < len(boxes); j++ {
			if i/2 == j/2 {
				continue // a node's own circle and label
			}
			a, b := boxes[i], boxes[j]
			if a.X+1 < b.X+b.W && b.X+1 < a.X+a.W && a.Y+1 < b.Y+b.H && b.Y+1 < a.Y+a.H {
				t.Errorf("%v and %v overlap", a, b)
			}
		}
	}
}

// moved is how far the actors of a moved on average in b, the whole
// picture's shift (which fitting it to the page undoes) aside.
func moved(a, b contramap.Positions) float64 {
	var dx, dy float64
	for id, p := range a {
		dx += b[id].X - p.X
		dy += b[id].Y - p.Y
	}
	dx, dy = dx/float64(len(a)), dy/float64(len(a))
	var sum float64
	for id, p := range a {
		q := b[id]
		sum += math.Hypot(q.X-p.X-dx, q.Y-p.Y-dy)
	}
	return sum / float64(len(a))
}
