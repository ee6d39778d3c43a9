module heapsight.test/oracles/mnormalize

go 1.27
