import Foundation
import HTTPTypes

/// The paging headers of a list: RFC 8288 `Link` (`first`, `prev`, `next`, `last`, each keeping the
/// filters) and `X-Total-Count`.
struct PageLinks {
    let path: String
    let filters: [(String, String)]
    let paging: Paging
    let total: Int

    var headers: HTTPFields {
        var headers: HTTPFields = [.totalCount: String(total)]
        headers[.link] = header
        return headers
    }

    var header: String {
        let lastPage = max(1, (total + paging.pageSize - 1) / paging.pageSize)
        var links = [link(page: 1, rel: "first")]
        if paging.page > 1 { links.append(link(page: min(paging.page - 1, lastPage), rel: "prev")) }
        if paging.page < lastPage { links.append(link(page: paging.page + 1, rel: "next")) }
        links.append(link(page: lastPage, rel: "last"))
        return links.joined(separator: ", ")
    }

    private func link(page: Int, rel: String) -> String {
        var components = URLComponents()
        components.path = path
        components.queryItems = filters.map { URLQueryItem(name: $0.0, value: $0.1) } + [
            URLQueryItem(name: "page", value: String(page)), URLQueryItem(name: "pageSize", value: String(paging.pageSize)),
        ]
        return "<\(components.percentEncodedPath)?\(components.percentEncodedQuery ?? "")>; rel=\"\(rel)\""
    }
}

/// A page of a list: its number from 1 and its size.
struct Paging {
    let page: Int
    let pageSize: Int

    /// The elements of this page.
    func slice<T>(_ all: [T]) -> [T] {
        let start = min(all.count, (page - 1) * pageSize)
        return Array(all[start..<min(all.count, start + pageSize)])
    }
}
