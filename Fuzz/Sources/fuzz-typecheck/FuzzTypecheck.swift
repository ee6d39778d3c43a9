import Foundation
import FuzzSupport
import GoSyntax
import GoTypes

/// One thread with the large stack heapsight checks on (`TypecheckRun.onLargeStack`: 1 GiB),
/// kept for the whole run: a new thread per input would map and clear that stack's
/// AddressSanitizer shadow every time.
final class LargeStackWorker {
    private var job: (() -> Void)?
    private let start = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)

    init() {
        let thread = Thread { [unowned self] in
            while true {
                self.start.wait()
                self.job?()
                self.done.signal()
            }
        }
        thread.stackSize = 1 << 30
        thread.start()
    }

    /// Runs `body` on the worker and waits for it.
    func run(_ body: @escaping () -> Void) {
        job = body
        start.signal()
        done.wait()
    }
}

let worker = LargeStackWorker()

/// libFuzzer's entry: any bytes as the only file of a package, parsed and type-checked. GOROOT
/// is a folder that does not exist, so every import fails the way a missing package does and
/// each input is checked on its own, in a fresh session.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTypecheck(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    let file = parseFile(path: "/fuzz/p/fuzz.go", bytes: bytes)
    worker.run {
        let session = TypecheckSession(locator: PackageLocator(goroot: "/nonexistent-goroot"))
        session.modulePackages["fuzz/p"] = PackageSource(path: "fuzz/p", directory: "/fuzz/p", files: [file])
        _ = session.check("fuzz/p")?.diagnostics.count
    }
    return 0
}
