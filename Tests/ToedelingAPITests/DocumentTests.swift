import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Postgres
import Testing
import ToedelingTestSupport
import ToedelingAPI



@Suite("Documents: upload, versions, visibility and the bytes")
struct DocumentTests {
    @Test func aCoordinatorUploadsAndEveryoneWhoSeesTheDossierDownloadsTheSameBytes() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let id = try await client.openDossier(token: harness.coordinator)
                let inhoud = Upload.pdf("Eerste versie")
                let response = try await client.upload(Upload(inhoud: inhoud), to: id, token: harness.coordinator)
                #expect(response.status == .created, "\(String(buffer: response.body))")
                let document = try response.object
                let documentID = try #require(document["id"] as? String)
                #expect(response.headers[.location] == "/v1/dossiers/\(id)/documenten/\(documentID)")
                #expect(document["versie"] as? Int == 1)
                #expect(document["mediatype"] as? String == "application/pdf")
                #expect(document["omvang"] as? Int == inhoud.count)
                #expect(document["bestandsnaam"] as? String == "wetsvoorstel.pdf")
                #expect(document["toegevoegdDoor"] as? String == "Coördinator BZK")
                #expect(document["reactie"] is NSNull)
                #expect(document["vervangt"] is NSNull)
                let sha = Data(SHA256Hex.digest(inhoud).utf8)
                #expect(document["sha256"] as? String == String(decoding: sha, as: UTF8.self))

                let download = try await client.send(.get, "/v1/dossiers/\(id)/documenten/\(documentID)/inhoud", token: harness.liaison)
                #expect(download.status == .ok)
                #expect(Array(download.body.readableBytesView) == inhoud)
                #expect(download.headers[.contentType] == "application/pdf")
                #expect(download.headers[.contentLength] == String(inhoud.count))
                #expect(download.headers[.eTag] == "\"sha256-\(SHA256Hex.digest(inhoud))\"")
                #expect(download.headers[HTTPField.Name("Repr-Digest")!] == "sha-256=:\(Data(SHA256Hex.bytes(inhoud)).base64EncodedString()):")
                #expect(download.headers[.contentDisposition]?.contains("filename*=UTF-8''wetsvoorstel.pdf") == true)
                #expect(download.headers[.contentSecurityPolicy] == "sandbox; frame-ancestors 'none'")
                #expect(download.headers[.acceptRanges] == "bytes")

                let list = try await client.send(.get, "/v1/dossiers/\(id)/documenten", token: harness.coordinator)
                #expect(list.status == .ok)
                let resultaten = try #require(try list.object["resultaten"] as? [[String: Any]])
                #expect(resultaten.map { $0["id"] as? String } == [documentID])

                let notModified = try await client.send(
                    .get, "/v1/dossiers/\(id)/documenten/\(documentID)/inhoud", token: harness.coordinator,
                    headers: [.ifNoneMatch: "\"sha256-\(SHA256Hex.digest(inhoud))\""])
                #expect(notModified.status == .notModified)

