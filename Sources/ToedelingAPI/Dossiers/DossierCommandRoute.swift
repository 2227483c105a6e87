import Taaktoedeling

/// A `POST /v1/dossiers/{id}/…` route: its path below the dossier, the command it carries and who may send it.
struct DossierCommandRoute: Sendable {
    let path: String
    let kind: DossierCommandKind
    let roles: Set<Rol>

    static let all: [DossierCommandRoute] = [
        DossierCommandRoute(path: "consultaties", kind: .openConsultatie, roles: [.coordinator]),
        DossierCommandRoute(path: "consultaties/:ronde/reacties", kind: .dienReactieIn, roles: [.coordinator, .koepel]),
        DossierCommandRoute(path: "consultaties/:ronde/sluiting", kind: .sluitConsultatie, roles: [.coordinator]),
        DossierCommandRoute(path: "toetsingen", kind: .legToetsingVast, roles: [.coordinator]),
        DossierCommandRoute(path: "financiele-gevolgen", kind: .legFinancieleGevolgenVast, roles: [.coordinator]),
        DossierCommandRoute(path: "udo-aanvragen", kind: .vraagUdoAan, roles: [.coordinator]),
        DossierCommandRoute(path: "udo-uitkomsten", kind: .legUdoUitkomstVast, roles: [.coordinator]),
        DossierCommandRoute(path: "besluiten", kind: .legBesluitVast, roles: [.coordinator]),
        DossierCommandRoute(path: "kamerstukken", kind: .koppelKamerstuk, roles: [.coordinator, .liaison]),
        DossierCommandRoute(path: "intrekking", kind: .trekIn, roles: [.coordinator]),
        DossierCommandRoute(path: "heropening", kind: .heropen, roles: [.coordinator]),
    ]
}
