module wrappers

go 1.27
