module claims

go 1.26.8
