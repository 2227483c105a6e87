#if canImport(Glibc)
import Glibc
#endif

/// Finding a byte sequence in a buffer, for the multipart reader's boundaries and sealed event
/// fields: `memchr` finds each candidate first byte, `memcmp` checks the rest.
enum ByteSearch {
    /// The first index from `start` where `needle` occurs in `haystack`, or nil.
    static func firstIndex(of needle: [UInt8], in haystack: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard let base = haystack.baseAddress, !needle.isEmpty, start >= 0, haystack.count - start >= needle.count else { return nil }
        let last = haystack.count - needle.count
        var position = start
        return needle.withUnsafeBytes { pattern -> Int? in
            while position <= last {
                guard let candidate = memchr(base + position, Int32(needle[0]), last - position + 1) else { return nil }
                let index = base.distance(to: UnsafeRawPointer(candidate))
                if memcmp(base + index, pattern.baseAddress!, needle.count) == 0 { return index }
                position = index + 1
            }
            return nil
        }
    }
}
