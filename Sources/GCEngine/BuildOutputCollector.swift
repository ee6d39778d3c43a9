/// Gathers one build's output as `BuildTextSplitter` or `BuildEventDecoder` cuts it: one
/// `PackageOutputReader` per package that printed anything (in the order the go command first
/// reported each), and the packages that failed.
struct BuildOutputCollector: BuildEventSink {
    private let parser: CompilerTextParser
    private let assembly: Bool
    private var readers: [PackageOutputReader] = []
    private var index: [String: Int] = [:]
    /// Import paths of `build-fail` events.
    private(set) var failed: Set<String> = []

    /// Starts collecting; `assembly` says whether the listings are read for allocator calls.
    init(parser: CompilerTextParser, assembly: Bool) {
        self.parser = parser
        self.assembly = assembly
    }

    mutating func output(importPath: String, bytes: UnsafeBufferPointer<UInt8>) {
        if let i = index[importPath] {
            readers[i].consume(bytes)
        } else {
            index[importPath] = readers.count
            var reader = PackageOutputReader(importPath: importPath, parser: parser, assembly: assembly)
            reader.consume(bytes)
            readers.append(reader)
        }
    }

    mutating func failed(importPath: String) {
        failed.insert(importPath)
    }

    /// Ends every package's output and returns them in first-reported order.
    mutating func finish() -> [PackageOutputReader.Output] {
        var outputs: [PackageOutputReader.Output] = []
        for i in readers.indices { outputs.append(readers[i].finish()) }
        readers = []
        index = [:]
        return outputs
    }
}
