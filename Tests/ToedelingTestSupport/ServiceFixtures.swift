import Dossiers
import Foundation
import Taaktoedeling

// The actors, contexts and dossiers the tests of the application and of the CLI drive the
// service with: one set for both.

/// A coordinator with a token of its own.
public let coordinator = Actor(tokenID: UUID(), naam: "Coördinator BZK", hoedanigheid: .coordinator)
/// A liaison with a token of its own.
public let liaison = Actor(tokenID: UUID(), naam: "Liaison TK", hoedanigheid: .liaison)

/// The actor of a koepel, with a token of its own.
public func koepel(_ koepel: Koepel) -> Actor {
    Actor(tokenID: UUID(), naam: koepel.rawValue, hoedanigheid: .koepel(koepel))
}

/// A command context for `actor` with a fresh correlation id.
public func context(_ actor: Actor = coordinator, expectedVersion: Int64? = nil) -> CommandContext {
    CommandContext(actor: actor, correlationID: "test-\(UUID().uuidString.prefix(8))", expectedVersion: expectedVersion)
}

/// A proposal for a new task; its omschrijving has two lines, so renderings must keep them.
public func voorstel(_ titel: String = "Toezicht op kinderopvang", vakdepartement: String = "SZW") -> Voorstel {
    Voorstel(
        titel: titel, omschrijving: "Een nieuwe wettelijke taak.\nMet een tweede regel.", vakdepartement: vakdepartement,
        soort: .taak, nieuweTaak: true
    )
}

/// Opens a dossier through the service and returns it.
@discardableResult
public func openDossier(
    _ service: DossierService, titel: String = "Toezicht op kinderopvang", vakdepartement: String = "SZW"
) async throws -> Dossier {
    try await service.open(.openen(id: UUID(), voorstel: voorstel(titel, vakdepartement: vakdepartement)), context: context()).dossier
}

/// A termijn far ahead.
public let termijn = Kalenderdatum(jaar: 2030, maand: 12, dag: 31)!

/// A local task with much freedom: the kader advises the gemeente.
public let lokaleTaak = Taakkenmerken(
    schaal: .lokaal, beleidsvrijheid: .veel, sturingVakdepartement: false, waterbeheer: false,
    specifiekBeleidsterrein: false, samenwerking: .geen, congruenteRegioIndeling: nil
)

/// Adds a document with these bytes through the service (as an upload would, in pieces).
@discardableResult
public func addDocument(
    _ service: DossierService, to dossier: UUID, bytes: [UInt8], titel: String = "Concept wetsvoorstel", bestandsnaam: String = "voorstel.pdf",
    actor: Actor = coordinator
) async throws -> Document {
    try await service.voegDocumentToe(aan: dossier, context: context(actor), maximum: 1 << 30) { upload in
        var rest = bytes[...]
        while !rest.isEmpty {
            try await upload.schrijf(rest.prefix(70_000))
            rest = rest.dropFirst(70_000)
        }
        return DocumentOntvangen(
            metadata: DocumentMetadata(titel: titel, documentsoort: .voorstel, vertrouwelijkheid: .openbaar), bestandsnaam: bestandsnaam,
            gedeclareerdType: nil
        )
    }.document
}

/// A small PDF-like file of about `size` bytes whose content depends on `seed`.
public func pdfBytes(_ seed: Int, size: Int = 200) -> [UInt8] {
    Array("%PDF-1.7\n".utf8) + (0..<max(0, size - 9)).map { UInt8(truncatingIfNeeded: $0 &* 13 &+ seed) }
}
