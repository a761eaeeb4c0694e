module intake

go 1.19
