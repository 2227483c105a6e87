import Foundation
import Testing
@testable import Taaktoedeling

/// Recognising a file by its first bytes, and the declared type that must agree.
@Suite struct BestandstypeTests {
    static func zip(_ namen: [(String, [UInt8])]) -> [UInt8] {
        var bytes: [UInt8] = []
        for (naam, inhoud) in namen {
            func le16(_ waarde: Int) -> [UInt8] { [UInt8(waarde & 0xFF), UInt8(waarde >> 8 & 0xFF)] }
            func le32(_ waarde: Int) -> [UInt8] { le16(waarde & 0xFFFF) + le16(waarde >> 16) }
            bytes += [0x50, 0x4B, 0x03, 0x04] + le16(10) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0)
            bytes += le32(inhoud.count) + le32(inhoud.count) + le16(naam.utf8.count) + le16(0) + Array(naam.utf8) + inhoud
        }
        return bytes + [0x50, 0x4B, 0x01, 0x02]
    }

    @Test func eachAcceptedTypeIsRecognisedByItsBytes() {
        let gevallen: [([UInt8], Bestandstype)] = [
            (Array("%PDF-1.4\n".utf8), .pdf),
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], .png),
            ([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], .jpeg),
            (Self.zip([("mimetype", Array("application/vnd.oasis.opendocument.text".utf8)), ("content.xml", [1])]), .odt),
            (Self.zip([("mimetype", Array("application/vnd.oasis.opendocument.spreadsheet".utf8))]), .ods),
            (Self.zip([("mimetype", Array("application/vnd.oasis.opendocument.presentation".utf8))]), .odp),
            (Self.zip([("[Content_Types].xml", [1, 2]), ("_rels/.rels", [3]), ("word/document.xml", [4])]), .docx),
            (Self.zip([("[Content_Types].xml", [1]), ("xl/workbook.xml", [4])]), .xlsx),
            (Self.zip([("[Content_Types].xml", [1]), ("ppt/presentation.xml", [4])]), .pptx),
            (Array("\u{FEFF}<?xml version=\"1.0\"?><a/>".utf8), .xml),
            (Array("From: a@example.nl\r\nTo: b@example.nl\r\nSubject: Brief\r\n\r\nTekst".utf8), .eml),
            (Array("Gewone tekst met é en een tab\t.\n".utf8), .tekst),
        ]
        for (bytes, type) in gevallen {
            #expect(Bestandstype.herken(bytes, volledig: true) == .aanvaard(type), "\(type)")
        }
    }

    @Test func otherFilesAreRefusedSayingWhatTheyAre() {
        let gevallen: [([UInt8], String)] = [
            ([0x7F, 0x45, 0x4C, 0x46, 2, 1], "ELF"),
            (Array("MZ\u{90}\u{0}".utf8), "Windows"),
            (Self.zip([("virus.exe", [1, 2, 3])]), "ZIP"),
            ([0x1F, 0x8B, 8, 0], "gzip"),
            (Array("#!/bin/sh\nrm -rf /\n".utf8), "script"),
            ([0, 1, 2, 3, 255, 254], "binaire"),
            (Array("<!DOCTYPE html><html></html>".utf8), "HTML"),
        ]
        for (bytes, woord) in gevallen {
            guard case .geweigerd(let beschrijving) = Bestandstype.herken(bytes, volledig: true) else {
                Issue.record("\(woord) was accepted")
                continue
            }
            #expect(beschrijving.contains(woord), "\(beschrijving)")
        }
    }

    @Test func aCharacterCutOffAtTheEndOfThePrefixIsStillText() {
        let tekst = Array("ééé".utf8)
        #expect(Bestandstype.herken(Array(tekst.dropLast()), volledig: false) == .aanvaard(.tekst))
        #expect(Bestandstype.herken(Array(tekst.dropLast()), volledig: true) != .aanvaard(.tekst))
    }

    @Test func theDeclaredTypeMustAgree() throws {
        #expect(try Bestandstype.kies(.aanvaard(.pdf), gedeclareerd: "application/pdf").get() == .pdf)
        #expect(try Bestandstype.kies(.aanvaard(.pdf), gedeclareerd: nil).get() == .pdf)
        #expect(try Bestandstype.kies(.aanvaard(.pdf), gedeclareerd: "application/octet-stream").get() == .pdf)
        #expect(try Bestandstype.kies(.aanvaard(.tekst), gedeclareerd: "text/csv; charset=utf-8").get() == .csv)
        #expect(try Bestandstype.kies(.aanvaard(.xml), gedeclareerd: "text/xml").get() == .xml)
        #expect(throws: TypeWeigering.self) { try Bestandstype.kies(.aanvaard(.docx), gedeclareerd: "application/pdf").get() }
        #expect(throws: TypeWeigering.self) { try Bestandstype.kies(.aanvaard(.tekst), gedeclareerd: "application/pdf").get() }
        #expect(throws: TypeWeigering.self) { try Bestandstype.kies(.geweigerd("een ZIP-archief"), gedeclareerd: nil).get() }
    }

    @Test func aFileNameIsAName() {
        #expect(Bestandsnaam.probleem("Brief aan de Kamer (def) — 'versie 2'.pdf") == nil)
        #expect(Bestandsnaam.probleem("日本語.txt") == nil)
        #expect(Bestandsnaam.probleem("") != nil)
        #expect(Bestandsnaam.probleem("../x.pdf") != nil)
        #expect(Bestandsnaam.probleem("a\\b.pdf") != nil)
        #expect(Bestandsnaam.probleem("a\u{0}b.pdf") != nil)
        #expect(Bestandsnaam.probleem("a\nb.pdf") != nil)
        #expect(Bestandsnaam.probleem("..") != nil)
        #expect(Bestandsnaam.probleem(String(repeating: "x", count: 256)) != nil)
    }

    @Test func metadataIsReadWithEveryProblemAtOnce() throws {
        let goed = JSONValue.object(["titel": .string("Brief"), "documentsoort": .string("reactie"), "vertrouwelijkheid": .string("openbaar"),
                                     "reactie": .object(["ronde": .integer(1), "koepel": .string("VNG")])])
        #expect(try DocumentMetadata.parse(goed).get().reactie == ReactieVerwijzing(ronde: 1, koepel: .VNG))
        let fout = JSONValue.object(["titel": .string(""), "documentsoort": .string("brief"), "reactie": .object(["ronde": .integer(0)]),
                                     "vervangt": .string("geen-uuid"), "extra": .bool(true)])
        guard case .failure(let invalid) = DocumentMetadata.parse(fout) else { Issue.record("accepted"); return }
        #expect(Set(invalid.problems.map(\.name)) == ["titel", "documentsoort", "vertrouwelijkheid", "reactie.ronde", "reactie.koepel", "vervangt", "extra"])
    }
}
