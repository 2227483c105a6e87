import Foundation
import Testing
@testable import Taaktoedeling
import DomainTestSupport

/// Who may do what, asked of the domain: the table of roles and the commands a fase allows.
@Suite struct RollenTests {
    @Test func eachRoleMayGiveOnlyItsCommands() {
        for kind in DossierCommandKind.allCases {
            #expect(kind.rollen.contains(.coordinator), "\(kind)")
            #expect(kind.rollen.contains(.koepel) == (kind == .dienReactieIn || kind == .voegDocumentToe), "\(kind)")
            #expect(kind.rollen.contains(.liaison) == (kind == .koppelKamerstuk), "\(kind)")
        }
    }

    @Test func theCommandsOfferedAreTheOnesTheFaseAllows() throws {
        let moment = Fixtures.dag(80)
        let open = try #require(try Startpunt.rondeOpen.verloop().state)
        #expect(Beslissing.toegestaneCommandos(op: open, voor: Fixtures.coordinator, at: moment) == [
            .wijzigVoorstel, .dienReactieIn, .sluitConsultatie, .legToetsingVast, .legFinancieleGevolgenVast, .koppelKamerstuk, .trekIn,
        ])
        #expect(Beslissing.toegestaneCommandos(op: open, voor: Fixtures.vng, at: moment) == [.dienReactieIn])
        #expect(Beslissing.toegestaneCommandos(op: open, voor: Fixtures.uvw, at: moment).isEmpty, "not invited")
        #expect(Beslissing.toegestaneCommandos(op: open, voor: Fixtures.liaison, at: moment) == [.koppelKamerstuk])

        let gereageerd = try #require(try Startpunt.gereageerd.verloop().state)
        #expect(Beslissing.toegestaneCommandos(op: gereageerd, voor: Fixtures.vng, at: moment).isEmpty, "it reacted already")
        #expect(Beslissing.toegestaneCommandos(op: gereageerd, voor: Fixtures.ipo, at: moment) == [.dienReactieIn])

        let besloten = try #require(try Startpunt.besloten.verloop().state)
        #expect(Beslissing.toegestaneCommandos(op: besloten, voor: Fixtures.coordinator, at: moment) == [.koppelKamerstuk, .heropen])
        let ingetrokken = try #require(try Startpunt.ingetrokken.verloop().state)
        #expect(Beslissing.toegestaneCommandos(op: ingetrokken, voor: Fixtures.coordinator, at: moment).isEmpty)
    }
}
