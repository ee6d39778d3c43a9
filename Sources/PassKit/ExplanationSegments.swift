/// Which `-m=2` explanation blocks explain which escape verdict: the rule both engines apply
/// when they attach explanations to facts.
///
/// The compiler analyses functions in batches and prints, at a location's or a parameter's
/// position, a batch's explanation blocks there before that batch's verdicts there. Several
/// batches can print at one position: every shape instance of a generic body (`x escapes to
/// heap in F[go.shape.int]:`), a function and each caller it is inlined into, a method and its
/// wrappers. So a verdict is explained by the blocks about its subject at its position printed
/// since the previous verdict there (its segment). Verdicts printed with no block between them,
/// such as a parameter's leaks to several results, share one segment; blocks that no verdict
/// follows (the parameters of wrappers, which print no verdict) explain nothing.
///
/// Blocks are fed in print order (`add`), each verdict as it is printed (`verdict(at:)`), and
/// each block lands in exactly one segment, so the blocks kept grow with the text, however many
/// verdicts share a position.
public struct ExplanationSegments<Key: Hashable, Block> {
    /// Blocks printed at each key since the last verdict there.
    @usableFromInline var open: [Key: [Block]] = [:]
    /// The segment the last verdict at each key took.
    @usableFromInline var lastTaken: [Key: Int] = [:]
    @usableFromInline var store: [[Block]] = []

    /// Every segment a verdict took, in the order taken.
    public var segments: [[Block]] { store }

    /// An empty record.
    public init() {}

    /// Records a block printed at `key`.
    @inlinable
    public mutating func add(_ block: Block, at key: Key) {
        open[key, default: []].append(block)
    }

    /// The segment (an index into `segments`) that explains a verdict printed at `key` now:
    /// the blocks printed there since the previous verdict, or the previous verdict's segment
    /// when there are none; nil when no block was printed there before it.
    @inlinable
    public mutating func verdict(at key: Key) -> Int? {
        if let blocks = open.removeValue(forKey: key) {
            store.append(blocks)
            lastTaken[key] = store.count - 1
            return store.count - 1
        }
        return lastTaken[key]
    }
}

extension ExplanationSegments: Sendable where Key: Sendable, Block: Sendable {}
