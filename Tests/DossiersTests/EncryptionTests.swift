import Crypto
import Dossiers
import EventStore
import Foundation
import Postgres
import Taaktoedeling
import Testing
import ToedelingTestSupport

@Suite("Sealed texts and names, and AVG erasure")
struct EncryptionTests {
    static let sleutel = FieldEncryption.Sleutel(id: "dossier:" + UUID().uuidString.lowercased(), key: SymmetricKey(size: .bits256))
    static let persoon = FieldEncryption.Sleutel(id: "token:" + UUID().uuidString.lowercased(), key: SymmetricKey(size: .bits256))

    @Test func aSealedFieldOpensToItsTextAndReadsDestroyedWithoutItsKey() throws {
        let tekst = "Regel één met \"aanhalingstekens\", een \\ en\neen tweede regel \u{1F3DB} </script>"
        let json = try JSONSerialization.data(withJSONObject: [
            "titel": "Blijft leesbaar", "toelichting": tekst, "geregistreerdDoor": "Vera Jansen",
            "advies": ["regels": [["id": "R1", "toelichting": "genest"]]], "ronde": 1,
        ] as [String: Any], options: [.sortedKeys])
        let id = UUID()
        let sealed = try FieldEncryption.verzegel(json, eventID: id, dossier: Self.sleutel, persoon: Self.persoon)
        let stored = String(decoding: sealed, as: UTF8.self)
        #expect(!stored.contains("aanhalingstekens") && !stored.contains("Vera") && !stored.contains("genest"))
        #expect(stored.contains("Blijft leesbaar"))
        #expect(FieldEncryption.sleutelIDs(in: sealed) == [Self.sleutel.id, Self.persoon.id])
        // Deterministic: the same event sealed again is the same bytes (a retried command).
        #expect(try FieldEncryption.verzegel(json, eventID: id, dossier: Self.sleutel, persoon: Self.persoon) == sealed)
        #expect(try FieldEncryption.verzegel(json, eventID: UUID(), dossier: Self.sleutel, persoon: Self.persoon) != sealed)

        let opened = FieldEncryption.open(sealed, sleutels: [Self.sleutel.id: Self.sleutel.key, Self.persoon.id: Self.persoon.key])
        let object = try #require(try JSONSerialization.jsonObject(with: opened) as? [String: Any])
        #expect(object["toelichting"] as? String == tekst)
        #expect(object["geregistreerdDoor"] as? String == "Vera Jansen")
        #expect(((object["advies"] as? [String: Any])?["regels"] as? [[String: Any]])?.first?["toelichting"] as? String == "genest")

        let zonderPersoon = try #require(try JSONSerialization.jsonObject(with: FieldEncryption.open(sealed, sleutels: [Self.sleutel.id: Self.sleutel.key])) as? [String: Any])
        #expect(zonderPersoon["geregistreerdDoor"] as? String == "[verwijderd]")
        #expect(zonderPersoon["toelichting"] as? String == tekst)
        let zonder = try #require(try JSONSerialization.jsonObject(with: FieldEncryption.open(sealed, sleutels: [:])) as? [String: Any])
        #expect(zonder["toelichting"] as? String == "[vernietigd]")
        // Another key of the same id does not open it (AES-GCM's tag), nor a swapped id (associated data).
        let verkeerd = try #require(try JSONSerialization.jsonObject(
            with: FieldEncryption.open(sealed, sleutels: [Self.sleutel.id: SymmetricKey(size: .bits256), Self.persoon.id: Self.sleutel.key])) as? [String: Any])
        #expect(verkeerd["toelichting"] as? String == "[vernietigd]")
        #expect(verkeerd["geregistreerdDoor"] as? String == "[verwijderd]")
        // A destroyed kind is written as it would read: no plaintext stored.
        let uitgewist = try FieldEncryption.verzegel(json, eventID: id, dossier: Self.sleutel, persoon: nil, vernietigd: ["persoon"])
        #expect(!String(decoding: uitgewist, as: UTF8.self).contains("Vera"))
        #expect(!FieldEncryption.isSealed(Data(#"{"toelichting":"open"}"#.utf8)))
        // An event without a field to seal is stored as it was encoded (not parsed again).
        let kaal = Data(#"{"koepels":["VNG"],"ronde":1,"termijn":"2030-12-31"}"#.utf8)
        #expect(try FieldEncryption.verzegel(kaal, eventID: id, dossier: Self.sleutel, persoon: Self.persoon) == kaal)
        // A text that only begins like a sealed string reads as it was typed (it trapped the reader
        // once), and in a sealed field it is sealed like any other text.
        for tekst in ["tdl:enc:1:", "tdl:enc:1:x", "tdl:enc:1::", "tdl:enc:1:dossier:x:abc", "tdl:enc:1:\(Self.sleutel.id):a b", "tdl:enc:1:\\\"x"] {
            let json = try JSONSerialization.data(withJSONObject: ["titel": tekst, "toelichting": tekst], options: [.sortedKeys])
            let object = try #require(try JSONSerialization.jsonObject(with: FieldEncryption.open(json, sleutels: [:])) as? [String: String])
            #expect(object == ["titel": tekst, "toelichting": tekst])
            let verzegeld = try FieldEncryption.verzegel(json, eventID: id, dossier: Self.sleutel, persoon: nil)
            #expect(FieldEncryption.sleutelIDs(in: verzegeld) == [Self.sleutel.id])
            let terug = try #require(try JSONSerialization.jsonObject(with: FieldEncryption.open(verzegeld, sleutels: [Self.sleutel.id: Self.sleutel.key])) as? [String: String])
            #expect(terug == ["titel": tekst, "toelichting": tekst])
        }
    }

    @Test func newEventsStoreNoTextOrNameInTheClearAndReadAsBefore() async throws {
        try await ServiceDatabase.with { db in
            let dossier = try await openDossier(db.service)
            let stored = try await db.pool.withConnection { connection in
                try connection.query("SELECT data::text || metadata::text AS t FROM events").map { try $0.string("t") }.joined()
            }
            #expect(!stored.contains("Een nieuwe wettelijke taak"))
            #expect(!stored.contains("Coördinator BZK"))
            #expect(stored.contains("Toezicht op kinderopvang"))  // the titel stays readable: the tombstone keeps it
            let events = try #require(try await db.service.gebeurtenissen(dossier.id)?.events)
            #expect(String(decoding: events[0].data, as: UTF8.self).contains("Een nieuwe wettelijke taak.\\nMet een tweede regel."))
            #expect(String(decoding: events[0].metadata, as: UTF8.self).contains("Coördinator BZK"))
            #expect(try await db.store.verify().isIntact)
            #expect(try await db.service.dossier(dossier.id)?.omschrijving == "Een nieuwe wettelijke taak.\nMet een tweede regel.")
        }
    }

    @Test func forgettingAPersonLeavesNoTraceOfTheNameButEveryEventAndChain() async throws {
        try await ServiceDatabase.with { db in
            let gebruikers = GebruikerStore(pool: db.pool, bcryptKosten: 4)
            let vera = try await gebruikers.create(email: "vera@vng.example", naam: "Vera Jansenius", hoedanigheid: .koepel(.VNG)).gebruiker
            let dossier = try await openDossier(db.service)
            try await db.service.execute(.openConsultatie(koepels: [.VNG], termijn: termijn), on: dossier.id, context: context())
            try await db.service.execute(
                .dienReactieIn(ronde: 1, koepel: nil, standpunt: .instemmend, toelichting: "Akkoord.", kenmerk: nil), on: dossier.id, context: context(vera.actor)
            )
            let token = Actor(tokenID: UUID(), naam: "Kees Tokenhouder", hoedanigheid: .coordinator)
            try await addDocument(db.service, to: dossier.id, bytes: Array("%PDF-1.7\n".utf8) + Array(repeating: 0x20, count: 100), actor: token)
            #expect(try await db.service.dossier(dossier.id)?.consultaties.first?.reacties.first?.geregistreerdDoor == "Vera Jansenius")

            func sporen(_ naam: String) async throws -> [String] {
                try await db.pool.withConnection { connection in
                    let tabellen = try connection.query(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
                    ).map { try $0.string("table_name") }
                    return try tabellen.filter { tabel in
                        try !connection.query("SELECT 1 AS x FROM \(tabel) t WHERE t::text LIKE '%' || $1 || '%' LIMIT 1", [.text(naam)]).isEmpty
                    }
                }
            }
            #expect(try await sporen("Vera Jansenius").sorted() == ["dossier_weergaven", "dossiers", "gebruikers"])
            #expect(try await sporen("Kees Tokenhouder").contains("dossier_tijdlijn"))
            #expect(!(try await sporen("Kees Tokenhouder")).contains("events"))

            let vergeten = try await db.service.vergeetGebruiker(email: "VERA@vng.example")
            #expect(vergeten.dossiers == 1)
            #expect(try await sporen("Vera Jansenius").isEmpty)
            let daarna = try #require(try await db.service.dossier(dossier.id))
            #expect(daarna.consultaties.first?.reacties.first?.geregistreerdDoor == "[verwijderd]")
            #expect(daarna.consultaties.first?.reacties.first?.toelichting == "Akkoord.")
            let events = try #require(try await db.service.gebeurtenissen(dossier.id)?.events)
            #expect(String(decoding: events[2].metadata, as: UTF8.self).contains(#""naam": "[verwijderd]""#))
            #expect(try await db.store.verify().isIntact)
            let account = try #require(try await gebruikers.gebruiker(id: vera.id))
            #expect(account.naam == "[verwijderd]" && account.geblokkeerd && !account.email.contains("vera"))
            await #expect(throws: VergetenError.alVergeten) { try await db.service.vergeetGebruiker(email: account.email) }
            await #expect(throws: VergetenError.onbekendeGebruiker) { try await db.service.vergeetGebruiker(email: "niemand@vng.example") }

            // A token holder: the name goes from the timeline and the document's record too.
            _ = try await db.pool.withConnection { connection in
                try connection.execute(
                    "INSERT INTO api_tokens (id, naam, rol, token_hash) VALUES ($1, $2, 'coordinator', $3)",
                    [.uuid(token.tokenID!), .text(token.naam), .bytea(Data(SHA256.hash(data: Data(UUID().uuidString.utf8))))]
                )
            }
            let tokenVergeten = try await db.service.vergeetToken(id: token.tokenID!)
            #expect(tokenVergeten.dossiers == 1)
            #expect(try await sporen("Kees Tokenhouder").isEmpty)
            #expect(try await db.service.dossier(dossier.id)?.documenten?.first?.toegevoegdDoor == "[verwijderd]")
            let tijdlijn = try #require(try await db.service.tijdlijn(dossier.id, voor: coordinator))
            #expect(tijdlijn.last?.door == "[verwijderd]")
            await #expect(throws: VergetenError.onbekendToken) { try await db.service.vergeetToken(id: UUID()) }
            #expect(try await db.store.verify().isIntact)
            // Nothing seals under a destroyed key again.
            let keys = try await db.pool.withConnection { connection in
                try connection.query("SELECT id FROM sleutels WHERE sleutel IS NULL ORDER BY id").map { try $0.string("id") }
            }
            #expect(keys == [KeyRing.id(gebruiker: vera.id), KeyRing.id(token: token.tokenID!)].sorted())
        }
    }
}
