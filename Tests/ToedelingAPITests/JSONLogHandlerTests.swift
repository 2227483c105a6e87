import Foundation
import Logging
import Synchronization
import Testing
import ToedelingAPI

@Suite("JSON log lines")
struct JSONLogHandlerTests {
    final class Lines: Sendable {
        let captured = Mutex<[String]>([])
    }

    @Test func everyLineIsOneJSONObjectWithLevelMessageAndMetadata() throws {
        let lines = Lines()
        var logger = Logger(label: "toets") { label in
            JSONLogHandler(label: label, logLevel: .info) { line in lines.captured.withLock { $0.append(line) } }
        }
        logger[metadataKey: "request.id"] = "abc"
        logger.debug("niet geschreven")
        logger.info("verzoek \"klaar\"", metadata: ["http.status": .stringConvertible(201), "lijst": ["a", "b"]])
        let written = lines.captured.withLock { $0 }
        #expect(written.count == 1)
        let line = try #require(written.first)
        #expect(line.hasSuffix("\n"))
        #expect(line.dropLast().contains("\n") == false)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["level"] as? String == "info")
        #expect(object["label"] as? String == "toets")
        #expect(object["message"] as? String == "verzoek \"klaar\"")
        #expect((object["timestamp"] as? String)?.hasSuffix("Z") == true)
        let metadata = try #require(object["metadata"] as? [String: Any])
        #expect(metadata["request.id"] as? String == "abc")
        #expect(metadata["http.status"] as? String == "201")
        #expect(metadata["lijst"] as? [String] == ["a", "b"])
    }
}
