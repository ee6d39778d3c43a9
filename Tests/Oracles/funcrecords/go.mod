module heapsight.test/oracles/funcrecords

go 1.27
