package model

// ClaimSummary is one row of the claim list: the claim with the names the
// list shows and its counter-claims in brief.
type ClaimSummary struct {
	Claim
	ActorName     string
	SourceTitle   string
	SourceOutlet  string
	CounterCount  int      // claims that deny, dispute or contradict this one
	CounterActors []string // their actors' names, distinct, in link order
	// AnswersCount is the number of claims this one denies, disputes or
	// contradicts: above zero, the claim is a counter-claim.
	AnswersCount int
	// Reviewers are the people who worked on the claim, distinct, in the
	// order they first did: for now the authors of its notes, oldest
	// note first.
	Reviewers []string
}

// Related is a claim seen from another claim across a link.
type Related struct {
	Relation  Relation
	Claim     Claim
	ActorName string
}

// ClaimDetail is everything the detail pane shows about one claim.
type ClaimDetail struct {
	Claim    Claim
	Actor    Actor
	Subjects []Actor
	Source   *Source // nil when the claim has no source
	// AnsweredBy are the claims that answer this one (counter-claims and
	// supporting claims), oldest link first.
	AnsweredBy []Related
	// Answers are the claims this one answers.
	Answers []Related
	Notes   []Annotation // oldest first
}

// Counters returns the claims in AnsweredBy whose relation opposes this one.
func (d ClaimDetail) Counters() []Related {
	var out []Related
	for _, r := range d.AnsweredBy {
		if r.Relation.Opposes() {
			out = append(out, r)
		}
	}
	return out
}

// Pair is one contradiction: a claim and a claim that answers it.
type Pair struct {
	Claim    ClaimSummary
	Relation Relation
	Counter  ClaimSummary
}
