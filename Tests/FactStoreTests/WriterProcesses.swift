import Foundation
import XCTest

/// What StoreWriterFixture printed: `done K ID FACTS` for each run it committed.
enum WriterOutput {
    /// Run id → number of facts recorded, from every `done` line.
    static func factCounts(_ text: String) -> [Int64: Int] {
        var counts: [Int64: Int] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("done ") {
            let f = line.split(separator: " ")
            if f.count == 4, let id = Int64(f[2]), let n = Int(f[3]) { counts[id] = n }
        }
        return counts
    }
}

/// A StoreWriterFixture child process with its output collected.
final class WriterProcess {
    let process = Process()
    private let out = Pipe(), err = Pipe()

    /// Starts the fixture with `arguments`.
    init(_ arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: StoreFixtures.writerExecutable)
        process.arguments = arguments
        process.standardOutput = out
        process.standardError = err
        try process.run()
    }

    /// Reads stdout until `line` has been printed (or the child ends); returns what was read.
    func read(until line: String) -> String {
        var text = ""
        while !text.contains(line + "\n") {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        return text
    }

    /// Waits for the child and returns its stdout, stderr and exit status.
    func finish() -> (out: String, err: String, status: Int32) {
        let o = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (o, e, process.terminationStatus)
    }
}
