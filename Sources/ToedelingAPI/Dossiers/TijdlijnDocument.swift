import Taaktoedeling

/// The body of `GET /v1/dossiers/{id}/tijdlijn`: the entries in stream order.
struct TijdlijnDocument: Encodable {
    let tijdlijn: [TijdlijnRegel]
}
