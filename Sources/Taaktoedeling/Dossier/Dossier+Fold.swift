import Foundation

extension Dossier {
    /// A placeholder for a stream that does not begin with `DossierGeopend`; only `evolve` uses it
    /// so that it stays total. A valid stream never needs it.
    static func zonderOpening(geopendOp: Date) -> Dossier {
        Dossier(
            id: UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
            kenmerk: Kenmerk(jaar: 1000, volgnummer: 1)!, titel: "", omschrijving: "", vakdepartement: "",
            soort: .taak, nieuweTaak: true, aanleiding: nil, wettelijkeGrondslag: nil, versie: 0, geopendOp: geopendOp
        )
    }

    /// Folds recorded events, in stream order, into a state; `nil` for no events.
    ///
    /// For a peildatum pass only the events recorded up to it (see `Peildatum.omvat(_:)`).
    public static func fold(_ events: [(DossierEvent, version: Int64, recordedAt: Date)]) -> Dossier? {
        events.reduce(nil as Dossier?) { state, element in
            Beslissing.evolve(state, element.0, version: element.version, recordedAt: element.recordedAt)
        }
    }
}
