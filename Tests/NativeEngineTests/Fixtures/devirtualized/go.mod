module devirtualized

go 1.27
