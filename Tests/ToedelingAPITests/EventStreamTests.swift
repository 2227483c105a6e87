import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
#if canImport(Glibc)
import Glibc
#endif
import Testing
import ToedelingAPI
import ToedelingTestSupport
import Dossiers
import ServerTestSupport

@Suite("GET /v1/gebeurtenissen/stroom over a real socket")
struct EventStreamTests {
    /// A client that reads a Server-Sent Events stream as it arrives (non-blocking reads, chunked
    /// transfer decoding), for as long as a test needs.
    final class StreamClient: @unchecked Sendable {
        private let fd: Int32
        private var raw: [UInt8] = []
        private(set) var head = ""
        private(set) var body = ""
        private(set) var ended = false

        init(port: Int, path: String, headers: [String: String]) throws {
            fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else { throw CocoaError(.fileReadUnknown) }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            var request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
            for (name, value) in headers { request += "\(name): \(value)\r\n" }
            request += "\r\n"
            _ = request.utf8CString.withUnsafeBufferPointer { send(fd, $0.baseAddress, $0.count - 1, 0) }
        }

        deinit { Glibc.close(fd) }

        /// Reads until `done` holds for the body read so far, or the time is up.
        @discardableResult
        func read(until done: (String) -> Bool, within seconds: Double = 30) async throws -> String {
            let deadline = Date().addingTimeInterval(seconds)
            while !done(body) {
                guard Date() < deadline, !ended else { throw StreamEnded(body: body, ended: ended) }
                var buffer = [UInt8](repeating: 0, count: 65_536)
                let count = recv(fd, &buffer, buffer.count, 0)
                if count > 0 {
                    raw += buffer[0..<count]
                    decode()
                } else if count == 0 {
                    ended = true
                } else {
                    try await Task.sleep(for: .milliseconds(20))
                }
            }
            return body
        }

        /// Headers once, then the chunks of the body as far as they are complete.
        private func decode() {
            if head.isEmpty {
                guard let end = find([13, 10, 13, 10], in: raw) else { return }
                head = String(decoding: raw[0..<end], as: UTF8.self)
                raw.removeFirst(end + 4)
            }
            while let line = find([13, 10], in: raw) {
                let sizeText = String(decoding: raw[0..<line], as: UTF8.self).split(separator: ";").first.map(String.init) ?? ""
                guard let size = Int(sizeText, radix: 16) else { return }
                guard raw.count >= line + 2 + size + 2 else { return }
                if size == 0 { ended = true; raw.removeAll(); return }
                body += String(decoding: raw[(line + 2)..<(line + 2 + size)], as: UTF8.self)
                raw.removeFirst(line + 2 + size + 2)
            }
        }

        private func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
            guard haystack.count >= needle.count else { return nil }
            for index in 0...(haystack.count - needle.count) where Array(haystack[index..<(index + needle.count)]) == needle { return index }
            return nil
        }

        /// The events received: (id, type, data).
        var events: [(id: String, type: String, data: String)] {
            body.components(separatedBy: "\n\n").compactMap { block in
                var id = "", type = "", data = ""
                for line in block.split(separator: "\n") {
                    if line.hasPrefix("id: ") { id = String(line.dropFirst(4)) }
                    if line.hasPrefix("event: ") { type = String(line.dropFirst(7)) }
                    if line.hasPrefix("data: ") { data = String(line.dropFirst(6)) }
                }
                return id.isEmpty ? nil : (id, type, data)
            }
        }

