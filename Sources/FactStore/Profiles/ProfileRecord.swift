/// What a profile measures: allocations (Go's heap or allocs profile) or CPU time.
public enum ProfileKind: String, Sendable, Codable, CaseIterable {
    /// `alloc_objects`, `alloc_space`, `inuse_objects`, `inuse_space` (runtime/pprof's heap profile).
    case heap
    /// `samples` and `cpu` nanoseconds (runtime/pprof's CPU profile).
    case cpu
}

/// Whether a profiled position is a heap site some pass knows.
public enum ProfileSiteStatus: String, Sendable, Codable, CaseIterable {
    /// A heap allocation site of the run (an `alloc` fact placed on the heap, or `escapes` /
    /// `moved-to-heap` when the allocations pass did not run) is on this line.
    case site
    /// The line exists in the scanned source but no pass reported a heap site there.
    case unknown
    /// The line does not exist in the scanned source (a file that is not scanned, a line past its
    /// end, or a function the source no longer has there): the profile is older than the code.
    case stale
}

/// The weight of a position, one field per sample type heapsight reads.
public struct ProfileWeight: Sendable, Equatable, Hashable, Codable {
    /// Objects allocated (`alloc_objects`).
    public var allocObjects: Int64
    /// Bytes allocated (`alloc_space`).
    public var allocBytes: Int64
    /// Objects live at the time of the profile (`inuse_objects`).
    public var inuseObjects: Int64
    /// Bytes live at the time of the profile (`inuse_space`).
    public var inuseBytes: Int64
    /// CPU nanoseconds spent allocating (`cpu`, only samples under the runtime's allocation functions).
    public var cpuNanoseconds: Int64

    /// Creates a weight.
    public init(allocObjects: Int64 = 0, allocBytes: Int64 = 0, inuseObjects: Int64 = 0, inuseBytes: Int64 = 0,
                cpuNanoseconds: Int64 = 0) {
        self.allocObjects = allocObjects
        self.allocBytes = allocBytes
        self.inuseObjects = inuseObjects
        self.inuseBytes = inuseBytes
        self.cpuNanoseconds = cpuNanoseconds
    }

    /// The zero weight.
    public static let zero = ProfileWeight()

    /// The field-by-field sum.
    public static func + (a: ProfileWeight, b: ProfileWeight) -> ProfileWeight {
        ProfileWeight(allocObjects: a.allocObjects + b.allocObjects, allocBytes: a.allocBytes + b.allocBytes,
                      inuseObjects: a.inuseObjects + b.inuseObjects, inuseBytes: a.inuseBytes + b.inuseBytes,
                      cpuNanoseconds: a.cpuNanoseconds + b.cpuNanoseconds)
    }

    /// The value of one ranking measure.
    public func value(_ measure: ProfileMeasure) -> Int64 {
        switch measure {
        case .allocBytes: return allocBytes
        case .allocObjects: return allocObjects
        case .inuseBytes: return inuseBytes
        case .inuseObjects: return inuseObjects
        case .cpu: return cpuNanoseconds
        }
    }
}

/// A quantity sites and functions are ranked by; raw values are pprof's sample type names.
public enum ProfileMeasure: String, Sendable, CaseIterable, Codable {
    /// Bytes allocated.
    case allocBytes = "alloc_space"
    /// Objects allocated.
    case allocObjects = "alloc_objects"
    /// Bytes in use.
    case inuseBytes = "inuse_space"
    /// Objects in use.
    case inuseObjects = "inuse_objects"
    /// CPU time in allocation.
    case cpu

    /// The unit values are in.
    public var unit: String {
        switch self {
        case .allocBytes, .inuseBytes: return "bytes"
        case .allocObjects, .inuseObjects: return "objects"
        case .cpu: return "nanoseconds"
        }
    }
}

/// One source position the samples of a profile were attributed to.
public struct ProfileSite: Sendable, Equatable, Hashable, Codable {
    /// Path relative to the scanned root for positions inside it; the profile's own path for
    /// stale positions that match no scanned file.
    public var file: String
    /// 1-based line.
    public var line: Int
    /// The function's symbol as the profile names it (`example.com/m.(*T).M`).
    public var symbol: String
    /// The heapsight function containing the line, when the source has one there.
    public var functionID: String?
    /// True when the frame was inlined into its caller.
    public var inlined: Bool
    /// For an inlined frame, the file of the call site in the function it was compiled into
    /// (the outermost frame of the inlining chain), when that is in the scanned tree.
    public var callFile: String? = nil
    /// The line of that call site.
    public var callLine: Int? = nil
    /// Whether a pass knows this position.
    public var status: ProfileSiteStatus
    /// The attributed weight.
    public var weight: ProfileWeight

    /// The position the compiled code is at: the call site for an inlined frame, else the frame.
    public var physicalFile: String { callFile ?? file }
    /// The line of `physicalFile`.
    public var physicalLine: Int { callLine ?? line }

    /// Creates a site.
    public init(file: String, line: Int, symbol: String, functionID: String?, inlined: Bool,
                status: ProfileSiteStatus, weight: ProfileWeight, callFile: String? = nil, callLine: Int? = nil) {
        self.callFile = callFile
        self.callLine = callLine
        self.file = file
        self.line = line
        self.symbol = symbol
        self.functionID = functionID
        self.inlined = inlined
        self.status = status
        self.weight = weight
    }
}

/// One profile file recorded with a run, with its sites.
public struct ProfileRecord: Sendable, Equatable {
    /// The file as the user named it.
    public var path: String
    /// SHA-256 of the file's bytes.
    public var sha256: String
    /// Heap or CPU.
    public var kind: ProfileKind
    /// The sample types as `type/unit`.
    public var sampleTypes: [String]
    /// Samples in the profile.
    public var sampleCount: Int
    /// Samples attributed to a position inside the scanned tree.
    public var attributedCount: Int
    /// Sum over all samples: objects allocated (heap) or 0.
    public var totalObjects: Int64
    /// Sum over all samples: bytes allocated (heap) or 0.
    public var totalBytes: Int64
    /// Sum over all samples: CPU nanoseconds (cpu) or 0.
    public var totalCPUNanoseconds: Int64
    /// Nanoseconds the profile covers, 0 when not recorded.
    public var durationNanoseconds: Int64
    /// Positions, heaviest first.
    public var sites: [ProfileSite]

    /// Creates a profile record.
    public init(path: String, sha256: String, kind: ProfileKind, sampleTypes: [String], sampleCount: Int,
                attributedCount: Int, totalObjects: Int64, totalBytes: Int64, totalCPUNanoseconds: Int64,
                durationNanoseconds: Int64, sites: [ProfileSite]) {
        self.path = path
        self.sha256 = sha256
        self.kind = kind
        self.sampleTypes = sampleTypes
        self.sampleCount = sampleCount
        self.attributedCount = attributedCount
        self.totalObjects = totalObjects
        self.totalBytes = totalBytes
        self.totalCPUNanoseconds = totalCPUNanoseconds
        self.durationNanoseconds = durationNanoseconds
        self.sites = sites
    }
}
