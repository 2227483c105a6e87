import Foundation
#if canImport(Glibc)
import Glibc
#endif
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
            JSONLogHandler(label: label, logLevel: .info) { line, _ in lines.captured.withLock { $0.append(String(decoding: line, as: UTF8.self)) } }
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
            JSONLogHandler(label: label, logLevel: .info) { line, _ in lines.captured.withLock { $0.append(String(decoding: line, as: UTF8.self)) } }
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

extension JSONLogHandlerTests {
    /// The time is written by hand: the same text as Foundation's ISO 8601 with milliseconds, also
    /// at the turn of a year and before 1970's tenth year.
    @Test func theTimestampIsUTCToTheMillisecond() throws {
        for (seconds, milliseconds) in [(0, 0), (1_796_083_199, 999), (1_764_581_400, 123), (951_782_400, 7), (4_102_444_800, 50)] {
            var line: [UInt8] = []
            JSONLogHandler.appendTimestamp(seconds: time_t(seconds), milliseconds: milliseconds, to: &line)
            let date = Date(timeIntervalSince1970: Double(seconds) + Double(milliseconds) / 1000 + 0.0001)
            // Foundation's style is in UTC; the handler marks it with Z.
            let expected = date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true)) + "Z"
            #expect(String(decoding: line, as: UTF8.self) == expected)
        }
    }

    /// Lines reach the descriptor in the order they were logged, within milliseconds without a flush;
    /// a warning's line is written at once, with the lines before it.
    @Test func linesArriveInOrderAndAWarningAtOnce() throws {
        var descriptors: [Int32] = [0, 0]
        #expect(pipe(&descriptors) == 0)
        defer { close(descriptors[0]); close(descriptors[1]) }
        _ = fcntl(descriptors[0], F_SETFL, fcntl(descriptors[0], F_GETFL) | O_NONBLOCK)
        // A long interval: nothing arrives by the batch while the warning is checked.
        let output = LogOutput(fileDescriptor: descriptors[1], interval: .seconds(30))
        let logger = Logger(label: "toets") { label in
            JSONLogHandler(label: label, logLevel: .info) { line, level in output.write(line, now: level >= .warning) }
        }
        func read() -> String {
            var buffer = [UInt8](repeating: 0, count: 65536)
            let count = Glibc.read(descriptors[0], &buffer, buffer.count)
            return count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : ""
        }
        for index in 0..<50 { logger.info("regel \(index)") }
        #expect(read() == "")
        logger.warning("waarschuwing")
        let lines = read().split(separator: "\n")
        #expect(lines.count == 51)
        #expect(lines.enumerated().allSatisfy { index, line in line.contains(index < 50 ? "\"regel \(index)\"" : "waarschuwing") })

        let quick = LogOutput(fileDescriptor: descriptors[1], interval: .milliseconds(5))
        quick.write(Array("een\n".utf8))
        quick.write(Array("twee\n".utf8))
        var arrived = ""
        let deadline = ContinuousClock.now + .seconds(5)
        while arrived.count < 9 && ContinuousClock.now < deadline {
            arrived += read()
            usleep(1000)
        }
        #expect(arrived == "een\ntwee\n")
    }
}
