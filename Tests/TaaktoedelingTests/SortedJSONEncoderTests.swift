import DomainTestSupport
import Foundation
import PropertyBased
import Testing
@testable import Taaktoedeling

/// The sorted-key writer gives the bytes Foundation's `JSONEncoder` gives with the same conventions:
/// for the dossier's state, views and events of random histories, and for values of every kind
/// JSONEncoder treats in its own way.
@Suite struct SortedJSONEncoderTests {
    static func foundation(_ dates: SortedJSONEncoder.Dates, escapesSlashes: Bool, opslag: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = escapesSlashes ? [.sortedKeys] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = dates == .iso8601 ? .iso8601 : .deferredToDate
        if opslag { encoder.userInfo[Dossier.opslagSleutel] = true }
        return encoder
    }

    static let views = SortedJSONEncoder(dates: .iso8601)
    static let state = SortedJSONEncoder(dates: .secondsSinceReferenceDate, escapesSlashes: true, flags: [Dossier.opslagSleutel])

    @Test func aDossiersStateViewsAndEventsAreFoundationsBytes() async {
        let actoren = [Fixtures.coordinator, Fixtures.liaison, Fixtures.vng, Fixtures.ipo, Fixtures.uvw]
        await propertyCheck(count: 60, input: Gen.int(in: 0...10_000_000).array(of: 1...60)) { getallen in
            guard let verloop = JSONProef.verloop(getallen), let dossier = verloop.state else {
                Issue.record("opening failed")
                return
            }
            #expect(try Self.state.encode(dossier) == Self.foundation(.secondsSinceReferenceDate, escapesSlashes: true, opslag: true).encode(dossier))
            for actor in actoren {
                guard let zichtbaar = dossier.zichtbaar(voor: actor) else { continue }
                #expect(try Self.views.encode(zichtbaar) == Self.foundation(.iso8601, escapesSlashes: false).encode(zichtbaar))
            }
            for (event, _, _) in verloop.events {
                let reference = try event.encodedPayload { try Self.foundation(.iso8601, escapesSlashes: false).encode($0) }
                #expect(try event.encodedData() == reference, "\(event.type)")
            }
        }
    }

    /// The dossier's top level is written by hand (`writeSortedJSON`): also the members the random
    /// histories never reach (documents, an archive category, a transfer, a destruction: a
    /// tombstone in a view) and texts JSON escapes are Foundation's bytes, in state and views.
    @Test func aDossiersHandWrittenTopLevelIsFoundationsBytesWithEveryMember() async {
        await propertyCheck(count: 60, input: Gen.int(in: 0...10_000_000).array(of: 1...30), Gen.int(in: 0...15)) { getallen, keuze in
            guard var dossier = JSONProef.verloop(getallen)?.state else {
                Issue.record("opening failed")
                return
            }
            let moment = Fixtures.begin.addingTimeInterval(Double(getallen[0] % 1_000_000) / 7)
            if keuze & 1 != 0 {
                dossier.documenten = [Document(
                    id: Fixtures.dossierID, versie: 1, titel: "Nota / \"bijlage\"", documentsoort: .correspondentie, bestandsnaam: "nota.pdf",
                    mediatype: "application/pdf", omvang: 12, sha256: String(repeating: "a", count: 64), vertrouwelijkheid: .intern,
                    reactie: nil, vervangt: nil, toegevoegdOp: moment, toegevoegdDoor: "BZK\n"
                )]
                dossier.wettelijkeGrondslag = "Wet / art. \"1\" \u{1}"
            }
            if keuze & 2 != 0 {
                dossier.archiefcategorie = Archivering(
                    categorie: SelectielijstCategorie(code: "1.1", omschrijving: "Alles", waardering: .blijvendBewaren, bewaartermijn: nil),
                    vastgelegdOp: moment
                )
            }
            if keuze & 4 != 0 { dossier.overdracht = Overdracht(ontvangstbevestiging: "e-Depot/1", overgedragenOp: moment) }
            if keuze & 8 != 0 { dossier.vernietiging = Vernietiging(lijst: Fixtures.dossierID, vernietigdOp: moment) }
            if getallen.count % 3 == 0 { dossier.zichtbaarGewijzigdOp = nil }
            do {
                #expect(try Self.state.encode(dossier) == Self.foundation(.secondsSinceReferenceDate, escapesSlashes: true, opslag: true).encode(dossier))
                #expect(try Self.views.encode(dossier) == Self.foundation(.iso8601, escapesSlashes: false).encode(dossier))
                for actor in [Fixtures.coordinator, Fixtures.vng] {
                    guard let zichtbaar = dossier.zichtbaar(voor: actor) else { continue }
                    #expect(try Self.views.encode(zichtbaar) == Self.foundation(.iso8601, escapesSlashes: false).encode(zichtbaar))
                }
            } catch {
                Issue.record(error)
            }
        }
    }

