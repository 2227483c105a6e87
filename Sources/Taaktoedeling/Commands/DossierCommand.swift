import Foundation

/// What a user asks to happen to a dossier; one case per `POST` of the HTTP API.
public enum DossierCommand: Sendable, Equatable, Hashable {
    /// `POST /v1/dossiers`: open a dossier with this id (the caller draws the UUID).
    case openen(id: UUID, voorstel: Voorstel)
    /// Change parts of the proposal.
    case wijzigVoorstel(VoorstelWijziging)
    /// `POST …/consultaties`: open the next round for these koepels.
    case openConsultatie(koepels: [Koepel], termijn: Kalenderdatum)
    /// `POST …/consultaties/{ronde}/reacties`; `koepel` is required when a coordinator registers *namens*.
    case dienReactieIn(ronde: Int, koepel: Koepel?, standpunt: Standpunt, toelichting: String, kenmerk: String?)
    /// `POST …/consultaties/{ronde}/sluiting`.
    case sluitConsultatie(ronde: Int)
    /// `POST …/toetsingen`.
    case legToetsingVast(taakkenmerken: Taakkenmerken, toelichting: String?)
    /// `POST …/financiele-gevolgen`.
    case legFinancieleGevolgenVast(structureleKosten: Int, incidenteleKosten: Int, dekking: String, toelichting: String)
    /// `POST …/udo-aanvragen`.
    case vraagUdoAan(toelichting: String, termijn: Kalenderdatum?)
    /// `POST …/udo-uitkomsten`.
    case legUdoUitkomstVast(uitkomst: UdoUitkomst, samenvatting: String, vindplaats: String?)
    /// `POST …/besluiten`.
    case legBesluitVast(bestuurslaag: Bestuurslaag, motivering: String)
    /// `POST …/kamerstukken`.
    case koppelKamerstuk(nummer: String, titel: String, datum: Kalenderdatum)
    /// `POST …/intrekking`.
    case trekIn(reden: String)
    /// `POST …/heropening`.
    case heropen(aanleiding: Aanleiding, toelichting: String)
    /// `POST …/documenten`: a document (or a new version of one) whose bytes are stored already.
    case voegDocumentToe(DocumentToevoeging)
    /// `PUT …/archivering`: the selectielijst category (looked up in the configured selectielijst).
    case legArchiveringVast(SelectielijstCategorie)
    /// `POST …/overdracht`: the transfer to the e-Depot, with its reference of receipt.
    case draagOver(ontvangstbevestiging: String)

    /// Which command this is, without its arguments.
    public var kind: DossierCommandKind {
        switch self {
        case .openen: .openen
        case .wijzigVoorstel: .wijzigVoorstel
        case .openConsultatie: .openConsultatie
        case .dienReactieIn: .dienReactieIn
        case .sluitConsultatie: .sluitConsultatie
        case .legToetsingVast: .legToetsingVast
        case .legFinancieleGevolgenVast: .legFinancieleGevolgenVast
        case .vraagUdoAan: .vraagUdoAan
        case .legUdoUitkomstVast: .legUdoUitkomstVast
        case .legBesluitVast: .legBesluitVast
        case .koppelKamerstuk: .koppelKamerstuk
        case .trekIn: .trekIn
        case .heropen: .heropen
        case .voegDocumentToe: .voegDocumentToe
        case .legArchiveringVast: .legArchiveringVast
        case .draagOver: .draagOver
        }
    }
}
