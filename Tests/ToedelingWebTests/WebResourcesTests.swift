import Foundation
import Testing
@testable import ToedelingWeb

/// The templates and the style sheet are files read at start: every page's template must be there
/// and parse, and the style sheet's address follows its content.
@Suite("Web application: templates and style sheet")
struct WebResourcesTests {
    /// A copy of the shipped folder to spoil.
    static func kopie() throws -> String {
        let bron = try #require(WebResources.defaultDirectory())
        let map = FileManager.default.temporaryDirectory.appendingPathComponent("toedeling-web-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: bron, toPath: map)
        return map
    }

    @Test func theShippedFilesHoldEveryTemplate() async throws {
        let bestanden = try await WebResources.load()
        for naam in WebResources.templateNames { #expect(bestanden.templates.getTemplate(named: naam) != nil, "\(naam)") }
        #expect(bestanden.styleSheet.path.wholeMatch(of: /\/static\/toedeling-[0-9a-f]{12}\.css/) != nil)
        #expect(String(decoding: bestanden.styleSheet.bytes, as: UTF8.self).contains("--rhc-color-lintblauw-500"))
    }

    @Test func aMissingOrBrokenTemplateIsNamed() async throws {
        let map = try Self.kopie()
        defer { try? FileManager.default.removeItem(atPath: map) }
        try FileManager.default.removeItem(atPath: map + "/Templates/ontvangstbewijs.mustache")
        await #expect(throws: WebResources.LoadError.self) { try await WebResources.load(directory: map) }
        do {
            _ = try await WebResources.load(directory: map)
        } catch let fout as WebResources.LoadError {
            #expect(fout.description.contains("ontvangstbewijs.mustache"))
        }
        try "{{#open}}niet gesloten".write(toFile: map + "/Templates/ontvangstbewijs.mustache", atomically: true, encoding: .utf8)
        await #expect(throws: WebResources.LoadError.self) { try await WebResources.load(directory: map) }
    }

    @Test func theStyleSheetsAddressFollowsItsContent() async throws {
        let map = try Self.kopie()
        defer { try? FileManager.default.removeItem(atPath: map) }
        let eerst = try await WebResources.load(directory: map).styleSheet.path
        let css = try String(contentsOfFile: map + "/toedeling.css", encoding: .utf8)
        try (css + "\n.nieuw { color: #000; }\n").write(toFile: map + "/toedeling.css", atomically: true, encoding: .utf8)
        #expect(try await WebResources.load(directory: map).styleSheet.path != eerst)
        try FileManager.default.removeItem(atPath: map + "/toedeling.css")
        await #expect(throws: WebResources.LoadError.self) { try await WebResources.load(directory: map) }
        await #expect(throws: WebResources.LoadError.self) { try await WebResources.load(directory: map + "/nergens") }
    }
}
