module uintptrescapes

go 1.27
