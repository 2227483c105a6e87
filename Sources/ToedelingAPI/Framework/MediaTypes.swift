/// The media types the API speaks.
enum MediaTypes {
    static let json = "application/json"
    static let mergePatchJSON = "application/merge-patch+json"
    static let problemJSON = "application/problem+json"
    static let csv = "text/csv; charset=utf-8"
    static let markdown = "text/markdown; charset=utf-8"
    static let html = "text/html; charset=utf-8"
    static let prometheus = "text/plain; version=0.0.4; charset=utf-8"
}
