import Foundation
import PropertyBased
import Testing
@testable import Dossiers

/// The streaming multipart reader gives the same parts however the body is cut into pieces.
@Suite struct MultipartReaderTests {
    static let grens = "grens-1234"

    static func body(_ delen: [(String, [UInt8])]) -> [UInt8] {
        var bytes: [UInt8] = Array("preambule\r\n".utf8)
        for (naam, inhoud) in delen {
            bytes += Array("--\(grens)\r\nContent-Disposition: form-data; name=\"\(naam)\"\r\n\r\n".utf8) + inhoud + Array("\r\n".utf8)
        }
        return bytes + Array("--\(grens)--\r\nepiloog".utf8)
    }

    static func lees(_ body: [UInt8], stukken: [Int]) throws -> [(String, [UInt8])] {
        var lezer = try #require(MultipartReader(contentType: "multipart/form-data; boundary=\"\(grens)\""))
        var delen: [(String, [UInt8])] = []
        var rest = body[...]
        var index = 0
        while !rest.isEmpty {
            let stuk = max(1, stukken.isEmpty ? rest.count : stukken[index % stukken.count])
            index += 1
            for gebeurtenis in try lezer.voed(rest.prefix(stuk)) {
                switch gebeurtenis {
                case .deel(let koppen):
                    let naam = MultipartReader.parameters(koppen["content-disposition"] ?? "").parameters["name"] ?? "?"
                    delen.append((naam, []))
                case .inhoud(let bytes): delen[delen.count - 1].1 += bytes
                case .deelKlaar: break
                }
            }
            rest = rest.dropFirst(stuk)
        }
        #expect(lezer.isKlaar)
        return delen
    }

    @Test func partsSurviveAnyCutting() async {
        await propertyCheck(input: Gen.int(in: 0...600).array(of: 0...5), Gen.int(in: 1...40).array(of: 1...6)) { lengtes, stukken in
            let delen = lengtes.enumerated().map { index, lengte in
                // Bytes that look like the start of a delimiter now and then.
                ("deel\(index)", (0..<lengte).map { i in i % 97 == 0 ? 13 : i % 89 == 0 ? 45 : UInt8(truncatingIfNeeded: i &* 7 &+ index) })
            }
            let gelezen = try? Self.lees(Self.body(delen), stukken: stukken)
            #expect(gelezen?.map(\.0) == delen.map(\.0))
            #expect(gelezen?.map(\.1) == delen.map(\.1))
        }
    }

    @Test func fileNamesAreReadFromFilenameOrFilenameStar() {
        let gewoon = MultipartReader.parameters(#"form-data; name="inhoud"; filename="brief \"def\".pdf""#)
        #expect(gewoon.parameters["filename"] == #"brief "def".pdf"#)
        let uitgebreid = MultipartReader.parameters(#"form-data; name="inhoud"; filename="brief.pdf"; filename*=UTF-8''r%C3%A9ponse%20%E2%82%AC.pdf"#)
        #expect(uitgebreid.parameters["filename"] == "réponse €.pdf")
        #expect(MultipartReader(contentType: "application/json") == nil)
        #expect(MultipartReader(contentType: "multipart/form-data") == nil)
    }
}
