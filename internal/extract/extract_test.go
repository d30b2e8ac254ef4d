package extract_test

import "claims/internal/model"

var knownActors = []model.Actor{
	{ID: "ru", Name: "Government of Ruritania", Kind: model.KindGovernment, Aliases: []string{"Ruritania", "Strelsau", "Ruritanian government"}},
	{ID: "bo", Name: "Government of Borduria", Kind: model.KindGovernment, Aliases: []string{"Borduria", "Szohod"}},
	{ID: "ba", Name: "Bordurian army", Kind: model.KindMilitary, Aliases: []string{"Bordurian military"}},
	{ID: "us", Name: "United States government", Kind: model.KindGovernment, Aliases: []string{"US", "Washington"}},
	{ID: "lm", Name: "Liberation Movement", Kind: model.KindGroup, Aliases: []string{"LM"}},
}
