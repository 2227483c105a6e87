import Foundation
import Postgres

/// The keys in an export, only when the operator asks for them (`export --sleutels`, for a backup
/// that must be readable after a restore): after the document lines, one line per key,
/// `{"sleutel":{"id":"dossier:…","waarde":"<base64>"}}`, a destroyed key with `"waarde":null`, so
/// that it stays destroyed. Without these lines an import reads every sealed text as `[vernietigd]`
/// or `[verwijderd]`.
public enum KeyTransfer {
    private struct Regel: Codable {
        struct Sleutel: Codable {
            let id: String
            let waarde: String?
        }
        let sleutel: Sleutel
    }

    /// Why a key line of an import is refused.
    public enum Error: Swift.Error, Equatable, CustomStringConvertible {
        case unreadableLine(Int)

        public var description: String {
            switch self {
            case .unreadableLine(let line): "line \(line): not a key line"
            }
        }
    }

    static let prefix = #"{"sleutel":"#

    /// Writes every key, destroyed ones as such (inside the export's snapshot).
    public static func export(on connection: PostgresConnection, write: (Data) throws -> Void) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for row in try connection.query("SELECT id, sleutel FROM sleutels ORDER BY id") {
            let waarde = try row.isNull("sleutel") ? nil : try row.data("sleutel").base64EncodedString()
            let regel = try encoder.encode(Regel(sleutel: .init(id: try row.string("id"), waarde: waarde)))
            try write(regel + Data("\n".utf8))
        }
    }

    /// Stores a key line of an import (true), or leaves any other line (false).
    public static func importLine(_ line: String, number: Int, on connection: PostgresConnection) throws -> Bool {
        guard line.hasPrefix(prefix) else { return false }
        guard let regel = try? JSONDecoder().decode(Regel.self, from: Data(line.utf8)) else { throw Error.unreadableLine(number) }
        let bytes = regel.sleutel.waarde.flatMap { Data(base64Encoded: $0) }
        guard regel.sleutel.waarde == nil || bytes?.count == 32 else { throw Error.unreadableLine(number) }
        do {
            try connection.execute(
                "INSERT INTO sleutels (id, sleutel, vernietigd_op) VALUES ($1, $2, CASE WHEN $2::bytea IS NULL THEN now() END)",
                [.text(regel.sleutel.id), bytes.map { .bytea($0) } ?? .null]
            )
        } catch {
            throw Error.unreadableLine(number)
        }
        return true
    }
}
