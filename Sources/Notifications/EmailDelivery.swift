import Dossiers
import EventStore
import Foundation
import Logging
import Metrics
import Postgres
import ServiceLifecycle

/// Sends the e-mail outbox through the relay, as a `Service`: one instance at a time (a lease),
/// woken by NOTIFY when messages are written and looking every `pollInterval` for retries. A
/// message is marked sent as soon as the relay accepted it.
public final class EmailDelivery: Service, Sendable {
    private let pool: PostgresConnectionPool
    private let wachtrij: EmailQueue
    private let instelling: SMTPSettings
    private let pollInterval: Duration
    private let leaseDuur: Duration
    private let logger: Logger
    private let houder = UUID()

    /// The sender over `pool` to the relay `instelling`.
    public init(
        pool: PostgresConnectionPool, instelling: SMTPSettings, beleid: WebhookQueue.Beleid = .init(), pollInterval: Duration = .seconds(2),
        leaseDuur: Duration = .seconds(60), logger: Logger
    ) {
        self.pool = pool
        self.wachtrij = EmailQueue(pool: pool, beleid: beleid)
        self.instelling = instelling
        self.pollInterval = pollInterval
        self.leaseDuur = leaseDuur
        self.logger = logger
    }

    /// Sends until graceful shutdown or cancellation.
    public func run() async throws {
        let signal = WakeSignal()
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [pool] in
                await cancelWhenGracefulShutdown { await pool.listen(to: NotificationSettings.kanaal) { _ in signal.signal() } }
            }
            await cancelWhenGracefulShutdown {
                while !Task.isCancelled {
                    do {
                        if try await self.wachtrij.neemLease(houder: self.houder, duur: self.leaseDuur) {
                            try await self.verstuurWachtende()
                        }
                    } catch {
                        self.logger.warning("e-mail queue unavailable", metadata: ["error.type": "\(String(reflecting: type(of: error)))"])
                    }
                    await signal.wait(timeout: self.pollInterval)
                }
            }
            group.cancelAll()
        }
        try? await wachtrij.geefLeaseVrij(houder: houder)
    }

    /// Sends every message due now over one session per batch.
    func verstuurWachtende() async throws {
        while !Task.isCancelled {
            let berichten = try await wachtrij.teVerzenden()
            guard !berichten.isEmpty else { return }
            let sessie: SMTPSession
            do {
                sessie = try await SMTPSession.open(instelling)
            } catch let fout as SMTPError {
                // The relay cannot be reached: the first message carries the attempt, the rest wait.
                try await wachtrij.mislukt(berichten[0].id, fout: fout.omschrijving, permanent: false)
                logger.warning("e-mail relay unavailable", metadata: ["smtp.fout": "\(fout.omschrijving)"])
                return
            }
            var verbroken = false
            for bericht in berichten {
                guard try await wachtrij.neemLease(houder: houder, duur: leaseDuur) else { verbroken = true; break }
                do {
                    try await sessie.verstuur(
                        van: instelling.afzenderAdres, aan: bericht.ontvanger, bericht: MIMEMessage.tekst(bericht, afzender: instelling.afzender)
                    )
                    try await wachtrij.verzonden(bericht.id)
                    Counter(label: "toedeling_email_berichten_total", dimensions: [("uitkomst", "verzonden")]).increment()
                } catch let fout as SMTPError {
                    try await wachtrij.mislukt(bericht.id, fout: fout.omschrijving, permanent: fout.isPermanent)
                    Counter(label: "toedeling_email_berichten_total", dimensions: [("uitkomst", fout.isPermanent ? "geweigerd" : "uitgesteld")]).increment()
                    if case .geweigerd = fout {
                        await sessie.herstel()
                    } else {
                        verbroken = true
                        break
                    }
                }
            }
            await sessie.sluit()
            if verbroken { return }
        }
    }
}
