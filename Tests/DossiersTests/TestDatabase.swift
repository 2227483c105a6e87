import EventStore
import Foundation
import Logging
import Postgres
import Dossiers
import ToedelingTestSupport

/// A fresh, fully migrated database of its own with a pool, store and service over it (see `ServiceDatabase`).
typealias TestDatabase = ServiceDatabase

extension ServiceDatabase {
    /// Every row of a read-model table as text, in a stable order, to compare tables.
    func dump(_ table: String) async throws -> [String] {
        try await pool.withConnection { connection in
            try connection.query("SELECT t::text AS rij FROM \(table) t ORDER BY 1").map { try $0.string("rij") }
        }
    }
}
