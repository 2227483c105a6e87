import Foundation

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

    /// The format that best fits an `Accept` header (JSON when absent); nil when none is acceptable.
    /// Quality values count; among equals the more specific range and then the order above win.
    static func negotiate(accept: String?) -> ReportFormat? {
        guard let accept, !accept.trimmingCharacters(in: .whitespaces).isEmpty else { return .json }
        var best: (format: ReportFormat, quality: Double, specificity: Int)?
        for range in accept.split(separator: ",") {
            let parts = range.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let mediaRange = parts.first, !mediaRange.isEmpty else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() where parameter.hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            guard quality > 0 else { continue }
            for format in allCases {
                guard let specificity = format.matches(mediaRange) else { continue }
                if best == nil || quality > best!.quality || (quality == best!.quality && specificity > best!.specificity) {
                    best = (format, quality, specificity)
                }
            }
        }
        return best?.format
    }

    /// How specifically a media range names this format (2 exact, 1 `type/*`, 0 `*/*`), or nil when it does not.
    private func matches(_ mediaRange: String) -> Int? {
        if mediaRange == mediaType { return 2 }
        let type = mediaType.split(separator: "/").first.map(String.init) ?? ""
        if mediaRange == "\(type)/*" { return 1 }
        if mediaRange == "*/*" { return 0 }
        return nil
    }
}
