import Crypto
import Dossiers
import Foundation
import Logging
import Testing
import ToedelingTestSupport
import ServerTestSupport

@Suite("The server's periodic seal")
struct ZegelServiceTests {
    @Test func theServiceSealsAtStartAndEveryIntervalIntoTheFolder() async throws {
        try await APITestHarness.with { harness in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("toedeling-zegels-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            _ = try await openDossier(harness.dependencies.service)
            let sleutel = Curve25519.Signing.PrivateKey()
            let service = ZegelService(
                zegelaar: Zegelaar(pool: harness.pool, logger: Logger(label: "test")), sleutel: sleutel, interval: .milliseconds(300), map: folder,
                logger: Logger(label: "test")
            )
            let taak = Task { try await service.run() }
            // Long enough for a machine loaded by the other tests (two seals take 0.3 s when idle).
            let einde = Date().addingTimeInterval(90)
            var bestanden: [String] = []
            repeat {
                try await Task.sleep(for: .milliseconds(100))
                bestanden = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("zegel-") }
            } while bestanden.count < 2 && Date() < einde
            taak.cancel()
            _ = try? await taak.value
            #expect(bestanden.count >= 2)
            let zegel = try #require(try await Zegelaar(pool: harness.pool, logger: Logger(label: "test")).laatste())
            #expect(zegel.aantalStromen == 1)
            #expect(zegel.publiekeSleutel == sleutel.publicKey.rawRepresentation.base64EncodedString())
            let uitslag = try await Zegelaar(pool: harness.pool, logger: Logger(label: "test"))
                .controleer(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + bestanden[0])), sleutel: sleutel.publicKey)
            #expect(uitslag.geldig && uitslag.herschreven.isEmpty && uitslag.gecontroleerd == 1)
        }
    }
}
