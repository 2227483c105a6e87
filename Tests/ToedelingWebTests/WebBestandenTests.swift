import Foundation
import Testing
@testable import ToedelingWeb

/// The templates and the style sheet are files read at start: every page's template must be there
/// and parse, and the style sheet's address follows its content.
@Suite("Web application: templates and style sheet")
struct WebBestandenTests {
    /// A copy of the shipped folder to spoil.
    static func kopie() throws -> String {
        let bron = try #require(WebBestanden.standaardMap())
        let map = FileManager.default.temporaryDirectory.appendingPathComponent("toedeling-web-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: bron, toPath: map)
        return map
    }

    @Test func theShippedFilesHoldEveryTemplate() async throws {
        let bestanden = try await WebBestanden.laad()
        for naam in WebBestanden.namen { #expect(bestanden.sjablonen.getTemplate(named: naam) != nil, "\(naam)") }
        #expect(bestanden.stijl.pad.wholeMatch(of: /\/static\/toedeling-[0-9a-f]{12}\.css/) != nil)
        #expect(String(decoding: bestanden.stijl.inhoud, as: UTF8.self).contains("--rhc-color-lintblauw-500"))
    }

    @Test func aMissingOrBrokenTemplateIsNamed() async throws {
        let map = try Self.kopie()
        defer { try? FileManager.default.removeItem(atPath: map) }
        try FileManager.default.removeItem(atPath: map + "/Templates/ontvangstbewijs.mustache")
        await #expect(throws: WebBestanden.Fout.self) { try await WebBestanden.laad(map: map) }
        do {
            _ = try await WebBestanden.laad(map: map)
        } catch let fout as WebBestanden.Fout {
            #expect(fout.description.contains("ontvangstbewijs.mustache"))
        }
        try "{{#open}}niet gesloten".write(toFile: map + "/Templates/ontvangstbewijs.mustache", atomically: true, encoding: .utf8)
        await #expect(throws: WebBestanden.Fout.self) { try await WebBestanden.laad(map: map) }
    }

    @Test func theStyleSheetsAddressFollowsItsContent() async throws {
        let map = try Self.kopie()
        defer { try? FileManager.default.removeItem(atPath: map) }
        let eerst = try await WebBestanden.laad(map: map).stijl.pad
        let css = try String(contentsOfFile: map + "/toedeling.css", encoding: .utf8)
        try (css + "\n.nieuw { color: #000; }\n").write(toFile: map + "/toedeling.css", atomically: true, encoding: .utf8)
        #expect(try await WebBestanden.laad(map: map).stijl.pad != eerst)
        try FileManager.default.removeItem(atPath: map + "/toedeling.css")
        await #expect(throws: WebBestanden.Fout.self) { try await WebBestanden.laad(map: map) }
        await #expect(throws: WebBestanden.Fout.self) { try await WebBestanden.laad(map: map + "/nergens") }
    }
}
