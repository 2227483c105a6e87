import Foundation

/// The keys a command's events are sealed with: its dossier's and the acting person's. A kind whose
/// key was destroyed is in `vernietigd`: its fields are written as the text they would read.
struct EventKeys: Sendable {
    var dossier: FieldEncryption.Sleutel?
    var persoon: FieldEncryption.Sleutel?
    var vernietigd: Set<String> = []

    /// The stored bytes of an event's data or metadata, sealed.
    func verzegel(_ json: Data, eventID: UUID, type: String? = nil) throws -> Data {
        try FieldEncryption.verzegel(
            json, eventID: eventID, dossier: dossier, persoon: persoon, vernietigd: vernietigd,
            extraDossierVelden: type.flatMap { FieldEncryption.dossierVeldenPerType[$0] } ?? []
        )
    }
}
