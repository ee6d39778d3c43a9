module rewrites

go 1.27
