import ArgumentParser
import Foundation
import Taaktoedeling

/// `--format` of a report: the renderings of the domain, byte for byte as the API serves them.
enum ReportFormat: String, CaseIterable, ExpressibleByArgument {
    case json, csv, markdown, html

    /// The report in this format.
    func render(_ report: StandVanZaken) throws -> Data {
        switch self {
        case .json: try report.json()
        case .csv: Data(report.csv().utf8)
        case .markdown: Data(report.markdown().utf8)
        case .html: Data(report.html().utf8)
        }
    }
}
