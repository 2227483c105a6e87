import Foundation
import Postgres
import Taaktoedeling

/// How the operator names a dossier: its id or its kenmerk.
enum DossierReference: Sendable, Equatable, CustomStringConvertible {
    case id(UUID)
    case kenmerk(Kenmerk)

    var description: String {
        switch self {
        case .id(let id): id.uuidString.lowercased()
        case .kenmerk(let kenmerk): kenmerk.description
        }
    }

    /// The dossier's id: the given one, or the one the kenmerk belongs to (kenmerken never change).
    func resolve(in database: AdminDatabase) async throws -> UUID {
        switch self {
        case .id(let id):
            return id
        case .kenmerk(let kenmerk):
            let found = try await database.pool.withConnection { connection in
                try connection.query("SELECT id FROM dossiers WHERE kenmerk = $1", [.text(kenmerk.description)]).first?.uuid("id")
            }
            guard let found else { throw AdminError.dossierNotFound(kenmerk.description) }
            return found
        }
    }
}