        struct StreamEnded: Error { let body: String; let ended: Bool }
    }

    static func live(
        _ harness: APITestHarness, heartbeat: Duration = .seconds(15), maximum: Int = 100,
        _ body: @escaping @Sendable (any TestClientProtocol, Int) async throws -> Void
    ) async throws {
        var dependencies = harness.dependencies
        dependencies.eventStreamHeartbeat = heartbeat
        dependencies.maximumEventStreams = maximum
        let feed = dependencies.notificationsLiveFeed
        try await buildApplication(configuration: APIConfiguration(), dependencies: dependencies).test(.live) { client in
            // As the server does on shutdown: end the streams still open, so the test server stops.
            defer { feed.close() }
            try await body(client, try #require(client.port))
        }
    }

    @Test func theStreamSendsTheFeedAndThenNewEventsLiveAndResumesAfterLastEventID() async throws {
        try await APITestHarness.with { harness in
            try await Self.live(harness) { client, port in
                _ = try await client.send(.post, "/v1/dossiers", token: harness.coordinator, json: Fixtures.nieuwDossier)
                let stream = try StreamClient(port: port, path: "/v1/gebeurtenissen/stroom", headers: ["Authorization": "Bearer \(harness.coordinator)"])
                try await stream.read { $0.contains("event: DossierGeopend") }
                #expect(stream.head.hasPrefix("HTTP/1.1 200"))
                #expect(stream.head.lowercased().contains("content-type: text/event-stream"))
                #expect(stream.body.hasPrefix("retry: 2000\n\n"))
                let eerste = try #require(stream.events.first)
                #expect(FeedPosition(token: eerste.id) != nil)
                let data = try JSONSerialization.jsonObject(with: Data(eerste.data.utf8)) as? [String: Any]
                #expect(data?["type"] as? String == "DossierGeopend")
                #expect(data?["positie"] != nil)
                // A command now arrives on the open stream, without polling from the client.
                let opened = try await client.send(.post, "/v1/dossiers", token: harness.coordinator, json: Fixtures.dossier(titel: "Live"))
                let id = try #require(try opened.object["id"] as? String)
                try await stream.read(until: { $0.contains(id) }, within: 5)
                #expect(stream.events.count == 2)
                // Resuming after the first event gives the second and nothing before it.
                let hervat = try StreamClient(
                    port: port, path: "/v1/gebeurtenissen/stroom", headers: ["Authorization": "Bearer \(harness.coordinator)", "Last-Event-ID": eerste.id])
                try await hervat.read { $0.contains("event: DossierGeopend") }
                try await Task.sleep(for: .milliseconds(300))
                try await hervat.read(until: { _ in true })
                #expect(hervat.events.map(\.id) == [stream.events[1].id])
                // The same through ?na=, as a cursor of the feed gives it.
                let viaQuery = try StreamClient(
                    port: port, path: "/v1/gebeurtenissen/stroom?na=\(eerste.id)", headers: ["Authorization": "Bearer \(harness.coordinator)"])
                try await viaQuery.read { $0.contains(id) }
                #expect(viaQuery.events.count == 1)
            }
        }
    }

    @Test func anIdleStreamSendsHeartbeatsAndTheBoundRefusesMoreStreamsUntilOneCloses() async throws {
        try await APITestHarness.with { harness in
            try await Self.live(harness, heartbeat: .milliseconds(200), maximum: 1) { client, port in
                var stream: StreamClient? = try StreamClient(
                    port: port, path: "/v1/gebeurtenissen/stroom", headers: ["Authorization": "Bearer \(harness.coordinator)"])
                try await stream?.read { $0.contains(": hartslag\n\n") }
                let tweede = try await client.send(.get, "/v1/gebeurtenissen/stroom", token: harness.coordinator, headers: [.accept: "text/event-stream"])
                #expect(tweede.status == .serviceUnavailable)
                #expect(tweede.headers[.retryAfter] == "5")
                #expect(try tweede.problem.status == 503)
                stream = nil
                // The closed stream's slot is free once its next heartbeat finds the socket gone.
                var geopend: StreamClient?
                for _ in 0..<50 where geopend == nil {
                    try await Task.sleep(for: .milliseconds(100))
                    let poging = try StreamClient(
                        port: port, path: "/v1/gebeurtenissen/stroom", headers: ["Authorization": "Bearer \(harness.coordinator)"])
                    try await poging.read(until: { !$0.isEmpty || true }, within: 1)
                    try await Task.sleep(for: .milliseconds(100))
                    _ = try? await poging.read(until: { $0.hasPrefix("retry") }, within: 0.5)
                    if poging.head.hasPrefix("HTTP/1.1 200") { geopend = poging }
                }
                #expect(geopend != nil)
            }
        }
    }

    @Test func onlyACoordinatorMayStreamAndABadCursorIs400() async throws {
        try await APITestHarness.with { harness in
            try await Self.live(harness) { client, _ in
                let koepel = try await client.send(.get, "/v1/gebeurtenissen/stroom", token: harness.vng, headers: [.accept: "text/event-stream"])
                #expect(koepel.status == .forbidden)
                let geen = try await client.send(.get, "/v1/gebeurtenissen/stroom", token: nil, headers: [.accept: "text/event-stream"])
                #expect(geen.status == .unauthorized)
                let slecht = try await client.send(
                    .get, "/v1/gebeurtenissen/stroom", token: harness.coordinator,
                    headers: [.accept: "text/event-stream", HTTPField.Name("Last-Event-ID")!: "gisteren"])
                #expect(slecht.status == .badRequest)
                let json = try await client.send(.get, "/v1/gebeurtenissen/stroom", token: harness.coordinator, headers: [.accept: "application/json"])
                #expect(json.status == .notAcceptable)
            }
        }
    }

    @Test func closingTheLiveFeedEndsTheOpenStreams() async throws {
        try await APITestHarness.with { harness in
            try await Self.live(harness) { client, port in
                let stream = try StreamClient(port: port, path: "/v1/gebeurtenissen/stroom", headers: ["Authorization": "Bearer \(harness.coordinator)"])
                try await stream.read { $0.hasPrefix("retry") }
                #expect(harness.dependencies.notificationsLiveFeed.followerCount == 1)
                harness.dependencies.notificationsLiveFeed.close()
                _ = try? await stream.read(until: { _ in false }, within: 5)
                #expect(stream.ended)
                #expect(harness.dependencies.notificationsLiveFeed.followerCount == 0)
                let later = try await client.send(.get, "/v1/gebeurtenissen/stroom", token: harness.coordinator, headers: [.accept: "text/event-stream"])
                #expect(later.status == .serviceUnavailable)
            }
        }
    }

    @Test func aNotifyFromAnotherInstanceWakesTheFollowersAndStoppingTheFeedClosesIt() async throws {
        try await APITestHarness.with { harness in
            let feed = harness.dependencies.notificationsLiveFeed
            let task = Task { try await feed.run() }
            let follower = try #require(feed.follow())
            // The LISTEN connects on its own time: notify until it is heard. Nothing is committed, so
            // only the notification can wake the follower (a timeout returns false).
            var woken = false
            for _ in 0..<100 where !woken {
                try await harness.pool.withConnection { try $0.notify("toedeling_events") }
                woken = await follower.wait(timeout: .milliseconds(200))
            }
            #expect(woken)
            task.cancel()
            _ = await task.result
            #expect(follower.isClosed)
            #expect(feed.follow() == nil)
        }
    }
}
