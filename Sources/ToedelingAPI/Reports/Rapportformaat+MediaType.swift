import Foundation
import Rapportage

/// The renderings of a report as HTTP media types, chosen by `Accept`.
extension Rapportformaat {
    /// The media type an `Accept` header names it by.
    var mediaType: String {
        switch self {
        case .json: "application/json"
        case .csv: "text/csv"
        case .markdown: "text/markdown"
        case .html: "text/html"
        }
    }

    /// The `Content-Type` it is sent with.
    var contentType: String {
        switch self {
        case .json: MediaTypes.json
        case .csv: MediaTypes.csv
        case .markdown: MediaTypes.markdown
        case .html: MediaTypes.html
        }
    }

    /// Every media type, in the order of preference among equals.
    static let mediaTypes = allCases.map(\.mediaType)

    /// The format that best fits an `Accept` header (JSON when absent); nil when none is acceptable.
    static func negotiate(accept: String?) -> Rapportformaat? {
        ContentNegotiation.best(accept: accept, offered: mediaTypes).flatMap { type in allCases.first { $0.mediaType == type } }
    }
}
