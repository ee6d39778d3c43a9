import FactStore
import Foundation
import enum GoSyntax.SHA256
import PprofFormat

/// A profile file read and decoded, with its kind, before anything is attributed.
struct ProfileInput: Sendable {
    /// The path as the user gave it.
    var path: String
    /// SHA-256 of the file's bytes.
    var sha256: String
    /// Heap or CPU.
    var kind: ProfileKind
    /// The decoded samples.
    var profile: PprofProfile

    /// The sample types heapsight reads from a heap profile (runtime/pprof writes all four;
    /// `alloc_space` is the one rankings default to).
    static let heapTypes = ["alloc_objects", "alloc_space", "inuse_objects", "inuse_space"]

    /// Reads, decodes and classifies one profile file. Every failure names the file and says what
    /// heapsight expected.
    static func read(path: String) throws -> ProfileInput {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw ProfileError(path: path, reason: exists ? "it cannot be read" : "it does not exist")
        }
        let bytes = [UInt8](data)
        guard !bytes.isEmpty else { throw ProfileError(path: path, reason: "it is empty") }
        let profile: PprofProfile
        do {
            profile = try PprofProfile.decode(bytes)
        } catch let error as PprofDecodeError {
            throw ProfileError(path: path, reason: error.description)
        }
        return ProfileInput(path: path, sha256: SHA256.hex(of: bytes), kind: try kind(of: profile, path: path),
                            profile: profile)
    }

    /// Heap when the profile has `alloc_space` and `alloc_objects`, CPU when it has `cpu` in
    /// nanoseconds; any other profile (goroutine, mutex, block, threadcreate, ...) is refused.
    static func kind(of profile: PprofProfile, path: String) throws -> ProfileKind {
        let types = Set(profile.sampleTypes.map(\.type))
        if types.contains("alloc_space") && types.contains("alloc_objects") { return .heap }
        if profile.sampleTypes.contains(where: { $0.type == "cpu" && $0.unit == "nanoseconds" }) { return .cpu }
        let found = profile.sampleTypes.map { "\($0.type)/\($0.unit)" }.joined(separator: ", ")
        throw ProfileError(path: path, reason: "it is not a heap or CPU profile (its sample types are \(found)); "
                           + "heapsight reads heap/allocs profiles (alloc_space, alloc_objects) and CPU profiles (cpu/nanoseconds)")
    }
}

/// A profile that cannot be used; the scan stops with exit code 2 before the store is touched.
struct ProfileError: Error, CustomStringConvertible {
    /// The profile file.
    var path: String
    /// What is wrong with it.
    var reason: String

    var description: String { "cannot use the profile \(path): \(reason)" }
}
