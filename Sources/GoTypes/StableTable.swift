// # Tables whose elements never move
//
// `Program` keeps its types, objects and the side records of named types in tables that
// other threads read while one thread adds to them: the native engine's per-package stages
// read the types of finished packages while another package is type-checked, lowered and
// expanded. A Swift array cannot be read that way: appending may move its buffer while a
// reader is inside it. A `StableTable` stores its elements in fixed-size chunks reached
// through a directory that is allocated once, so an element, once written, stays at its
// address until the table is destroyed.
//
// # Invariants
//
//   - Appending is done by one thread at a time (the owner's lock, `Program.withLock`);
//     reading needs no lock.
//   - A reader only asks for indices that were appended before it learned of them through a
//     synchronising hand-off (a lock, a queue): the element, its chunk and the directory
//     slot were written before that hand-off. No reader scans up to `count`.
//   - An element is mutated in place only by the thread that owns it before it is handed to
//     other threads (the checker of the package declaring it), or under the owner's lock.
//
// # Complexity
//
// Reading is two dependent loads (the directory slot, then the element); appending is O(1)
// and allocates one chunk every `chunkSize` elements.

/// Append-only storage whose elements never move (see the essay above).
public final class StableTable<Element>: @unchecked Sendable {
    /// log2 of the elements per chunk.
    @usableFromInline static var chunkShift: Int { 12 }
    /// Elements per chunk.
    @usableFromInline static var chunkSize: Int { 1 << chunkShift }
    /// Chunks the directory has room for (2^14 chunks of 2^12 elements: 67 million elements).
    static var directoryCapacity: Int { 1 << 14 }

    /// Chunk pointers; nil past the last chunk.
    @usableFromInline let directory: UnsafeMutablePointer<UnsafeMutablePointer<Element>?>
    /// Elements appended so far (read by the appending thread, or under the owner's lock).
    public private(set) var count = 0

    /// An empty table.
    public init() {
        directory = .allocate(capacity: Self.directoryCapacity)
        directory.initialize(repeating: nil, count: Self.directoryCapacity)
    }

    deinit {
        var remaining = count
        var chunk = 0
        while remaining > 0 {
            let n = min(remaining, Self.chunkSize)
            directory[chunk]!.deinitialize(count: n)
            directory[chunk]!.deallocate()
            remaining -= n
            chunk += 1
        }
        directory.deallocate()
    }

    /// The address of element `i` (which must have been appended).
    @inlinable @inline(__always)
    func address(_ i: Int) -> UnsafeMutablePointer<Element> {
        directory[i &>> Self.chunkShift].unsafelyUnwrapped + (i & (Self.chunkSize &- 1))
    }

    /// Element `i`, read in place; a write changes it in place (see the invariants).
    @inlinable
    public subscript(i: Int) -> Element {
        unsafeAddress { UnsafePointer(address(i)) }
        unsafeMutableAddress { address(i) }
    }

    /// Appends an element and returns its index. Callers hold the owner's lock.
    @discardableResult
    public func append(_ element: Element) -> Int {
        let i = count
        let chunk = i >> Self.chunkShift
        precondition(chunk < Self.directoryCapacity, "internal error: StableTable is full (\(i) elements)")
        if directory[chunk] == nil {
            directory[chunk] = .allocate(capacity: Self.chunkSize)
        }
        (directory[chunk]! + (i & (Self.chunkSize - 1))).initialize(to: element)
        count = i + 1
        return i
    }
}
