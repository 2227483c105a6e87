import Foundation
import Testing
@testable import Taaktoedeling
import DomainTestSupport

@Suite struct TijdTests {
    static func utc(_ tekst: String) -> Date { ISO8601DateFormatter().date(from: tekst)! }

    @Test(arguments: [
        ("2026-03-01", "2026-03-01T23:00:00Z"),
        ("2026-03-28", "2026-03-28T23:00:00Z"),
        ("2026-03-29", "2026-03-29T22:00:00Z"),
        ("2026-07-15", "2026-07-15T22:00:00Z"),
        ("2026-10-24", "2026-10-24T22:00:00Z"),
        ("2026-10-25", "2026-10-25T23:00:00Z"),
        ("2026-12-31", "2026-12-31T23:00:00Z"),
    ])
    func theEndOfADayInAmsterdamFollowsSummerTime(_ dag: String, _ einde: String) {
        #expect(AmsterdamseTijd.eindeVan(Kalenderdatum(dag)!) == Self.utc(einde))
    }

    @Test func theSystemTimeZoneDatabaseAgreesWhenPresent() throws {
        guard let zone = TimeZone(identifier: "Europe/Amsterdam") else { return }
        var momenten = ["2025-03-30T00:59:59Z", "2025-03-30T01:00:00Z", "2025-10-26T00:59:59Z", "2025-10-26T01:00:00Z",
                        "2026-03-29T00:59:59Z", "2026-03-29T01:00:00Z", "2026-10-25T00:59:59Z", "2026-10-25T01:00:00Z"].map(Self.utc)
        var moment = Self.utc("2024-01-01T00:30:00Z")
        while moment < Self.utc("2028-01-01T00:00:00Z") {
            momenten.append(moment)
            moment.addTimeInterval(5 * 86_400 + 4_637)
        }
        let verschillen = momenten.filter { AmsterdamseTijd.offset(op: $0) != zone.secondsFromGMT(for: $0) }
        #expect(verschillen.isEmpty)
    }

    @Test func theCalendarDateInAmsterdamCanBeAheadOfUTC() {
        #expect(AmsterdamseTijd.kalenderdatum(van: Self.utc("2026-06-30T22:30:00Z")) == Kalenderdatum("2026-07-01"))
        #expect(AmsterdamseTijd.kalenderdatum(van: Self.utc("2026-01-31T22:59:59Z")) == Kalenderdatum("2026-01-31"))
    }

    @Test func aDatePeildatumCoversTheWholeDayInAmsterdam() throws {
        let peildatum = try #require(Peildatum("2026-03-01"))
        #expect(peildatum.omvat(Self.utc("2026-03-01T22:59:59Z")))
        #expect(!peildatum.omvat(Self.utc("2026-03-01T23:00:00Z")))
    }

    @Test func anExactPeildatumIncludesItsOwnInstant() throws {
        let peildatum = try #require(Peildatum("2026-03-01T12:00:00Z"))
        #expect(peildatum.omvat(Self.utc("2026-03-01T12:00:00Z")))
        #expect(!peildatum.omvat(Self.utc("2026-03-01T12:00:01Z")))
        #expect(Peildatum("2026-03-01T13:00:00+01:00")?.moment == peildatum.moment)
    }

    @Test(arguments: ["", "gisteren", "2026-3-1", "2026-02-29", "2026-03-01T12:00:00", "01-03-2026"])
    func anInvalidPeildatumIsAFieldProblem(_ tekst: String) {
        guard case .failure(let fout) = Peildatum.parse(tekst) else { Issue.record("accepted \(tekst)"); return }
        #expect(fout.problems.map(\.name) == ["peildatum"])
    }

    @Test func foldingToAPeildatumGivesTheStateAsRecordedThen() throws {
        let verloop = try Startpunt.besloten.verloop()
        let peildatum = try #require(Peildatum("2026-03-03"))
        let toen = try #require(Dossier.fold(verloop.events.filter { peildatum.omvat($0.recordedAt) }))
        #expect(toen.versie == 3)
        #expect(toen.fase == .consultatie)
        #expect(Dossier.fold(verloop.events.filter { Peildatum("2026-02-28")!.omvat($0.recordedAt) }) == nil)
    }

    @Test(arguments: ["TT-2026-0001", "TT-1999-9999"])
    func aKenmerkRoundTrips(_ tekst: String) {
        #expect(Kenmerk(tekst)?.description == tekst)
    }

    @Test(arguments: ["TT-2026-1", "tt-2026-0001", "TT-2026-0000", "TT-26-0001", "TT-2026-00001", "XX-2026-0001", "TT-2026-0001-"])
    func aMalformedKenmerkIsRefused(_ tekst: String) {
        #expect(Kenmerk(tekst) == nil)
    }

    @Test func kenmerkenAreFormattedWithFourDigits() {
        #expect(Kenmerk(jaar: 2026, volgnummer: 42)?.description == "TT-2026-0042")
        #expect(Kenmerk(jaar: 2026, volgnummer: 10_000) == nil)
    }

    @Test func dayNumbersRoundTrip() {
        for dag in stride(from: -800_000, to: 800_000, by: 997) {
            #expect(Kalenderdatum(dagnummer: dag).dagnummer == dag)
        }
        #expect(Kalenderdatum("1970-01-01")?.dagnummer == 0)
        #expect(Kalenderdatum("2024-02-29") != nil)
        #expect(Kalenderdatum("2100-02-29") == nil)
    }
}
