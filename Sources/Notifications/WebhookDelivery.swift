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
public final class WebhookDelivery: Service, Sendable {
    private let pool: PostgresConnectionPool
    private let wachtrij: WebhookQueue
    private let instellingen: NotificationSettings
    private let timeout: Duration
    private let pollInterval: Duration
    private let leaseDuur: Duration
    private let maximumTegelijk: Int
    private let logger: Logger
    /// This instance's name in the leases.
    public let houder = UUID()
    private let bezig = Mutex<Set<UUID>>([])
    /// The signals of the subscriptions' workers that wait for more deliveries.
    private let wachtenden = Mutex<[UUID: WakeSignal]>([:])

    /// The deliverer over `pool`; `timeout` is how long a receiver has to answer (10 s).
    public init(
        pool: PostgresConnectionPool, instellingen: NotificationSettings, beleid: WebhookQueue.Beleid = .init(),
        timeout: Duration = .seconds(10), pollInterval: Duration = .seconds(1), leaseDuur: Duration = .seconds(30),
        maximumTegelijk: Int = 32, logger: Logger
    ) {
        self.pool = pool
        self.wachtrij = WebhookQueue(pool: pool, beleid: beleid)
        self.instellingen = instellingen
        self.timeout = timeout
        self.pollInterval = pollInterval
        self.leaseDuur = max(leaseDuur, timeout + .seconds(5))
        self.maximumTegelijk = maximumTegelijk
        self.logger = logger
    }

