/// A `FactPathMapper` for one go command folder and one package's folder that remembers each printed path's mapping: a
/// package's output names a handful of files tens of thousands of times, and each mapping
/// standardises a URL.
struct CachedPathMapper: Sendable {
    private let mapper: FactPathMapper
    private let base: String
    private let packageDirectory: String?
    private var cache: [String: (file: String, external: Bool)] = [:]

    init(mapper: FactPathMapper, base: String, packageDirectory: String? = nil) {
        self.mapper = mapper
        self.base = base
        self.packageDirectory = packageDirectory
    }

    /// `FactPathMapper.map(printed, base:, packageDirectory:)`, computed once per printed path.
    mutating func map(_ printed: String) -> (file: String, external: Bool) {
        if let known = cache[printed] { return known }
        let mapped = mapper.map(printed, base: base, packageDirectory: packageDirectory)
        cache[printed] = mapped
        return mapped
    }
}
