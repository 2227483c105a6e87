import Crypto
import Foundation
import Logging
import ServiceLifecycle

/// The server's periodic seal: one at start and then every `interval`, while a key is configured
/// (`TOEDELING_SEAL_KEY_FILE`). A failed seal is logged and tried again at the next interval.
public struct ZegelService: Service {
    let zegelaar: Zegelaar
    /// The private key's raw bytes (the key type itself is not `Sendable`).
    let sleutel: Data
    let interval: Duration
    let map: String?
    let tsa: TimestampClient?
    let logger: Logger

    /// A service sealing with `sleutel` every `interval`, writing the files into `map` when given.
    public init(
        zegelaar: Zegelaar, sleutel: Curve25519.Signing.PrivateKey, interval: Duration, map: String?, tsa: TimestampClient? = nil, logger: Logger
    ) {
        self.tsa = tsa
        self.zegelaar = zegelaar
        self.sleutel = sleutel.rawRepresentation
        self.interval = interval
        self.map = map
        self.logger = logger
    }

    public func run() async throws {
        let sleutel = try Curve25519.Signing.PrivateKey(rawRepresentation: sleutel)
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                _ = try await zegelaar.maak(sleutel: sleutel, map: map, tsa: tsa)
            } catch is CancellationError {
                return
            } catch {
                logger.error("zegel niet gemaakt", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: interval)
        }
    }
}