                let tijdlijn = try await client.send(.get, "/v1/dossiers/\(id)/tijdlijn", token: harness.coordinator)
                #expect(String(buffer: tijdlijn.body).contains("Concept wetsvoorstel"))
            }
        }
    }

    @Test func anyFileNameComesBackAsASafeAttachment() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let id = try await client.openDossier(token: harness.coordinator)
                var upload = Upload()
                upload.bestandsnaam = nil
                var body = Array(upload.body.readableBytesView)
                // filename* (RFC 8187) with Unicode, a quote and a semicolon: it wins over filename.
                let kop = Array("name=\"inhoud\"".utf8)
                let index = try #require(body.firstRange(of: kop)).upperBound
                body.insert(contentsOf: Array("; filename=\"x.pdf\"; filename*=UTF-8''Brief%20%22def%22%3B%20r%C3%A9ponse%20%E2%82%AC.pdf".utf8), at: index)
                var headers: HTTPFields = [.authorization: "Bearer \(harness.coordinator)"]
                headers[.contentType] = "multipart/form-data; boundary=\(Upload.boundary)"
                let response = try await client.execute(uri: "/v1/dossiers/\(id)/documenten", method: .post, headers: headers, body: ByteBuffer(bytes: body))
                #expect(response.status == .created, "\(String(buffer: response.body))")
                let document = try response.object
                #expect(document["bestandsnaam"] as? String == "Brief \"def\"; réponse €.pdf")
                let download = try await client.send(.get, "/v1/dossiers/\(id)/documenten/\(try #require(document["id"] as? String))/inhoud", token: harness.coordinator)
                #expect(download.headers[.contentDisposition] == #"attachment; filename="Brief _def_; r_ponse _.pdf"; filename*=UTF-8''Brief%20%22def%22%3B%20r%C3%A9ponse%20%E2%82%AC.pdf"#)
            }
        }
    }

    @Test func rangesGive206AndBeyondTheEnd416() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let id = try await client.openDossier(token: harness.coordinator)
                let inhoud = Upload.pdf("Bereik")
                let document = try await client.upload(Upload(inhoud: inhoud), to: id, token: harness.coordinator).object
                let pad = "/v1/dossiers/\(id)/documenten/\(try #require(document["id"] as? String))/inhoud"
                let deel = try await client.send(.get, pad, token: harness.coordinator, headers: [.range: "bytes=2-6"])
                #expect(deel.status == .partialContent)
                #expect(Array(deel.body.readableBytesView) == Array(inhoud[2...6]))
                #expect(deel.headers[.contentRange] == "bytes 2-6/\(inhoud.count)")
                let staart = try await client.send(.get, pad, token: harness.coordinator, headers: [.range: "bytes=-4"])
                #expect(Array(staart.body.readableBytesView) == Array(inhoud.suffix(4)))
                let voorbij = try await client.send(.get, pad, token: harness.coordinator, headers: [.range: "bytes=\(inhoud.count)-"])
                #expect(voorbij.status == .rangeNotSatisfiable)
                #expect(voorbij.headers[.contentRange] == "bytes */\(inhoud.count)")
                let head = try await client.send(.head, pad, token: harness.coordinator)
                #expect(head.status == .ok)
                #expect(head.body.readableBytes == 0)
            }
        }
    }

    @Test func theSameBytesAreStoredOnceAndLargeFilesSpanBlocks() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let id = try await client.openDossier(token: harness.coordinator)
                var groot = Upload.pdf("Groot")
                groot += (0..<(2_500_000)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
                let eerste = try await client.upload(Upload(inhoud: groot), to: id, token: harness.coordinator)
                #expect(eerste.status == .created)
                let tweede = try await client.upload(
                    Upload(metadata: #"{"titel": "Kopie", "documentsoort": "overig", "vertrouwelijkheid": "intern"}"#, inhoud: groot),
                    to: id, token: harness.coordinator)
                #expect(tweede.status == .created)
                let rows = try await harness.documentRows()
                #expect(rows.inhoud == 1)
                #expect(rows.blokken == 3)
                #expect(rows.events == 2)
                let documentID = try #require(try tweede.object["id"] as? String)
                let download = try await client.send(.get, "/v1/dossiers/\(id)/documenten/\(documentID)/inhoud", token: harness.coordinator)
                #expect(Array(download.body.readableBytesView) == groot)
                let midden = try await client.send(
                    .get, "/v1/dossiers/\(id)/documenten/\(documentID)/inhoud", token: harness.coordinator,
                    headers: [.range: "bytes=1048570-1048590"])
                #expect(Array(midden.body.readableBytesView) == Array(groot[1_048_570...1_048_590]))
            }
        }
    }

    @Test func aNewVersionReplacesTheNewestAndKeepsTheOldOnes() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let id = try await client.openDossier(token: harness.coordinator)
                let v1 = try #require(try await client.upload(Upload(), to: id, token: harness.coordinator).object["id"] as? String)
                var nieuw = Upload(inhoud: Upload.pdf("Tweede versie"))
                nieuw.metadata = #"{"titel": "Concept wetsvoorstel", "documentsoort": "voorstel", "vertrouwelijkheid": "openbaar", "vervangt": "\#(v1.uppercased())"}"#
                let response = try await client.upload(nieuw, to: id, token: harness.coordinator)
                #expect(response.status == .created, "\(String(buffer: response.body))")
                let v2 = try response.object
                #expect(v2["versie"] as? Int == 2)
                #expect(v2["vervangt"] as? String == v1)
                #expect(try await client.send(.get, "/v1/dossiers/\(id)/documenten", token: harness.vng).status == .notFound)
                let lijst = try #require(try await client.send(.get, "/v1/dossiers/\(id)/documenten", token: harness.coordinator).object["resultaten"] as? [[String: Any]])
                #expect(lijst.map { $0["versie"] as? Int } == [2])
                let metadata = try await client.send(.get, "/v1/dossiers/\(id)/documenten/\(v1)", token: harness.coordinator).object
                #expect((metadata["versies"] as? [[String: Any]])?.map { $0["versie"] as? Int } == [1, 2])

                nieuw.inhoud = Upload.pdf("Derde versie, van de oude")
                let oud = try await client.upload(nieuw, to: id, token: harness.coordinator)
                #expect(oud.status == .conflict)
                let ander = try await client.openDossier(token: harness.coordinator)
                let elders = try await client.upload(nieuw, to: ander, token: harness.coordinator)
                #expect(elders.status == .conflict)
                #expect(try elders.problem.detail?.contains("geen document van dit dossier") == true)
            }
        }
    }

    @Test func koepelsSeeOpenbaarDocumentsAndLettersByTheReactieRule() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let id = try await client.openDossier(token: harness.coordinator)
                try await client.command("consultaties", on: id, token: harness.coordinator, json: #"{"koepels": ["VNG", "IPO"], "termijn": "2099-01-01"}"#)
                let intern = try await client.upload(
                    Upload(metadata: #"{"titel": "Intern memo", "documentsoort": "overig", "vertrouwelijkheid": "intern"}"#),
                    to: id, token: harness.coordinator)
                #expect(intern.status == .created)
                let internID = try #require(try intern.object["id"] as? String)
                let versieVoor = try await client.send(.get, "/v1/dossiers/\(id)", token: harness.ipo).headers[.eTag]

                let brief = Upload(
                    metadata: #"{"titel": "Brief VNG", "documentsoort": "reactie", "vertrouwelijkheid": "openbaar", "reactie": {"ronde": 1, "koepel": "VNG"}}"#,
                    bestandsnaam: "brief.pdf", inhoud: Upload.pdf("Brief"))
                // A letter needs the reactie first.
                #expect(try await client.upload(brief, to: id, token: harness.vng).status == .conflict)
                try await client.command("consultaties/1/reacties", on: id, token: harness.vng, json: Fixtures.reactie)
                let briefResponse = try await client.upload(brief, to: id, token: harness.vng)
                #expect(briefResponse.status == .created, "\(String(buffer: briefResponse.body))")
                let briefID = try #require(try briefResponse.object["id"] as? String)

                // Another koepel's letter, an internal document: not for a koepel; a liaison waits for the round to close.
                var ipoBrief = brief
                ipoBrief.metadata = #"{"titel": "Brief", "documentsoort": "reactie", "vertrouwelijkheid": "openbaar", "reactie": {"ronde": 1, "koepel": "VNG"}}"#
                #expect(try await client.upload(ipoBrief, to: id, token: harness.ipo).status == .forbidden)
                #expect(try await client.upload(Upload(), to: id, token: harness.vng).status == .forbidden)
                #expect(try await client.upload(Upload(), to: id, token: harness.liaison).status == .forbidden)
                func zichtbaar(_ token: String) async throws -> [String] {
                    let lijst = try await client.send(.get, "/v1/dossiers/\(id)/documenten", token: token).object["resultaten"] as? [[String: Any]]
                    return (lijst ?? []).compactMap { $0["id"] as? String }
                }
                #expect(try await zichtbaar(harness.vng) == [briefID])
                #expect(try await zichtbaar(harness.ipo) == [])
                #expect(try await zichtbaar(harness.liaison) == [internID])
                #expect(try await zichtbaar(harness.coordinator) == [internID, briefID])
                #expect(try await client.send(.get, "/v1/dossiers/\(id)/documenten/\(internID)/inhoud", token: harness.vng).status == .notFound)
                #expect(try await client.send(.get, "/v1/dossiers/\(id)/documenten/\(briefID)/inhoud", token: harness.ipo).status == .notFound)
                #expect(try await client.send(.get, "/v1/dossiers/\(id)/documenten", token: harness.uvw).status == .notFound)
                let tijdlijn = try await client.send(.get, "/v1/dossiers/\(id)/tijdlijn", token: harness.ipo)
                #expect(!String(buffer: tijdlijn.body).contains("Intern memo"))
                #expect(!String(buffer: tijdlijn.body).contains("Brief VNG"))
                #expect(String(buffer: try await client.send(.get, "/v1/dossiers/\(id)/tijdlijn", token: harness.vng).body).contains("Brief VNG"))
                // IPO's view did not move for what it may not see.
                #expect(try await client.send(.get, "/v1/dossiers/\(id)", token: harness.ipo).headers[.eTag] == versieVoor)

                try await client.command("consultaties/1/sluiting", on: id, token: harness.coordinator, json: "{}")
                #expect(try await zichtbaar(harness.ipo) == [briefID])
                #expect(try await zichtbaar(harness.liaison) == [internID, briefID])
                // The round is closed: the koepel cannot add to its letter any more.
                #expect(try await client.upload(brief, to: id, token: harness.vng).status == .conflict)
            }
        }
    }

    @Test func badUploadsAreRefusedAndLeaveNothingBehind() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let id = try await client.openDossier(token: harness.coordinator)
                var zip = Upload(inhoud: [0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 60))
                zip.bestandsnaam = "rapport.pdf"
                var elf = Upload(inhoud: [0x7F, 0x45, 0x4C, 0x46] + Array(repeating: 1, count: 60))
                elf.contentType = nil
                var tekstAlsPDF = Upload(inhoud: Array("Gewone tekst\n".utf8))
                tekstAlsPDF.contentType = "application/pdf"
                var leeg = Upload(inhoud: [])
                leeg.contentType = nil
                var lang = Upload()
                lang.bestandsnaam = String(repeating: "a", count: 1000) + ".pdf"
                var pad = Upload()
                pad.bestandsnaam = "../../etc/passwd"
                var geenNaam = Upload()
                geenNaam.bestandsnaam = nil
                var geenMetadata = Upload()
                geenMetadata.metadata = nil
                var kapotteMetadata = Upload()
                kapotteMetadata.metadata = "{titel"
                var onvolledigeMetadata = Upload()
                onvolledigeMetadata.metadata = #"{"titel": "", "documentsoort": "brief"}"#
                var geenInhoud = Upload()
                geenInhoud.inhoud = nil
                var afgebroken = Upload()
                afgebroken.afsluiten = false
                let gevallen: [(String, Upload, HTTPResponse.Status)] = [
                    ("zip named pdf", zip, .unsupportedMediaType),
                    ("executable", elf, .unsupportedMediaType),
                    ("text declared as pdf", tekstAlsPDF, .unsupportedMediaType),
                    ("empty", leeg, .badRequest),
                    ("long name", lang, .badRequest),
                    ("path", pad, .badRequest),
                    ("no file name", geenNaam, .badRequest),
                    ("no metadata", geenMetadata, .badRequest),
                    ("broken metadata", kapotteMetadata, .badRequest),
                    ("incomplete metadata", onvolledigeMetadata, .badRequest),
                    ("no file", geenInhoud, .badRequest),
                    ("cut off", afgebroken, .badRequest),
                ]
                for (naam, upload, status) in gevallen {
                    let response = try await client.upload(upload, to: id, token: harness.coordinator)
                    #expect(response.status == status, "\(naam): \(String(buffer: response.body))")
                    #expect(response.headers[.contentType] == "application/problem+json", "\(naam)")
                }
                let json = try await client.send(.post, "/v1/dossiers/\(id)/documenten", token: harness.coordinator, json: "{}")
                #expect(json.status == .unsupportedMediaType)
                let onbekend = try await client.upload(Upload(), to: UUID().uuidString, token: harness.coordinator)
                #expect(onbekend.status == .notFound)
                let rows = try await harness.documentRows()
                #expect(rows.blokken == 0 && rows.inhoud == 0 && rows.events == 0)
            }
        }
    }

    @Test func aFileOverTheLimitIs413AndLeavesNothing() async throws {
        try await APITestHarness.with { harness in
            var dependencies = harness.dependencies
            dependencies.maximumDocumentBytes = 1_500_000
            let application = try await buildApplication(configuration: APIConfiguration(), dependencies: dependencies)
            try await application.test(.router) { client in
                let id = try await client.openDossier(token: harness.coordinator)
                let groot = Upload.pdf("Te groot") + Array(repeating: 7, count: 1_600_000)
                let response = try await client.upload(Upload(inhoud: groot), to: id, token: harness.coordinator)
                #expect(response.status == .contentTooLarge)
                let rows = try await harness.documentRows()
                #expect(rows.blokken == 0 && rows.inhoud == 0 && rows.events == 0)
            }
        }
    }

    @Test func aRetryUnderTheSameKeyAddsNothing() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let id = try await client.openDossier(token: harness.coordinator)
                let eerste = try await client.upload(Upload(), to: id, token: harness.coordinator, headers: [HTTPField.Name("Idempotency-Key")!: "upload-1"])
                let tweede = try await client.upload(Upload(), to: id, token: harness.coordinator, headers: [HTTPField.Name("Idempotency-Key")!: "upload-1"])
                #expect(eerste.status == .created)
                #expect(tweede.status == .created)
                #expect(try eerste.object["id"] as? String == tweede.object["id"] as? String)
                #expect(try await harness.documentRows().events == 1)
                let ander = try await client.upload(
                    Upload(inhoud: Upload.pdf("Andere bytes")), to: id, token: harness.coordinator, headers: [HTTPField.Name("Idempotency-Key")!: "upload-1"])
                #expect(ander.status == .unprocessableContent)
                let rows = try await harness.documentRows()
                #expect(rows.events == 1 && rows.blokken == 1)
            }
        }
    }

    @Test func verifyNamesADocumentWhoseBytesChanged() async throws {
        try await APITestHarness.with { harness in
            try await harness.test { client async throws in
                let id = try await client.openDossier(token: harness.coordinator)
                let document = try await client.upload(Upload(), to: id, token: harness.coordinator).object
                #expect(try await harness.dependencies.service.afwijkendeDocumenten().isEmpty)
                try await harness.pool.withConnection { connection in
                    try connection.execute("UPDATE document_blokken SET data = overlay(data PLACING '\\x00'::bytea FROM 3)")
                }
                let afwijkend = try await harness.dependencies.service.afwijkendeDocumenten()
                #expect(afwijkend.map { $0.document.id.uuidString.lowercased() } == [document["id"] as? String])
            }
        }
    }
}

import Crypto
import ServerTestSupport

enum SHA256Hex {
    static func bytes(_ data: [UInt8]) -> [UInt8] { Array(SHA256.hash(data: data)) }
    static func digest(_ data: [UInt8]) -> String { bytes(data).map { String(format: "%02x", $0) }.joined() }
}
