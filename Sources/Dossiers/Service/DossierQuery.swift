import Taaktoedeling

/// A page of the dossier list, optionally filtered.
public struct DossierQuery: Sendable, Equatable {
    /// Only dossiers in this fase.
    public var fase: Fase?
    /// Only dossiers of this ministry (exact match).
    public var vakdepartement: String?
    /// Only dossiers this koepel was invited to (koepel scoping).
    public var koepel: Koepel?
    /// Text to find in the kenmerk or the title (case-insensitive), if any.
    public var tekst: String?
    /// The page, from 1.
    public var page: Int
    /// Rows per page.
    public var pageSize: Int

    /// A query; defaults to the first page of 20.
    public init(fase: Fase? = nil, vakdepartement: String? = nil, koepel: Koepel? = nil, tekst: String? = nil, page: Int = 1, pageSize: Int = 20) {
        self.tekst = tekst
        self.fase = fase
        self.vakdepartement = vakdepartement
        self.koepel = koepel
        self.page = page
        self.pageSize = pageSize
    }
}

extension DossierQuery {
    /// The query as `actor` may ask it, for the API and the web alike: a koepel gets only the
    /// dossiers its own koepel was invited to, whatever koepel it named; the others keep their filter.
    public func beperkt(tot actor: Actor) -> DossierQuery {
        guard case .koepel(let koepel) = actor.hoedanigheid else { return self }
        var query = self
        query.koepel = koepel
        return query
    }
}
