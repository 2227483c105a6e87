import ArgumentParser
import Foundation
import Taaktoedeling

/// Transforms for arguments whose types ArgumentParser does not know.
enum ArgumentParsing {
    /// A UUID, else a usage error.
    static func uuid(_ text: String) throws -> UUID {
        guard let id = UUID(uuidString: text) else { throw ValidationError("'\(text)' is not a UUID") }
        return id
    }

    /// A peildatum (`2026-03-01` or `2026-03-01T12:00:00Z`), else a usage error.
    static func peildatum(_ text: String) throws -> Peildatum {
        guard let peildatum = Peildatum(text) else {
            throw ValidationError("'\(text)' is not a date (YYYY-MM-DD) or a date-time with zone (YYYY-MM-DDThh:mm:ssZ)")
        }
        return peildatum
    }

    /// A calendar date (`2026-03-01`) in the supported years, else a usage error.
    static func datum(_ text: String) throws -> Kalenderdatum {
        guard let datum = Kalenderdatum(text), Kalenderdatum.ondersteundeJaren.contains(datum.jaar) else {
            throw ValidationError("'\(text)' is not a date (YYYY-MM-DD, year 0001 to 9999)")
        }
        return datum
    }

    /// A dossier id or kenmerk, else a usage error.
    static func dossierReference(_ text: String) throws -> DossierReference {
        if let id = UUID(uuidString: text) { return .id(id) }
        if let kenmerk = Kenmerk(text) { return .kenmerk(kenmerk) }
        throw ValidationError("'\(text)' is neither a dossier id (UUID) nor a kenmerk such as TT-2026-0001")
    }
}
