/// A `FactPathMapper` for one go command folder that remembers each printed path's mapping: a
/// package's output names a handful of files tens of thousands of times, and each mapping
/// standardises a URL.
struct CachedPathMapper: Sendable {
    private let mapper: FactPathMapper
    private let base: String
    private var cache: [String: (file: String, external: Bool)] = [:]

    init(mapper: FactPathMapper, base: String) {
        self.mapper = mapper
        self.base = base
    }

    /// `FactPathMapper.map(printed, base:)`, computed once per printed path.
    mutating func map(_ printed: String) -> (file: String, external: Bool) {
        if let known = cache[printed] { return known }
        let mapped = mapper.map(printed, base: base)
        cache[printed] = mapped
        return mapped
    }
}
