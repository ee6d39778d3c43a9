/// The target a scan builds for: which files and `//go:build` lines are satisfied.
public struct BuildContext: Sendable, Hashable {
    /// Target operating system (`linux`, `darwin`, ...).
    public var goos: String
    /// Target architecture (`amd64`, `arm64`, ...).
    public var goarch: String
    /// Whether cgo is on; when off, files that `import "C"` are excluded.
    public var cgoEnabled: Bool
    /// Extra build tags (`-tags`).
    public var tags: Set<String>
    /// Minor version of the Go release the tags `go1.1` ... `go1.N` are satisfied up to.
    public var releaseMinor: Int
    /// Whether `_test.go` files are part of their packages.
    public var includeTests: Bool
    /// Tags the toolchain itself sets: enabled experiments (`goexperiment.X`) and the
    /// architecture level (`amd64.v1`).
    public var toolTags: Set<String>

    /// Creates a context.
    public init(goos: String = BuildContext.hostOS, goarch: String = BuildContext.hostArch,
                cgoEnabled: Bool = false, tags: Set<String> = [], releaseMinor: Int = 27,
                includeTests: Bool = false, toolTags: Set<String>? = nil) {
        self.goos = goos
        self.goarch = goarch
        self.cgoEnabled = cgoEnabled
        self.tags = tags
        self.releaseMinor = releaseMinor
        self.includeTests = includeTests
        self.toolTags = toolTags ?? BuildContext.defaultToolTags(goarch: goarch)
    }

    /// The tool tags of Go 1.27's default configuration for an architecture: the experiments
    /// on by default and the baseline architecture level.
    public static func defaultToolTags(goarch: String) -> Set<String> {
        var tags: Set<String> = ["goexperiment.dwarf5", "goexperiment.jsonv2", "goexperiment.greenteagc",
                                 "goexperiment.sizespecializedmalloc"]
        if ["amd64", "arm64", "ppc64", "ppc64le", "riscv64", "loong64"].contains(goarch) {
            tags.formUnion(["goexperiment.regabiwrappers", "goexperiment.regabiargs"])
        }
        if ["amd64", "arm64", "ppc64", "ppc64le", "riscv64", "loong64", "mips64", "mips64le", "s390x"].contains(goarch) {
            tags.insert("goexperiment.randomizedheapbase64")
        }
        switch goarch {
        case "amd64": tags.insert("amd64.v1")
        case "arm64": tags.insert("arm64.v8.0")
        case "386": tags.insert("386.sse2")
        case "arm": tags.insert("arm.7")
        default: break
        }
        return tags
    }

    /// The operating system heapsight runs on, in Go's spelling.
    public static var hostOS: String {
        #if os(Linux)
        return "linux"
        #elseif os(macOS)
        return "darwin"
        #elseif os(Windows)
        return "windows"
        #elseif os(FreeBSD)
        return "freebsd"
        #else
        return "linux"
        #endif
    }

    /// The architecture heapsight runs on, in Go's spelling.
    public static var hostArch: String {
        #if arch(x86_64)
        return "amd64"
        #elseif arch(arm64)
        return "arm64"
        #elseif arch(i386)
        return "386"
        #elseif arch(arm)
        return "arm"
        #else
        return "amd64"
        #endif
    }

    /// Whether one build tag is satisfied (the rules of `go/build`: GOOS and GOARCH with their
    /// aliases, `unix`, `cgo`, `gc`, release tags and user tags).
    public func satisfies(tag: String) -> Bool {
        if tag == goos || tag == goarch || tag == "gc" { return true }
        if tag == "cgo" { return cgoEnabled }
        if tag == "unix" { return KnownPlatforms.unixOS.contains(goos) }
        if goos == "android" && tag == "linux" { return true }
        if goos == "illumos" && tag == "solaris" { return true }
        if goos == "ios" && tag == "darwin" { return true }
        if tag.hasPrefix("go1."), let minor = Int(tag.dropFirst(4)) { return minor >= 1 && minor <= releaseMinor }
        return tags.contains(tag) || toolTags.contains(tag)
    }
}

/// The operating systems and architectures the go tool knows (file-name suffixes only constrain
/// files when they name one of these).
public enum KnownPlatforms {
    /// Known GOOS values.
    public static let os: Set<String> = [
        "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux",
        "nacl", "netbsd", "openbsd", "plan9", "solaris", "wasip1", "windows", "zos",
    ]
    /// GOOS values that satisfy the `unix` tag.
    public static let unixOS: Set<String> = [
        "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "linux",
        "netbsd", "openbsd", "solaris",
    ]
    /// Known GOARCH values.
    public static let arch: Set<String> = [
        "386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64", "mips", "mipsle",
        "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc", "ppc64", "ppc64le", "riscv", "riscv64",
        "s390", "s390x", "sparc", "sparc64", "wasm",
    ]
}
