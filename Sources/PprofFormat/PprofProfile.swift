import Foundation
import SwiftProtobuf

/// A decoded pprof profile with its tables resolved: every sample as its values and its stack
/// of frames, innermost first, with inlined frames expanded (pprof's `Location.line` lists the
/// inlined callees before the function they were inlined into). The protobuf types stay inside
/// this module; callers see plain values.
public struct PprofProfile: Sendable, Equatable {
    /// One column of sample values, e.g. `alloc_space`/`bytes` or `cpu`/`nanoseconds`.
    public struct ValueType: Sendable, Equatable {
        /// The quantity (`alloc_objects`, `alloc_space`, `inuse_objects`, `inuse_space`, `samples`, `cpu`, ...).
        public var type: String
        /// Its unit (`count`, `bytes`, `nanoseconds`).
        public var unit: String
    }

    /// One source position of a stack.
    public struct Frame: Sendable, Equatable, Hashable {
        /// The function's symbol name (`example.com/m.(*T).M`, `runtime.mallocgc`).
        public var function: String
        /// The source file as the binary recorded it (absolute, or module-relative with `-trimpath`).
        public var file: String
        /// 1-based line, 0 when unknown.
        public var line: Int
        /// True when this frame was inlined into the next one.
        public var inlined: Bool

        /// Creates a frame.
        public init(function: String, file: String, line: Int, inlined: Bool) {
            self.function = function
            self.file = file
            self.line = line
            self.inlined = inlined
        }
    }

    /// One sample: values in the order of `sampleTypes`, and the stack, innermost frame first.
    public struct Sample: Sendable, Equatable {
        /// Values, one per sample type.
        public var values: [Int64]
        /// Frames, innermost first.
        public var frames: [Frame]
    }

    /// The sample value columns.
    public var sampleTypes: [ValueType]
    /// The samples.
    public var samples: [Sample]
    /// What one period counts (`cpu`/`nanoseconds` for CPU, `space`/`bytes` for heap).
    public var periodType: ValueType?
    /// The sampling period.
    public var period: Int64
    /// Nanoseconds the profile covers (0 when not recorded).
    public var durationNanos: Int64
    /// The main binary's file name as recorded in the first mapping, if any.
    public var mainBinary: String?

    /// The index of a sample type by name, if present.
    public func index(of type: String) -> Int? {
        sampleTypes.firstIndex { $0.type == type }
    }
}

/// Why bytes are not a usable pprof profile.
public enum PprofDecodeError: Error, Equatable, CustomStringConvertible {
    /// The gzip layer failed.
    case gzip(Gzip.Failure)
    /// The protobuf layer failed.
    case protobuf(String)
    /// The message decoded but refers to tables it does not have.
    case inconsistent(String)

    public var description: String {
        switch self {
        case .gzip(let failure): return failure.description
        case .protobuf(let reason): return "it is not a pprof profile (\(reason))"
        case .inconsistent(let reason): return "it is not a consistent pprof profile (\(reason))"
        }
    }
}

extension PprofProfile {
    /// Decodes a profile file's bytes: gzip, then `perftools.profiles.Profile`, then the tables.
    /// Go always writes profiles gzip-compressed, so uncompressed input is refused as not gzip.
    public static func decode(_ bytes: [UInt8]) throws -> PprofProfile {
        let raw: [UInt8]
        do {
            raw = try Gzip.inflate(bytes)
        } catch let failure as Gzip.Failure {
            throw PprofDecodeError.gzip(failure)
        }
        let message: Perftools_Profiles_Profile
        do {
            message = try Perftools_Profiles_Profile(serializedBytes: raw)
        } catch {
            throw PprofDecodeError.protobuf("\(error)")
        }
        return try resolve(message)
    }

    /// Resolves string, function and location references into frames.
    static func resolve(_ p: Perftools_Profiles_Profile) throws -> PprofProfile {
        let strings = p.stringTable
        guard strings.first == "" else {
            throw PprofDecodeError.inconsistent("the string table does not start with the empty string")
        }
        func string(_ index: Int64) throws -> String {
            guard index >= 0, index < strings.count else {
                throw PprofDecodeError.inconsistent("string index \(index) is outside the table of \(strings.count)")
            }
            return strings[Int(index)]
        }
        func valueType(_ v: Perftools_Profiles_ValueType) throws -> ValueType {
            ValueType(type: try string(v.type), unit: try string(v.unit))
        }
        var functions: [UInt64: (name: String, file: String)] = [:]
        for f in p.function { functions[f.id] = (try string(f.name), try string(f.filename)) }
        var locations: [UInt64: [Frame]] = [:]
        for l in p.location {
            var frames: [Frame] = []
            for (i, line) in l.line.enumerated() {
                guard let f = functions[line.functionID] else {
                    throw PprofDecodeError.inconsistent("location \(l.id) names function \(line.functionID), which is not in the profile")
                }
                frames.append(Frame(function: f.name, file: f.file, line: Int(line.line), inlined: i < l.line.count - 1))
            }
            locations[l.id] = frames
        }
        let types = try p.sampleType.map(valueType)
        guard !types.isEmpty else { throw PprofDecodeError.inconsistent("it declares no sample types") }
        var samples: [Sample] = []
        samples.reserveCapacity(p.sample.count)
        for s in p.sample {
            guard s.value.count == types.count else {
                throw PprofDecodeError.inconsistent("a sample has \(s.value.count) values for \(types.count) sample types")
            }
            var frames: [Frame] = []
            for id in s.locationID {
                guard let stack = locations[id] else {
                    throw PprofDecodeError.inconsistent("a sample names location \(id), which is not in the profile")
                }
                frames.append(contentsOf: stack)
            }
            samples.append(Sample(values: s.value, frames: frames))
        }
        let main = p.mapping.first.map { try? string($0.filename) } ?? nil
        return PprofProfile(sampleTypes: types, samples: samples,
                            periodType: p.hasPeriodType ? try valueType(p.periodType) : nil,
                            period: p.period, durationNanos: p.durationNanos,
                            mainBinary: main.flatMap { $0.isEmpty ? nil : $0 })
    }
}
