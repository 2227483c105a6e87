import Rapportage
import Foundation
import Taaktoedeling

/// The renderings of a report, chosen by `Accept`.
enum ReportFormat: CaseIterable {
    case json, csv, markdown, html

    var mediaType: String {
        switch self {
        case .json: "application/json"
        case .csv: "text/csv"
        case .markdown: "text/markdown"
        case .html: "text/html"
        }
    }

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
    static func negotiate(accept: String?) -> ReportFormat? {
        ContentNegotiation.best(accept: accept, offered: mediaTypes).flatMap { type in allCases.first { $0.mediaType == type } }
    }

    /// The domain's rendering for this format.
    var rendering: Rapportformaat {
        switch self {
        case .json: .json
        case .csv: .csv
        case .markdown: .markdown
        case .html: .html
        }
    }
}
