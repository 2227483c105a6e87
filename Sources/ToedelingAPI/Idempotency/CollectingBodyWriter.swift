import Dossiers
import HTTPTypes
import Hummingbird
import NIOCore

/// Collects a response body into one buffer, so that it can be stored for replay.
struct CollectingBodyWriter: ResponseBodyWriter {
    final class Collected {
        var buffer = ByteBuffer()
    }

    let collected: Collected

    mutating func write(_ buffer: ByteBuffer) async throws {
        var buffer = buffer
        collected.buffer.writeBuffer(&buffer)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}

    /// The whole body of `response`.
    static func collect(_ body: consuming ResponseBody) async throws -> ByteBuffer {
        let collected = Collected()
        try await body.write(CollectingBodyWriter(collected: collected))
        return collected.buffer
    }
}
