import Foundation

extension DossierCommandKind {
    /// Who may ever give this command: the one place the roles are decided. A coordinator may do
    /// everything; a koepel only submit its own reactie (in a round it is invited to, checked on the
    /// dossier); a liaison only link a Kamerstuk.
    public var rollen: Set<Rol> {
        switch self {
        case .dienReactieIn, .voegDocumentToe: [.coordinator, .koepel]
        case .koppelKamerstuk: [.coordinator, .liaison]
        default: [.coordinator]
        }
    }
}

extension Beslissing {
    /// The commands `actor` may give on `dossier` now (the fase and its role allow them), in the
    /// order of `DossierCommandKind`: what a front end offers. Asked of `decide` itself with a
    /// representative command of each kind, so no rule is written twice.
    public static func toegestaneCommandos(op dossier: Dossier, voor actor: Actor, at now: Date) -> [DossierCommandKind] {
        DossierCommandKind.allCases.filter { kind in
            guard kind != .openen, kind.rollen.contains(actor.rol), let command = voorbeeld(kind, op: dossier, voor: actor) else { return false }
            return (try? decide(dossier, command, by: actor, at: now, kenmerk: nil)) != nil
        }
    }

    /// Whether `actor` may add a document to `dossier` now, not counting a koepel's letter (see
    /// `brievenToegestaan`): a coordinator, unless the dossier is withdrawn.
    public static func magDocumentToevoegen(op dossier: Dossier, voor actor: Actor) -> Bool {
        actor.rol == .coordinator && dossier.intrekking == nil && dossier.overdracht == nil && dossier.vernietiging == nil
    }

    /// Whether `actor` may record the dossier's selectielijst category now: a coordinator, once the
    /// dossier is besloten or ingetrokken and until it is transferred.
    public static func magArchiveren(op dossier: Dossier, voor actor: Actor) -> Bool {
        actor.rol == .coordinator && dossier.afloop != nil && dossier.overdracht == nil && dossier.vernietiging == nil
    }

    /// The reacties `actor` (a koepel) may add its letter to now: its own, in rounds still open.
    public static func brievenToegestaan(op dossier: Dossier, voor actor: Actor) -> [ReactieVerwijzing] {
        guard case .koepel(let koepel) = actor.hoedanigheid, dossier.intrekking == nil, dossier.overdracht == nil, dossier.vernietiging == nil else {
            return []
        }
        return dossier.consultaties.filter { $0.status == .open && $0.reactie(van: koepel) != nil }
            .map { ReactieVerwijzing(ronde: $0.ronde, koepel: koepel) }
    }

    /// A command of the kind with valid values for this dossier and actor; nil when none can exist
    /// (no open round to react in or to close).
    private static func voorbeeld(_ kind: DossierCommandKind, op dossier: Dossier, voor actor: Actor) -> DossierCommand? {
        let datum = Kalenderdatum(jaar: 2000, maand: 1, dag: 1)
        switch kind {
        case .openen, .voegDocumentToe, .legArchiveringVast:
            // A document comes with its bytes, a category from the configured selectielijst: the
            // pages offer their forms apart (`magDocumentToevoegen`, `magArchiveren`).
            return nil
        case .draagOver:
            return .draagOver(ontvangstbevestiging: "Voorbeeld")
        case .wijzigVoorstel:
            return .wijzigVoorstel(VoorstelWijziging(titel: dossier.titel + " (gewijzigd)"))
        case .openConsultatie:
            guard let datum else { return nil }
            return .openConsultatie(koepels: [.VNG], termijn: datum)
        case .dienReactieIn:
            guard let ronde = dossier.openConsultatie else { return nil }
            let koepel = actor.rol == .koepel ? actor.koepel : ronde.koepels.first { ronde.reactie(van: $0) == nil }
            return .dienReactieIn(ronde: ronde.ronde, koepel: koepel, standpunt: .instemmend, toelichting: "Voorbeeld.", kenmerk: nil)
        case .sluitConsultatie:
            return dossier.openConsultatie.map { .sluitConsultatie(ronde: $0.ronde) }
        case .legToetsingVast:
            return .legToetsingVast(taakkenmerken: Taakkenmerken(
                schaal: .landelijk, beleidsvrijheid: .weinig, sturingVakdepartement: false, waterbeheer: false,
                specifiekBeleidsterrein: false, samenwerking: .geen, congruenteRegioIndeling: nil
            ), toelichting: nil)
        case .legFinancieleGevolgenVast:
            return .legFinancieleGevolgenVast(structureleKosten: 0, incidenteleKosten: 0, dekking: "Voorbeeld.", toelichting: "Voorbeeld.")
        case .vraagUdoAan:
            return .vraagUdoAan(toelichting: "Voorbeeld.", termijn: nil)
        case .legUdoUitkomstVast:
            return .legUdoUitkomstVast(uitkomst: .uitvoerbaar, samenvatting: "Voorbeeld.", vindplaats: nil)
        case .legBesluitVast:
            // A decision for the rijk needs the least (no UDO, no financial consequences): whether a
            // decision can be recorded at all.
            return .legBesluitVast(bestuurslaag: .rijk, motivering: "Voorbeeld.")
        case .koppelKamerstuk:
            guard let datum else { return nil }
            let nummer = "1-" + String(dossier.kamerstukken.count + 1) + "x"
            return .koppelKamerstuk(nummer: nummer, titel: "Voorbeeld.", datum: datum)
        case .trekIn:
            return .trekIn(reden: "Voorbeeld.")
        case .heropen:
            return .heropen(aanleiding: .motie, toelichting: "Voorbeeld.")
        }
    }
}
