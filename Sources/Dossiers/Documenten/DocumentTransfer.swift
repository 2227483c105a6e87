import Crypto
import Foundation
import Postgres
import Synchronization
import Taaktoedeling

/// The document bytes in an export: after the events, one line per stored block,
/// `{"document":{"sha256":"…","blok":0,"data":"<base64>"}}`, each content's blocks in order. An
/// import stores them in its own transaction and checks every content against its SHA-256 and
/// every `DocumentToegevoegd` against the contents before anything is committed.
public final class DocumentTransfer: Sendable {
    private struct Ontvangen {
        var hasher = SHA256()
        var omvang: Int64 = 0
        var blokken = UUID()
        var volgende = 0
    }

    private struct Regel: Codable {
        struct Blok: Codable {
            let sha256: String
            let blok: Int
            let data: String
        }
        let document: Blok
    }

    /// Why an import's document bytes are refused.
    public enum Error: Swift.Error, Equatable, CustomStringConvertible {
        /// A line that starts as a document line but is not one.
        case unreadableLine(Int)
        /// Blocks out of order.
        case blockOutOfOrder(line: Int, sha256: String)
        /// A content whose bytes do not hash to its name.
        case hashMismatch(sha256: String)
        /// A `DocumentToegevoegd` whose bytes are not in the import.
        case missingContent(sha256: String)
        /// The database holds document bytes already.
        case notEmpty

        public var description: String {
            switch self {
            case .unreadableLine(let line): "line \(line): not a document block line"
            case .blockOutOfOrder(let line, let sha): "line \(line): a block of document content \(sha) out of order"
            case .hashMismatch(let sha): "the bytes of document content \(sha) do not hash to it"
            case .missingContent(let sha): "the export lacks the bytes of document content \(sha)"
            case .notEmpty: "the database already holds document bytes"
            }
        }
    }

    /// Every line of this kind starts with these bytes.
    static let prefix = #"{"document":"#
    private let ontvangen = Mutex<[String: Ontvangen]>([:])

    /// A transfer for one import.
    public init() {}

    /// Writes every stored content's blocks as lines (inside the export's snapshot).
    public static func export(on connection: PostgresConnection, write: (Data) throws -> Void) throws {
        let inhoud = try connection.query("SELECT encode(sha256, 'hex') AS sha256, blokken FROM document_inhoud ORDER BY sha256")
        for row in inhoud {
            let sha = try row.string("sha256")
            let blokken = try row.uuid("blokken")
            var volgnummer: Int64 = 0
            while let data = try connection.bytes(
                "SELECT data FROM document_blokken WHERE blokken = $1 AND volgnummer = $2", [.uuid(blokken), .int(volgnummer)]
            ) {
                let regel = #"{"document":{"blok":\#(volgnummer),"data":"\#(Data(data).base64EncodedString())","sha256":"\#(sha)"}}"# + "\n"
                try write(Data(regel.utf8))
                volgnummer += 1
            }
        }
    }

    /// Stores a document line of an import (true), or leaves any other line (false).
    public func importLine(_ line: String, number: Int, on connection: PostgresConnection) throws -> Bool {
        guard line.hasPrefix(Self.prefix) else { return false }
        guard let regel = try? JSONDecoder().decode(Regel.self, from: Data(line.utf8)), let data = Data(base64Encoded: regel.document.data),
              DocumentStorage.bytes(hex: regel.document.sha256) != nil, !data.isEmpty
        else { throw Error.unreadableLine(number) }
        let sha = regel.document.sha256
        let stand = try ontvangen.withLock { ontvangen -> Ontvangen in
            if ontvangen.isEmpty, try connection.query("SELECT 1 FROM document_inhoud LIMIT 1").first != nil { throw Error.notEmpty }
            var stand = ontvangen[sha] ?? Ontvangen()
            guard regel.document.blok == stand.volgende else { throw Error.blockOutOfOrder(line: number, sha256: sha) }
            stand.hasher.update(data: data)
            stand.omvang += Int64(data.count)
            stand.volgende += 1
            ontvangen[sha] = stand
            return stand
        }
        try DocumentStorage.voegBlokToe(stand.blokken, volgnummer: Int32(stand.volgende - 1), data: data, on: connection)
        return true
    }

    /// Before the import commits: every content hashes to its name, and every document event has its bytes.
    public func complete(on connection: PostgresConnection) throws {
        let alle = ontvangen.withLock { $0 }
        for (sha, stand) in alle.sorted(by: { $0.key < $1.key }) {
            let berekend = stand.hasher.finalize().hexadecimaal
            guard berekend == sha else { throw Error.hashMismatch(sha256: sha) }
            try DocumentStorage.bewaar(sha256: sha, omvang: stand.omvang, blokken: stand.blokken, on: connection)
        }
        if let ontbrekend = try connection.query(
            """
            SELECT data ->> 'sha256' AS sha256 FROM events e WHERE type = 'DocumentToegevoegd'
              AND NOT EXISTS (SELECT 1 FROM events v WHERE v.stream_id = e.stream_id AND v.type = 'DossierVernietigd')
            EXCEPT SELECT encode(sha256, 'hex') FROM document_inhoud LIMIT 1
            """
        ).first {
            throw Error.missingContent(sha256: try ontbrekend.string("sha256"))
        }
    }
}
