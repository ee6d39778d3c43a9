/// Compares two fact lists as multisets: how well run A agrees with run B, B taken as the truth.
///
/// Two facts are the same when file, line, column, kind, subject and detail are equal (exactly
/// the fields of the TSV export); function, explanation and the external flag are ignored. A
/// fact that appears twice in B must appear twice in A to be fully matched. Per kind:
/// true positives = Σ min(countA, countB), false positives = Σ (countA − min), false negatives =
/// Σ (countB − min). Linear in the number of facts (one hash table per side).
public struct FactComparison: Sendable {
    /// The identity of a fact for comparison.
    public struct Key: Hashable, Sendable, Comparable {
        /// Fact path.
        public var file: String
        /// Line.
        public var line: Int
        /// Column.
        public var column: Int
        /// Kind.
        public var kind: FactKind
        /// Subject.
        public var subject: String
        /// Detail.
        public var detail: String

        /// The key of a fact.
        public init(_ fact: Fact) {
            file = fact.file; line = fact.line; column = fact.column
            kind = fact.kind; subject = fact.subject; detail = fact.detail
        }

        /// Canonical order (file, line, column, kind, subject, detail).
        public static func < (a: Key, b: Key) -> Bool {
            (a.file, a.line, a.column, a.kind.rawValue, a.subject, a.detail)
                < (b.file, b.line, b.column, b.kind.rawValue, b.subject, b.detail)
        }

        /// The export line of this key.
        public var tsvLine: String {
            Fact(kind: kind, file: file, line: line, column: column, subject: subject, detail: detail).tsvLine
        }
    }

    /// Agreement for one fact kind.
    public struct KindScore: Sendable, Equatable {
        /// The kind.
        public var kind: FactKind
        /// Facts of this kind in A.
        public var countA: Int
        /// Facts of this kind in B.
        public var countB: Int
        /// Facts in both (multiset intersection).
        public var truePositives: Int
        /// Facts only in A.
        public var falsePositives: Int { countA - truePositives }
        /// Facts only in B.
        public var falseNegatives: Int { countB - truePositives }
        /// TP / (TP + FP); 1 when A has none.
        public var precision: Double { countA == 0 ? 1 : Double(truePositives) / Double(countA) }
        /// TP / (TP + FN); 1 when B has none.
        public var recall: Double { countB == 0 ? 1 : Double(truePositives) / Double(countB) }
        /// A score from counts.
        public init(kind: FactKind, countA: Int, countB: Int, truePositives: Int) {
            self.kind = kind
            self.countA = countA
            self.countB = countB
            self.truePositives = truePositives
        }

        /// Harmonic mean of precision and recall; 1 when both sides are empty.
        public var f1: Double {
            if countA == 0 && countB == 0 { return 1 }
            let denominator = countA + countB
            return denominator == 0 ? 0 : 2 * Double(truePositives) / Double(denominator)
        }
    }

    /// A fact the two sides count differently.
    public struct Disagreement: Sendable, Equatable {
        /// The fact.
        public var key: Key
        /// How often A has it.
        public var countA: Int
        /// How often B has it.
        public var countB: Int
    }

    /// Scores per kind, for every kind present on either side, in kind order.
    public var kinds: [KindScore]
    /// Every disagreement, in canonical order.
    public var disagreements: [Disagreement]

    /// Scores over all kinds together.
    public var total: KindScore {
        KindScore(kind: .alloc, countA: kinds.reduce(0) { $0 + $1.countA },
                  countB: kinds.reduce(0) { $0 + $1.countB },
                  truePositives: kinds.reduce(0) { $0 + $1.truePositives })
    }

    /// Compares `a` against `b` (the truth).
    public init(a: [Fact], b: [Fact]) {
        var counts: [Key: (a: Int, b: Int)] = [:]
        counts.reserveCapacity(max(a.count, b.count))
        for fact in a { counts[Key(fact), default: (0, 0)].a += 1 }
        for fact in b { counts[Key(fact), default: (0, 0)].b += 1 }
        var byKind: [FactKind: KindScore] = [:]
        var disagreements: [Disagreement] = []
        for (key, c) in counts {
            var score = byKind[key.kind] ?? KindScore(kind: key.kind, countA: 0, countB: 0, truePositives: 0)
            score.countA += c.a
            score.countB += c.b
            score.truePositives += min(c.a, c.b)
            byKind[key.kind] = score
            if c.a != c.b { disagreements.append(Disagreement(key: key, countA: c.a, countB: c.b)) }
        }
        kinds = byKind.values.sorted { $0.kind < $1.kind }
        self.disagreements = disagreements.sorted { $0.key < $1.key }
    }
}
