import FactStore
import Foundation
import GoLoader

extension ScanPipeline {
    /// The profiles of the scan (`--profile` first, then `profiles:` of the configuration,
    /// relative to its folder), read and decoded before anything else is done, so that a bad
    /// profile stops the scan before the store is opened.
    func readProfiles(config: Configuration) throws -> [ProfileInput] {
        let base = config.path.map { ($0 as NSString).deletingLastPathComponent } ?? ""
        let configured = config.profiles.map { $0.hasPrefix("/") || base.isEmpty ? $0 : base + "/" + $0 }
        do {
            return try (request.profiles + configured).map(ProfileInput.read(path:))
        } catch let error as ProfileError {
            throw ScanError.input(error.description)
        }
    }

    /// The tree profiles are attributed to: the scanned packages outside the standard library.
    static func profileTree(_ loaded: LoadResult) -> ProfileTree {
        let own = loaded.packages.filter { !$0.isStandard }
        return ProfileTree(packages: own.map(\.importPath), files: own.flatMap { $0.files.map(\.path) })
    }

    /// Refuses a profile none of whose samples has a frame in the scanned packages: it was taken
    /// from another program (or of code outside the scanned roots).
    static func checkProfilesMatch(_ profiles: [ProfileInput], tree: ProfileTree) throws {
        for p in profiles where !ProfileAttribution.touchesTree(p, tree) {
            let binary = p.profile.mainBinary.map { " (its program is \(($0 as NSString).lastPathComponent))" } ?? ""
            throw ScanError.input(ProfileError(
                path: p.path,
                reason: "none of its \(p.profile.samples.count) samples has a frame in the scanned packages\(binary); "
                    + "it is a profile of another program, or the scan does not include the profiled code").description)
        }
    }

    /// The profiles attributed to the run's source.
    static func attribute(_ profiles: [ProfileInput], tree: ProfileTree, content: RunContent) -> [ProfileRecord] {
        guard !profiles.isEmpty else { return [] }
        let attribution = ProfileAttribution(tree: tree, index: ProfileSourceIndex(content))
        return profiles.map(attribution.attribute)
    }
}
