import AsyncHTTPClient
import Dossiers
import EventStore
import Foundation
import Logging
import Metrics
import NIOCore
import NIOHTTP1
import Postgres
import ServiceLifecycle
import Synchronization

/// Delivers the webhook outbox, as a `Service` in the server's `ServiceGroup`. Each subscription's
/// queue is leased to one instance at a time and worked in feed order in a task of its own, so a
/// slow or failing receiver holds up only its own subscription. Woken by NOTIFY (the feed's channel
/// writes a row, or a resend), and looks every `pollInterval` for retries that have come due. A
/// lease that is not renewed (the instance died) runs out, and another instance takes over.
public final class WebhookBezorging: Service, Sendable {
    private let pool: PostgresConnectionPool
    private let wachtrij: WebhookWachtrij
    private let instellingen: NotificatieInstellingen
    private let timeout: Duration
    private let pollInterval: Duration
    private let leaseDuur: Duration
    private let maximumTegelijk: Int
    private let logger: Logger
    /// This instance's name in the leases.
    public let houder = UUID()
    private let bezig = Mutex<Set<UUID>>([])

    /// The deliverer over `pool`; `timeout` is how long a receiver has to answer (10 s).
    public init(
        pool: PostgresConnectionPool, instellingen: NotificatieInstellingen, beleid: WebhookWachtrij.Beleid = .init(),
        timeout: Duration = .seconds(10), pollInterval: Duration = .seconds(1), leaseDuur: Duration = .seconds(30),
        maximumTegelijk: Int = 32, logger: Logger
    ) {
        self.pool = pool
        self.wachtrij = WebhookWachtrij(pool: pool, beleid: beleid)
        self.instellingen = instellingen
        self.timeout = timeout
        self.pollInterval = pollInterval
        self.leaseDuur = max(leaseDuur, timeout + .seconds(5))
        self.maximumTegelijk = maximumTegelijk
        self.logger = logger
    }

