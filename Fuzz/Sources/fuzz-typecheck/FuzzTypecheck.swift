import FuzzSupport
import GoSyntax
import GoTypes

/// libFuzzer's entry: any bytes as the only file of a package, parsed and type-checked. GOROOT
/// is a folder that does not exist, so every import fails the way a missing package does and
/// each input is checked on its own, in a fresh session.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTypecheck(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    let file = parseFile(path: "/fuzz/p/fuzz.go", bytes: bytes)
    // On the large stack heapsight itself checks on (`heapsight typecheck`, the native engine).
    return TypecheckRun.onLargeStack {
        let session = TypecheckSession(locator: PackageLocator(goroot: "/nonexistent-goroot"))
        session.modulePackages["fuzz/p"] = PackageSource(path: "fuzz/p", directory: "/fuzz/p", files: [file])
        _ = session.check("fuzz/p")?.diagnostics.count
        return 0
    }
}

