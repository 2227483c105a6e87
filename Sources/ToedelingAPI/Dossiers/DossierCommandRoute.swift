import Taaktoedeling

/// A `POST /v1/dossiers/{id}/…` route: its path below the dossier and the command it carries. Who
/// may send it is the domain's rule (`DossierCommandKind.rollen`).
struct DossierCommandRoute: Sendable {
    let path: String
    let kind: DossierCommandKind

    static let all: [DossierCommandRoute] = [
        DossierCommandRoute(path: "consultaties", kind: .openConsultatie),
        DossierCommandRoute(path: "consultaties/:ronde/reacties", kind: .dienReactieIn),
        DossierCommandRoute(path: "consultaties/:ronde/sluiting", kind: .sluitConsultatie),
        DossierCommandRoute(path: "toetsingen", kind: .legToetsingVast),
        DossierCommandRoute(path: "financiele-gevolgen", kind: .legFinancieleGevolgenVast),
        DossierCommandRoute(path: "udo-aanvragen", kind: .vraagUdoAan),
        DossierCommandRoute(path: "udo-uitkomsten", kind: .legUdoUitkomstVast),
        DossierCommandRoute(path: "besluiten", kind: .legBesluitVast),
        DossierCommandRoute(path: "kamerstukken", kind: .koppelKamerstuk),
        DossierCommandRoute(path: "intrekking", kind: .trekIn),
        DossierCommandRoute(path: "heropening", kind: .heropen),
        DossierCommandRoute(path: "overdracht", kind: .draagOver),
    ]
}
