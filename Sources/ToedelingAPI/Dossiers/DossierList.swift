import Taaktoedeling

/// The body of `GET /v1/dossiers`.
struct DossierList: Encodable {
    let resultaten: [Dossier]
}
