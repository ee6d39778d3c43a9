module heapsight.test/oracles/allocsrun

go 1.27

require example.com/allocs v0.0.0

replace example.com/allocs => ../../PassesTests/Fixtures/allocs
