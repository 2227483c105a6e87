import Foundation
import Taaktoedeling

/// The renderings every report has, the same bytes whichever front end asks (API, CLI, web).
public enum Rapportformaat: String, Sendable, CaseIterable {
    case json, csv, markdown, html

    /// The stand van zaken in this format.
    public func render(_ report: StandVanZaken) throws -> Data {
        switch self {
        case .json: try report.json()
        case .csv: Data(report.csv().utf8)
        case .markdown: Data(report.markdown().utf8)
        case .html: Data(report.html().utf8)
        }
    }

    /// The evaluation overview in this format.
    public func render(_ overzicht: Evaluatieoverzicht) throws -> Data {
        switch self {
        case .json: try overzicht.json()
        case .csv: Data(overzicht.csv().utf8)
        case .markdown: Data(overzicht.markdown().utf8)
        case .html: Data(overzicht.html().utf8)
        }
    }
}
