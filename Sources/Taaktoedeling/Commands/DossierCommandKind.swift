/// The kinds of `DossierCommand`, to choose a parser for a request body.
public enum DossierCommandKind: String, Sendable, Equatable, Hashable, CaseIterable {
    /// `openen`.
    case openen
    /// `wijzigVoorstel`.
    case wijzigVoorstel
    /// `openConsultatie`.
    case openConsultatie
    /// `dienReactieIn`.
    case dienReactieIn
    /// `sluitConsultatie`.
    case sluitConsultatie
    /// `legToetsingVast`.
    case legToetsingVast
    /// `legFinancieleGevolgenVast`.
    case legFinancieleGevolgenVast
    /// `vraagUdoAan`.
    case vraagUdoAan
    /// `legUdoUitkomstVast`.
    case legUdoUitkomstVast
    /// `legBesluitVast`.
    case legBesluitVast
    /// `koppelKamerstuk`.
    case koppelKamerstuk
    /// `trekIn`.
    case trekIn
    /// `heropen`.
    case heropen
    /// `voegDocumentToe`.
    case voegDocumentToe
    /// `legArchiveringVast`.
    case legArchiveringVast
    /// `draagOver`.
    case draagOver
}
