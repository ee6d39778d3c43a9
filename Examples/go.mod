module example.com/heapsight/examples

go 1.27
