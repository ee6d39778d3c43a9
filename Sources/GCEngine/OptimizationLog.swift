import Foundation

/// The compiler's `-json=0,DIR` optimisation log: one file per source file, LSP-style entries.
public enum OptimizationLog {
    /// One logged decision.
    public struct Entry: Sendable, Hashable {
        /// Import path of the package being compiled (from the file header).
        public var package: String
        /// Absolute path of the source file (from the file header).
        public var file: String
        /// 1-based line.
        public var line: Int
        /// 1-based byte column (the log's `character` is the same column `-m` prints).
        public var column: Int
        /// Entry code: `canInlineFunction`, `cannotInlineFunction`, `cannotInlineCall`, `escape`,
        /// `escapes`, `leak`, `nilcheck`, `isInBounds`, ...
        public var code: String
        /// The message (`cost: 7`, a reason, `X escapes to heap`).
        public var message: String
        /// Related-information messages (`escflow:` explanation lines, `inlineLoc`).
        public var related: [String]
    }

    private struct Header: Decodable { var package: String; var file: String }
    private struct Position: Decodable { var line: Int; var character: Int }
    private struct Range: Decodable { var start: Position }
    private struct Related: Decodable { var message: String }
    private struct Record: Decodable {
        var range: Range
        var code: String
        var message: String
        var relatedInformation: [Related]?
    }

    /// Reads every log file below `directory`, in sorted file order.
    public static func read(directory: String) -> [Entry] {
        let fm = FileManager.default
        guard let enumerator = fm.enumerator(atPath: directory) else { return [] }
        var files: [String] = []
        while let item = enumerator.nextObject() as? String {
            if item.hasSuffix(".json") { files.append(item) }
        }
        var entries: [Entry] = []
        for file in files.sorted() {
            guard let data = fm.contents(atPath: directory + "/" + file) else { continue }
            entries += parse(data)
        }
        return entries
    }

    /// Parses one log file's contents.
    public static func parse(_ data: Data) -> [Entry] {
        let decoder = JSONDecoder()
        let lines = data.split(separator: UInt8(ascii: "\n"))
        guard let first = lines.first, let header = try? decoder.decode(Header.self, from: Data(first)) else { return [] }
        var entries: [Entry] = []
        for line in lines.dropFirst() {
            guard let record = try? decoder.decode(Record.self, from: Data(line)) else { continue }
            entries.append(Entry(package: header.package, file: header.file, line: record.range.start.line,
                                 column: record.range.start.character, code: record.code,
                                 message: record.message,
                                 related: record.relatedInformation?.map(\.message) ?? []))
        }
        return entries
    }
}
