import Foundation
import Logging
import Synchronization
import Testing
import ToedelingAPI
@testable import toedeling_server

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

extension JSONLogHandlerTests {
    /// The line is written by hand: whatever a message or a value holds, it stays one valid JSON
    /// object on one line with the very text, and the time is UTC with milliseconds.
    @Test func anyTextStaysOneJSONLineWithTheSameText() throws {
        let lines = Lines()
        let logger = Logger(label: "toets \"label\"") { label in
            JSONLogHandler(label: label, logLevel: .info) { line in lines.captured.withLock { $0.append(line) } }
        }
        let awkward = "regel 1\nregel 2\r\t\u{0}\u{7}\u{7F}\u{85}\u{2028} \\ \" / é 🙂"
        logger.info("\(awkward)", metadata: ["k \"\n": .string(awkward), "genest": ["b": "2", "a": ["x", .stringConvertible(3)]]])
        let line = try #require(lines.captured.withLock { $0 }.first)
        #expect(line.hasSuffix("\n"))
        #expect(!line.dropLast().contains("\n") && !line.contains("\r") && !line.contains("\u{2028}"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["message"] as? String == awkward)
        #expect(object["label"] as? String == "toets \"label\"")
        let metadata = try #require(object["metadata"] as? [String: Any])
        #expect(metadata["k \"\n"] as? String == awkward)
        let genest = try #require(metadata["genest"] as? [String: Any])
        #expect(genest["b"] as? String == "2")
        #expect(genest["a"] as? [String] == ["x", "3"])
        let timestamp = try #require(object["timestamp"] as? String)
        #expect(timestamp.count == 24 && timestamp.hasSuffix("Z"))
        let parsed = try Date(timestamp, strategy: .iso8601.year().month().day().time(includingFractionalSeconds: true))
        #expect(abs(parsed.timeIntervalSinceNow) < 60)
        // Keys in sorted order, as before.
        #expect(line.hasPrefix(#"{"label":"#))
        #expect(line.range(of: #""level""#)!.lowerBound < line.range(of: #""message""#)!.lowerBound)
    }
}
