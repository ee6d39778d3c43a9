import PassKit

/// Reads one package's `-m=2` text into facts, attaching each `-m=2` explanation to the
/// verdict it explains.
///
/// Explanations are printed before their verdicts: a header (`x escapes to heap in F:`,
/// `parameter p leaks to ~r0 for F with derefs=0:`) and indented flow lines, all at the
/// position of the thing explained. A `moved-to-heap`, `escapes` or `leak-*` fact gets the
/// blocks about its subject at its position printed since the previous verdict there
/// (`ExplanationSegments`: each shape instance, inlined copy or wrapper analysed at one
/// position explains its own verdict). `capturing by` lines join the explanation of the
/// captured variable.
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

    /// The state of one package's parse: facts so far, explanation blocks not yet taken by a
    /// verdict, and the block being read.
    public struct Session: Sendable {
        private var paths: CachedPathMapper
        private var parsed = Parsed()
        private var segments = ExplanationSegments<Key, [String]>()
        /// The lines of each segment a verdict took, once built (verdicts can share one).
        private var segmentLines: [Int: [String]] = [:]
        private var current: (key: Key, lines: [String])?

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
                segments.add([line.message], at: Key(path: line.path, line: line.line, column: line.column, subject: subject))
            case .verdict(let kind, let subject, let detail):
                closeBlock()
                let mapped = paths.map(line.path)
                var fact = Fact(kind: kind, file: mapped.file, line: line.line, column: line.column,
                                subject: subject, detail: detail, external: mapped.external)
                if kind.carriesExplanation {
                    let key = Key(path: line.path, line: line.line, column: line.column, subject: subject)
                    if let segment = segments.verdict(at: key) { fact.explanation = lines(of: segment) }
                }
                parsed.facts.append(fact)
            case .other:
                closeBlock()
                if !line.path.isEmpty { parsed.otherLines.append(line) } else { parsed.unpositionedOtherCount += 1 }
            }
        }

        /// Ends the text and returns the facts.
        public mutating func finish() -> Parsed {
            closeBlock()
            return parsed
        }

        private mutating func closeBlock() {
            guard let block = current else { return }
            current = nil
            segments.add(block.lines, at: block.key)
        }

        /// A segment's lines: each block once (the analysis can print a block twice), in print
        /// order.
        private mutating func lines(of segment: Int) -> [String] {
            if let done = segmentLines[segment] { return done }
            var seen: Set<[String]> = []
            var out: [String] = []
            for block in segments.segments[segment] where seen.insert(block).inserted { out += block }
            segmentLines[segment] = out
            return out
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
