import Dossiers
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// `GET /v1/gebeurtenissen/stroom`: the global feed as Server-Sent Events, live. Each event is sent as
/// `id: <cursor>`, `event: <type>`, `data: <the feed's entry as one line of JSON>`; a client that
/// reconnects with `Last-Event-ID` (or `?na=`) resumes after that event, never skipping or repeating
/// one. An idle stream sends a comment every `eventStreamHeartbeat` so proxies keep it open. An
/// instance serves at most `maximumEventStreams` at once (503 with `Retry-After` beyond), and ends
/// them when it shuts down.
struct EventStreamController {
    let service: DossierService
    let liveFeed: LiveEventFeed
    let heartbeat: Duration
    let maximum: Int
    let open: EventStreamCount

    static let path = "/v1/gebeurtenissen/stroom"
    static let mediaType = "text/event-stream"
    /// Events read per query while catching up.
    static let batch = 200

    func addRoutes(to routes: APIRoutes) {
        routes.on(.get, Self.path, produces: [Self.mediaType], use: stream)
    }

    @Sendable func stream(_ request: Request, context: APIRequestContext) async throws -> Response {
        _ = try context.actor(allowing: [.coordinator])
        var parameters = QueryParameters(request, known: ["na"])
        var cursor: FeedPosition?
        let given = request.headers[HTTPField.Name("Last-Event-ID")!].flatMap { $0.isEmpty ? nil : $0 } ?? parameters.text("na")
        if let token = given {
            cursor = FeedPosition(token: token)
            if cursor == nil {
                parameters.report("na", "is geen cursor uit een eerder antwoord (Last-Event-ID of volgende)")
            }
        }
        try parameters.validate()
        let headers: HTTPFields = [.contentType: Self.mediaType, .cacheControl: "no-store", HTTPField.Name("X-Accel-Buffering")!: "no"]
        if request.method == .head { return Response(status: .ok, headers: headers) }
        guard open.acquire(maximum: maximum) else {
            throw Problem(
                title: "Service Unavailable", status: .serviceUnavailable,
                detail: "Deze server heeft al het grootste aantal open gebeurtenisstromen; probeer het later opnieuw.",
                headers: [.retryAfter: "5"]
            )
        }
        guard let follower = liveFeed.follow() else {
            open.release()
            throw Problem.unavailable
        }
        let service = service
        let heartbeat = heartbeat
        let open = open
        let start = cursor
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            defer {
                follower.stop()
                open.release()
            }
            var cursor = start
            var lastWrite = ContinuousClock.now
            try await writer.write(ByteBuffer(string: "retry: 2000\n\n"))
            while !Task.isCancelled, !follower.isClosed {
                let page = try await service.feed(after: cursor, limit: Self.batch)
                if !page.events.isEmpty {
                    var text = ""
                    for event in page.events {
                        let document = try APIJSON.encoder().encode(EventDocument(event))
                        text += "id: \(FeedPosition(after: event).token)\nevent: \(event.type)\ndata: "
                        text += String(decoding: document, as: UTF8.self) + "\n\n"
                    }
                    try await writer.write(ByteBuffer(string: text))
                    lastWrite = .now
                    cursor = page.cursor ?? cursor
                    if page.events.count == Self.batch { continue }
                }
                // Woken by a commit here or elsewhere, or after a second at the latest (a lost
                // notification, or events behind an older open transaction).
                await follower.wait(timeout: min(heartbeat, .seconds(1)))
                if ContinuousClock.now - lastWrite >= heartbeat {
                    try await writer.write(ByteBuffer(string: ": hartslag\n\n"))
                    lastWrite = .now
                }
            }
            try await writer.finish(nil)
        })
    }
}

/// How many event streams are open on this instance.
final class EventStreamCount: Sendable {
    private let count = Mutex(0)

    func acquire(maximum: Int) -> Bool {
        count.withLock { count in
            guard count < maximum else { return false }
            count += 1
            return true
        }
    }

    func release() { count.withLock { $0 -= 1 } }

    var current: Int { count.withLock { $0 } }
}
