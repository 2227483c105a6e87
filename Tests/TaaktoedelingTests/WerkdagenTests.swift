import Testing
@testable import Taaktoedeling

@Suite("Working days of the Rijk")
struct WerkdagenTests {
    @Test func easterAndTheHolidaysAroundItAreKnown() {
        #expect(Werkdagen.eerstePaasdag(2026) == Kalenderdatum(jaar: 2026, maand: 4, dag: 5))
        #expect(Werkdagen.eerstePaasdag(2027) == Kalenderdatum(jaar: 2027, maand: 3, dag: 28))
        #expect(!Werkdagen.isWerkdag(Kalenderdatum(jaar: 2026, maand: 4, dag: 6)!))  // Tweede Paasdag
        #expect(!Werkdagen.isWerkdag(Kalenderdatum(jaar: 2026, maand: 5, dag: 14)!))  // Hemelvaartsdag
        #expect(!Werkdagen.isWerkdag(Kalenderdatum(jaar: 2026, maand: 12, dag: 5)!))  // a Saturday
        #expect(Werkdagen.isWerkdag(Kalenderdatum(jaar: 2026, maand: 12, dag: 2)!))  // a Wednesday
    }

    @Test func fiveWorkingDaysBeforeSkipWeekendsAndBevrijdingsdag() {
        #expect(Werkdagen.werkdagen(5, voor: Kalenderdatum(jaar: 2026, maand: 5, dag: 8)!) == Kalenderdatum(jaar: 2026, maand: 4, dag: 30))
        #expect(Werkdagen.werkdagen(5, voor: Kalenderdatum(jaar: 2026, maand: 12, dag: 11)!) == Kalenderdatum(jaar: 2026, maand: 12, dag: 4))
    }
}