    /// Delivers until graceful shutdown or cancellation; deliveries under way finish first.
    public func run() async throws {
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow, timeout: .init(connect: .seconds(5)))
        configuration.decompression = .disabled
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let signal = WakeSignal()
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [pool] in
                await cancelWhenGracefulShutdown {
                    await pool.listen(to: NotificatieInstellingen.kanaal) { _ in signal.signal() }
                }
            }
            await cancelWhenGracefulShutdown {
                await withTaskGroup(of: Void.self) { werk in
                    while !Task.isCancelled {
                        do {
                            let vrij = self.maximumTegelijk - self.bezig.withLock { $0.count }
                            let genomen = try await self.wachtrij.neemDue(
                                houder: self.houder, leaseDuur: self.leaseDuur, maximum: vrij, bezig: self.bezig.withLock { $0 }
                            )
                            for id in genomen {
                                self.bezig.withLock { _ = $0.insert(id) }
                                werk.addTask {
                                    await self.werk(id, client: client)
                                    self.bezig.withLock { _ = $0.remove(id) }
                                    signal.signal()
                                }
                            }
                        } catch {
                            self.logger.warning("webhook queue unavailable", metadata: ["error.type": "\(String(reflecting: type(of: error)))"])
                        }
                        await signal.wait(timeout: self.pollInterval)
                    }
                    await werk.waitForAll()
                }
            }
            group.cancelAll()
        }
        try? await client.shutdown()
    }

    /// Works one leased subscription's queue in feed order until it is empty, a delivery fails (its
    /// next attempt is later), or the lease is lost.
    private func werk(_ id: UUID, client: HTTPClient) async {
        do {
            while !Task.isCancelled, let levering = try await wachtrij.volgende(id) {
                guard try await wachtrij.verleng(id, houder: houder, leaseDuur: leaseDuur) else { return }
                let geslaagd = try await bezorg(levering, client: client)
                if !geslaagd { break }
            }
        } catch is CancellationError {
            // Shutting down: the delivery under way stays waiting and is made again (at least once).
        } catch {
            logger.warning("webhook delivery bookkeeping failed", metadata: ["abonnement.id": "\(id.uuidString.lowercased())", "error.type": "\(String(reflecting: type(of: error)))"])
        }
        // Give the lease back also when cancelled, so another instance need not wait for it to run out.
        let wachtrij = wachtrij
        let houder = houder
        try? await Task.detached { try await wachtrij.geefVrij(id, houder: houder) }.value
    }

    /// One attempt: checks the target, posts the signed CloudEvent, and records the outcome.
    private func bezorg(_ levering: WebhookWachtrij.Levering, client: HTTPClient) async throws -> Bool {
        let begin = Date()
        let start = ContinuousClock.now
        var status: Int?
        var fout: String?
        if let url = URL(string: levering.callbackURL), let probleem = await CallbackAdres.probleem(url, privaatToegestaan: instellingen.privaatToegestaan) {
            fout = "adres niet toegestaan: \(probleem)"
        } else {
            let id = levering.eventID.uuidString.lowercased()
            let timestamp = Int(Date().timeIntervalSince1970)
            var request = HTTPClientRequest(url: levering.callbackURL)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/cloudevents+json; charset=utf-8")
            request.headers.add(name: "User-Agent", value: "Toedeling-Webhooks/1")
            request.headers.add(name: "webhook-id", value: id)
            request.headers.add(name: "webhook-timestamp", value: String(timestamp))
            request.headers.add(name: "webhook-signature", value: Handtekening.waarde(id: id, timestamp: timestamp, body: levering.inhoud, geheim: levering.geheim))
            if let auth = levering.auth { request.headers.add(name: "Authorization", value: auth) }
            request.body = .bytes(ByteBuffer(bytes: levering.inhoud))
            do {
                let response = try await client.execute(request, deadline: .now() + .nanoseconds(Int64(WebhookWachtrij.Beleid.seconden(timeout) * 1e9)))
                status = Int(response.status.code)
                _ = try? await response.body.collect(upTo: 64 * 1024)
            } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
                fout = "geen antwoord binnen \(Int(WebhookWachtrij.Beleid.seconden(timeout))) s"
            } catch let error as HTTPClientError where error == .connectTimeout {
                fout = "verbinding niet gelukt binnen de tijd"
            } catch let error as HTTPClientError where error == .cancelled {
                throw CancellationError()
            } catch let error as HTTPClientError {
                fout = "HTTP-fout: \(error.shortDescription)"
            } catch {
                if Task.isCancelled { throw CancellationError() }
                fout = "verbinding mislukt"
            }
        }
        let duurMs = WebhookWachtrij.milliseconden(ContinuousClock.now - start)
        let abonnement = levering.abonnementID.uuidString.lowercased()
        if let status, (200..<300).contains(status) {
            try await wachtrij.geslaagd(levering, httpStatus: status, begin: begin, duurMs: duurMs)
            Counter(label: "toedeling_webhook_pogingen_total", dimensions: [("abonnement", abonnement), ("uitkomst", "afgeleverd")]).increment()
            if let recorded = Self.eventTijd(levering.inhoud) {
                Timer(label: "toedeling_webhook_vertraging_seconds", preferredDisplayUnit: .seconds)
                    .recordNanoseconds(Int64(max(0, Date().timeIntervalSince(recorded)) * 1e9))
            }
            return true
        }
        let doodgelegd = try await wachtrij.mislukt(levering, httpStatus: status, fout: fout, begin: begin, duurMs: duurMs)
        Counter(label: "toedeling_webhook_pogingen_total", dimensions: [("abonnement", abonnement), ("uitkomst", "mislukt")]).increment()
        if doodgelegd > 0 {
            Counter(label: "toedeling_webhook_doodgelegd_total", dimensions: [("abonnement", abonnement)]).increment(by: doodgelegd)
            logger.warning("webhook deliveries dead-lettered", metadata: ["abonnement.id": "\(abonnement)", "aantal": "\(doodgelegd)"])
        }
        return false
    }

    /// The CloudEvent's `time`, read from its bytes without decoding the whole document.
    static func eventTijd(_ inhoud: Data) -> Date? {
        guard let range = inhoud.range(of: Data("\"time\":\"".utf8)) else { return nil }
        let rest = inhoud[range.upperBound...]
        guard let einde = rest.firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        return try? Date(String(decoding: rest[..<einde], as: UTF8.self), strategy: .iso8601.year().month().day().time(includingFractionalSeconds: true))
    }
}

