import CZlib
import Foundation

/// Inflates gzip streams with the system zlib (`inflateInit2` with gzip framing), so that a
/// profile is decoded by the library every gzip tool uses rather than by a hand-written decoder.
public enum Gzip {
    /// The two bytes every gzip member starts with (RFC 1952 §2.3.1).
    public static let magic: [UInt8] = [0x1f, 0x8b]
    /// zlib's `windowBits` for "largest window, gzip header and trailer only" (15 + 16).
    static let gzipWindowBits: Int32 = 15 + 16
    /// Size of each output chunk.
    static let chunkSize = 1 << 16
    /// Largest inflated size accepted (a profile of 1 GiB is not a profile).
    public static let maximumInflatedSize = 1 << 30

    /// Why a stream could not be inflated.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// The data does not start with the gzip magic bytes.
        case notGzip
        /// The stream ends before its trailer (a truncated file).
        case truncated
        /// zlib rejected the stream (bad header, bad checksum, corrupt data).
        case corrupt(String)
        /// The inflated data would exceed `maximumInflatedSize`.
        case tooLarge

        public var description: String {
            switch self {
            case .notGzip: return "it is not gzip-compressed (pprof profiles start with the bytes 1f 8b)"
            case .truncated: return "the gzip stream ends early (the file is truncated)"
            case .corrupt(let reason): return "the gzip stream is corrupt (\(reason))"
            case .tooLarge: return "it inflates to more than \(maximumInflatedSize >> 20) MiB"
            }
        }
    }

    /// Returns true when `data` starts with the gzip magic bytes.
    public static func isGzip(_ data: [UInt8]) -> Bool {
        data.count >= 2 && data[0] == magic[0] && data[1] == magic[1]
    }

    /// The inflated bytes of a gzip stream (every member, as `gzip -d` does).
    public static func inflate(_ data: [UInt8]) throws -> [UInt8] {
        guard isGzip(data) else { throw Failure.notGzip }
        var stream = z_stream()
        guard heapsight_inflate_init2(&stream, gzipWindowBits) == Z_OK else {
            throw Failure.corrupt("zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        return try data.withUnsafeBufferPointer { input -> [UInt8] in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = UInt32(input.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { out -> Int32 in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunkSize - Int(stream.avail_out)
                output.append(contentsOf: chunk[0..<produced])
                if output.count > maximumInflatedSize { throw Failure.tooLarge }
                switch status {
                case Z_STREAM_END:
                    // Concatenated members: start over on what is left, if it is another member.
                    if stream.avail_in == 0 { return output }
                    guard inflateReset(&stream) == Z_OK else { throw Failure.corrupt("zlib could not reset") }
                case Z_OK:
                    continue
                case Z_BUF_ERROR:
                    // No progress possible: the input ended before the stream did.
                    throw Failure.truncated
                default:
                    let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                    throw Failure.corrupt(message)
                }
            }
        }
    }
}
