module heapsight.test/parsedump

go 1.27
