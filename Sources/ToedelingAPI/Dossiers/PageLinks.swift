import Foundation
import ReadModels

/// The RFC 8288 `Link` header of a dossier list page: `first`, `prev`, `next` and `last`, each keeping the filters.
struct PageLinks {
    let query: DossierQuery
    let total: Int

    var header: String {
        let lastPage = max(1, (total + query.pageSize - 1) / query.pageSize)
        var links = [link(page: 1, rel: "first")]
        if query.page > 1 { links.append(link(page: min(query.page - 1, lastPage), rel: "prev")) }
        if query.page < lastPage { links.append(link(page: query.page + 1, rel: "next")) }
        links.append(link(page: lastPage, rel: "last"))
        return links.joined(separator: ", ")
    }

    private func link(page: Int, rel: String) -> String {
        var components = URLComponents()
        components.path = "/v1/dossiers"
        var items: [URLQueryItem] = []
        if let fase = query.fase { items.append(URLQueryItem(name: "fase", value: fase.rawValue)) }
        if let vakdepartement = query.vakdepartement { items.append(URLQueryItem(name: "vakdepartement", value: vakdepartement)) }
        items.append(URLQueryItem(name: "page", value: String(page)))
        items.append(URLQueryItem(name: "pageSize", value: String(query.pageSize)))
        components.queryItems = items
        return "<\(components.string ?? "/v1/dossiers")>; rel=\"\(rel)\""
    }
}
