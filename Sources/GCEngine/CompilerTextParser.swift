import PassKit

/// Reads one package's `-m=2` text into facts, attaching each `-m=2` explanation to the
/// verdict it explains.
///
/// Explanations are printed before their verdicts: a header (`x escapes to heap in F:`,
/// `parameter p leaks to ~r0 for F with derefs=0:`) and indented flow lines, all at the
/// position of the thing explained. They are collected per (position, subject) and given to
/// the `moved-to-heap`, `escapes` and `leak-*` facts with the same position and subject.
/// `capturing by` lines join the explanation of the captured variable.
///
/// The text is read line by line as the compiler's output streams in (`session()`,
/// `Session.consume`, `Session.finish`).
public struct CompilerTextParser: Sendable {
    /// The parsed package output.
    public struct Parsed: Sendable {
        /// Facts in the compiler's order, one per verdict line.
        public var facts: [Fact] = []
        /// Positioned lines that are neither verdicts nor explanations (errors, other notes).
        public var otherLines: [CompilerLine] = []
        /// Lines with no position that are neither verdicts nor explanations (assembly listing
        /// headers with `-S`, notes).
        public var unpositionedOtherCount = 0
    }

    /// Maps printed paths to fact paths.
    public let paths: FactPathMapper
    /// The folder the go command ran in (relative paths are relative to it).
    public let base: String

    /// Absolute folders of the packages by import path: a replayed text may name a package's
    /// files relative to another folder than `base` (`FactPathMapper.absolute`).
    public let packageDirectories: [String: String]

    /// Creates a parser.
    public init(paths: FactPathMapper, base: String, packageDirectories: [String: String] = [:]) {
        self.paths = paths
        self.base = base
        self.packageDirectories = packageDirectories
    }

    /// A parse of one package's text fed one line at a time.
    public func session(importPath: String? = nil) -> Session {
        Session(paths: paths, base: base, packageDirectory: importPath.flatMap { packageDirectories[$0] })
    }

    private struct Key: Hashable { var path: String; var line: Int; var column: Int; var subject: String }

    /// The state of one package's parse: facts so far, explanation blocks so far, and the block
    /// being read. Explanations are attached when the text ends (`finish`), because a verdict's
    /// explanation can be printed after other verdicts.
    public struct Session: Sendable {
        private var paths: CachedPathMapper
        private var parsed = Parsed()
        private var explanations: [Key: [String]] = [:]
        private var seenBlocks: [Key: Set<[String]>] = [:]
        private var current: (key: Key, lines: [String])?
        private var pending: [(index: Int, key: Key)] = []

        init(paths: FactPathMapper, base: String, packageDirectory: String?) {
            self.paths = CachedPathMapper(mapper: paths, base: base, packageDirectory: packageDirectory)
        }

        /// Reads one line of compiler text that is neither a `# importpath` header nor an
        /// assembly line (those start with a tab), without its newline.
        public mutating func consume(_ raw: Substring) {
            let line = CompilerLine.parse(raw)
            switch CompilerMessage.classify(line.message) {
            case .explanationLine:
                if current != nil { current!.lines.append(rewriteAt(line.message)) }
            case .explanationHeader(let subject):
                closeBlock()
                current = (Key(path: line.path, line: line.line, column: line.column, subject: subject), [line.message])
            case .capture(let subject):
                closeBlock()
                let key = Key(path: line.path, line: line.line, column: line.column, subject: subject)
                explanations[key, default: []].append(line.message)
            case .verdict(let kind, let subject, let detail):
                closeBlock()
                let mapped = paths.map(line.path)
                parsed.facts.append(Fact(kind: kind, file: mapped.file, line: line.line, column: line.column,
                                         subject: subject, detail: detail, external: mapped.external))
                switch kind {
                case .movedToHeap, .escapes, .leakParam, .leakParamContent, .leakResult:
                    pending.append((parsed.facts.count - 1,
                                    Key(path: line.path, line: line.line, column: line.column, subject: subject)))
                default: break
                }
            case .other:
                closeBlock()
                if !line.path.isEmpty { parsed.otherLines.append(line) } else { parsed.unpositionedOtherCount += 1 }
            }
        }

        /// Ends the text: attaches the explanations and returns the facts.
        public mutating func finish() -> Parsed {
            closeBlock()
            for (index, key) in pending {
                if let lines = explanations[key] { parsed.facts[index].explanation = lines }
            }
            pending = []
            return parsed
        }

        private mutating func closeBlock() {
            guard let block = current else { return }
            current = nil
            if seenBlocks[block.key, default: []].insert(block.lines).inserted {
                explanations[block.key, default: []] += block.lines
            }
        }

        /// Rewrites the trailing ` at PATH:LINE:COL` of a flow line to the fact path convention.
        private mutating func rewriteAt(_ message: String) -> String {
            guard let r = message.asciiRange(of: " at ", backwards: true) else { return message }
            let position = CompilerLine.parse(Substring(message[r.upperBound...] + ": "))
            guard !position.path.isEmpty, position.line > 0 else { return message }
            let mapped = paths.map(position.path)
            let col = position.column > 0 ? ":\(position.column)" : ""
            return message[..<r.upperBound] + "\(mapped.file):\(position.line)\(col)"
        }
    }
}
