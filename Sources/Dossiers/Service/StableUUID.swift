import Crypto
import Foundation

/// Name-based UUIDs (RFC 9562 version 8, SHA-256): the same namespace and name always give the same
/// id. A retried command gets the ids of its first attempt, so the event store's idempotency by
/// event id catches a retry that would otherwise write twice.
public enum StableUUID {
    /// The id for `name` within `namespace`.
    public static func derived(from namespace: UUID, _ name: String) -> UUID {
        var hasher = SHA256()
        withUnsafeBytes(of: namespace.uuid) { hasher.update(bufferPointer: $0) }
        hasher.update(data: Data(name.utf8))
        var bytes = Array(hasher.finalize().prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (
            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
            bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
        ))
    }
}
