module heapsight.test/typesdump

go 1.27