    /// Delivers until graceful shutdown or cancellation; deliveries under way finish first.
    public func run() async throws {
        // The name this instance holds subscriptions' leases by (`abonnementen.lease_houder`), so
        // that an operator can tell which instance delivers what.
        logger.info("webhook deliveries starting", metadata: ["webhook.lease_holder": "\(houder.uuidString.lowercased())"])
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow, timeout: .init(connect: .seconds(5)))
        configuration.decompression = .disabled
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let signal = WakeSignal()
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [pool] in
                await cancelWhenGracefulShutdown {
                    await pool.listen(to: NotificationSettings.kanaal) { _ in
                        signal.signal()
                        self.wachtenden.withLock { $0.values.forEach { $0.signal() } }
                    }
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

    /// Deliveries taken from the queue at a time, and the most made before they are recorded.
    static let partij = 100
    /// The longest an accepted delivery waits to be recorded (the log, the subscription's state).
    static let vastleggenBinnen: Duration = .milliseconds(500)
    /// How long a worker whose queue is empty keeps the lease for what comes next: under a steady
    /// stream of events it does not give the lease back and take it again between two of them.
    static let aanhouden: Duration = .seconds(2)

    /// Works one leased subscription's queue in feed order until it has been empty for `aanhouden`,
    /// a delivery fails (its next attempt is later), or the lease is lost. Deliveries are taken in batches; the accepted
    /// ones are recorded together at least every `vastleggenBinnen` (a crash before that sends them
    /// again: at least once), a failure after recording those before it.
    private func werk(_ id: UUID, client: HTTPClient) async {
        let opname = Opname(id: id, wachtrij: wachtrij, houder: houder, leaseDuur: leaseDuur)
        let wekker = WakeSignal()
        wachtenden.withLock { $0[id] = wekker }
        defer { _ = wachtenden.withLock { $0.removeValue(forKey: id) } }
        do {
            var verlengd = ContinuousClock.now
            var leegSinds: ContinuousClock.Instant?
            werkt: while !Task.isCancelled {
                let leveringen = try await wachtrij.volgende(id, maximum: Self.partij)
                guard let eerste = leveringen.first else {
                    guard try await opname.leg() else { return }
                    let leeg = leegSinds ?? .now
                    leegSinds = leeg
                    let over = Self.aanhouden - (ContinuousClock.now - leeg)
                    if over > .zero, await wekker.wait(timeout: over) { continue }
                    break
                }
                leegSinds = nil
                // The target is checked again before each batch: its name may resolve elsewhere now.
                var probleem: String? = "geen geldige URL"
                if let url = URL(string: eerste.callbackURL) {
                    probleem = await CallbackAddress.probleem(url, privaatToegestaan: instellingen.privaatToegestaan)
                }
                for levering in leveringen {
                    // An attempt may take the whole timeout: the lease must outlast it.
                    if ContinuousClock.now - verlengd > leaseDuur - timeout - .seconds(5) {
                        guard try await opname.leg(), try await wachtrij.verleng(id, houder: houder, leaseDuur: leaseDuur) else { return }
                        verlengd = .now
                    }
                    let poging = try await poging(levering, probleem: probleem, client: client)
                    guard let status = poging.status, (200..<300).contains(status) else {
                        guard try await opname.leg() else { return }
                        try await mislukt(levering, poging)
                        break werkt
                    }
                    geleverd(levering)
                    opname.voegToe(.init(levering: levering, httpStatus: status, begin: poging.begin, duurMs: poging.duurMs))
                    if opname.aantal >= Self.partij || opname.wachtSinds.map({ ContinuousClock.now - $0 >= Self.vastleggenBinnen }) == true {
                        guard try await opname.leg() else { return }
                        verlengd = .now
                    }
                }
                guard try await opname.leg() else { return }
                verlengd = .now
            }
        } catch is CancellationError {
            // Shutting down: the delivery under way stays waiting and is made again (at least once).
        } catch {
            logger.warning("webhook delivery bookkeeping failed", metadata: ["abonnement.id": "\(id.uuidString.lowercased())", "error.type": "\(String(reflecting: type(of: error)))"])
        }
        // Record what was delivered and give the lease back also when cancelled, so that another
        // instance need not send them again nor wait for the lease to run out.
        let wachtrij = wachtrij
        let houder = houder
        try? await Task.detached {
            _ = try? await opname.leg()
            try await wachtrij.geefVrij(id, houder: houder)
        }.value
    }

    /// The accepted deliveries of one subscription not yet recorded.
    private final class Opname: @unchecked Sendable {
        // Used by one task at a time: the subscription's worker, then the detached clean-up after it.
        private let id: UUID
        private let wachtrij: WebhookQueue
        private let houder: UUID
        private let leaseDuur: Duration
        private var afleveringen: [WebhookQueue.Aflevering] = []
        private(set) var wachtSinds: ContinuousClock.Instant?

        init(id: UUID, wachtrij: WebhookQueue, houder: UUID, leaseDuur: Duration) {
            self.id = id
            self.wachtrij = wachtrij
            self.houder = houder
            self.leaseDuur = leaseDuur
        }

        var aantal: Int { afleveringen.count }

        func voegToe(_ aflevering: WebhookQueue.Aflevering) {
            if afleveringen.isEmpty { wachtSinds = .now }
            afleveringen.append(aflevering)
        }

        /// Records them and extends the lease; false when the lease was lost.
        func leg() async throws -> Bool {
            guard !afleveringen.isEmpty else { return true }
            let behouden = try await wachtrij.geslaagd(id, afleveringen, houder: houder, leaseDuur: leaseDuur)
            afleveringen.removeAll()
            wachtSinds = nil
            return behouden
        }
    }

    /// The outcome of one attempt.
    private struct Poging {
        let begin: Date
        let status: Int?
        let fout: String?
        let duurMs: Int
    }

    /// One attempt: posts the signed CloudEvent unless the target is not allowed (`probleem`).
    private func poging(_ levering: WebhookQueue.Levering, probleem: String?, client: HTTPClient) async throws -> Poging {
        let begin = Date()
        let start = ContinuousClock.now
        var status: Int?
        var fout: String?
        if let probleem {
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
            request.headers.add(name: "webhook-signature", value: WebhookSignature.waarde(id: id, timestamp: timestamp, body: levering.inhoud, geheim: levering.geheim))
            if let auth = levering.auth { request.headers.add(name: "Authorization", value: auth) }
            request.body = .bytes(ByteBuffer(bytes: levering.inhoud))
            do {
                let response = try await client.execute(request, deadline: .now() + .nanoseconds(Int64(WebhookQueue.Beleid.seconden(timeout) * 1e9)))
                status = Int(response.status.code)
                _ = try? await response.body.collect(upTo: 64 * 1024)
            } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
                fout = "geen antwoord binnen \(Int(WebhookQueue.Beleid.seconden(timeout))) s"
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
        return Poging(begin: begin, status: status, fout: fout, duurMs: WebhookQueue.milliseconden(ContinuousClock.now - start))
    }

    /// The metrics of an accepted delivery: the attempt, and the lag from the event's commit.
    private func geleverd(_ levering: WebhookQueue.Levering) {
        Counter(label: "toedeling_webhook_pogingen_total", dimensions: [("abonnement", levering.abonnementID.uuidString.lowercased()), ("uitkomst", "afgeleverd")]).increment()
        if let recorded = Self.eventTijd(levering.inhoud) {
            Timer(label: "toedeling_webhook_vertraging_seconds", preferredDisplayUnit: .seconds)
                .recordNanoseconds(Int64(max(0, Date().timeIntervalSince(recorded)) * 1e9))
        }
    }

    /// Records a failed attempt: the next one is later, or the waiting deliveries are dead-lettered.
    private func mislukt(_ levering: WebhookQueue.Levering, _ poging: Poging) async throws {
        let abonnement = levering.abonnementID.uuidString.lowercased()
        let doodgelegd = try await wachtrij.mislukt(levering, httpStatus: poging.status, fout: poging.fout, begin: poging.begin, duurMs: poging.duurMs)
        Counter(label: "toedeling_webhook_pogingen_total", dimensions: [("abonnement", abonnement), ("uitkomst", "mislukt")]).increment()
        if doodgelegd > 0 {
            Counter(label: "toedeling_webhook_doodgelegd_total", dimensions: [("abonnement", abonnement)]).increment(by: doodgelegd)
            logger.warning("webhook deliveries dead-lettered", metadata: ["abonnement.id": "\(abonnement)", "aantal": "\(doodgelegd)"])
        }
    }

    /// The CloudEvent's `time`, read from its bytes without decoding the whole document.
    static func eventTijd(_ inhoud: Data) -> Date? {
        guard let range = inhoud.range(of: Data("\"time\":\"".utf8)) else { return nil }
        let rest = inhoud[range.upperBound...]
        guard let einde = rest.firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        return try? Date(String(decoding: rest[..<einde], as: UTF8.self), strategy: .iso8601.year().month().day().time(includingFractionalSeconds: true))
    }
}