    /// The order the top level is written in is the order its keys sort in (the order `JSONEncoder`
    /// writes them in), with every member `encode(to:)` can write present at once: in the state,
    /// in the API's dossier and in a tombstone.
    @Test func aDossiersHandWrittenMembersAreInSortedOrderWithEveryMemberPresent() throws {
        var dossier = try #require(JSONProef.verloop([1, 2_345, 77_777, 1_300_000])?.state)
        dossier.documenten = []
        dossier.wettelijkeGrondslag = "Wet"
        dossier.archiefcategorie = Archivering(
            categorie: SelectielijstCategorie(code: "1.1", omschrijving: "Alles", waardering: .vernietigen, bewaartermijn: nil), vastgelegdOp: Fixtures.begin
        )
        dossier.overdracht = Overdracht(ontvangstbevestiging: "x", overgedragenOp: Fixtures.begin)
        #expect(try Self.state.encode(dossier) == Self.foundation(.secondsSinceReferenceDate, escapesSlashes: true, opslag: true).encode(dossier))
        #expect(try Self.views.encode(dossier) == Self.foundation(.iso8601, escapesSlashes: false).encode(dossier))
        dossier.vernietiging = Vernietiging(lijst: Fixtures.dossierID, vernietigdOp: Fixtures.begin)
        #expect(try Self.state.encode(dossier) == Self.foundation(.secondsSinceReferenceDate, escapesSlashes: true, opslag: true).encode(dossier))
        #expect(try Self.views.encode(dossier) == Self.foundation(.iso8601, escapesSlashes: false).encode(dossier))
        let sleutels = try #require(try JSONSerialization.jsonObject(with: Self.state.encode(dossier)) as? [String: Any]).keys
        #expect(Set(sleutels).isSuperset(of: ["archiefcategorie", "documenten", "overdracht", "vernietiging", "zichtbaarGewijzigdOp"]))
    }

    /// A value of every kind, and what a hand-written `encode(to:)` may do besides: take its keyed
    /// container a second time, use keys that sort in awkward places, nest an unkeyed container and
    /// encode through `superEncoder()`.
    struct Alles: Encodable {
        let waarde: JSONProef.Waarde

        enum ExtraKeys: String, CodingKey {
            case Zzz, _onder, a10, a2, genestLijst
        }

        func encode(to encoder: any Encoder) throws {
            try waarde.encode(to: encoder)
            var container = encoder.container(keyedBy: ExtraKeys.self)
            try container.encode(1, forKey: .Zzz)
            try container.encode(2, forKey: ._onder)
            try container.encode(3, forKey: .a10)
            try container.encode(4, forKey: .a2)
            var nested = container.nestedUnkeyedContainer(forKey: .genestLijst)
            try nested.encode("genest")
            try nested.encodeNil()
            var single = container.superEncoder().singleValueContainer()
            try single.encode(waarde.tekst)
        }
    }

    @Test func valuesOfEveryKindAreFoundationsBytes() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...Int(UInt32.max))) { seed in
            var rng = SplitMix64(seed: UInt64(seed))
            let value = Alles(waarde: JSONProef.waarde(&rng, depth: 2))
            for dates in [SortedJSONEncoder.Dates.iso8601, .secondsSinceReferenceDate] {
                for escapesSlashes in [false, true] {
                    let ours = try SortedJSONEncoder(dates: dates, escapesSlashes: escapesSlashes).encode(value)
                    let theirs = try Self.foundation(dates, escapesSlashes: escapesSlashes).encode(value)
                    #expect(ours == theirs, "\(String(decoding: ours, as: UTF8.self)) ≠ \(String(decoding: theirs, as: UTF8.self))")
                }
            }
        }
    }

    @Test func aNumberJSONCannotHoldIsRefused() {
        #expect(throws: EncodingError.self) { try SortedJSONEncoder().encode([Double.nan]) }
        #expect(throws: EncodingError.self) { try SortedJSONEncoder().encode(["x": Double.infinity]) }
    }
}
