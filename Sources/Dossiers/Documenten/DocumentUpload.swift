import Crypto
import Foundation
import Postgres
import Taaktoedeling

/// The bytes of one upload as they stream in: hashed, their first bytes kept for recognising the
/// type, and written in blocks on the upload's own transaction (see
/// `DossierService.voegDocumentToe`). Never more than one block in memory.
public final class DocumentUpload {
    /// The size of a stored block.
    public static let blokgrootte = 1024 * 1024
    /// The largest file accepted unless configured otherwise (`TOEDELING_DOCUMENT_MAX_BYTES`): 100 MiB.
    public static let standaardMaximum: Int64 = 100 * 1024 * 1024
    let lease: PostgresLease
    /// The id the blocks are stored under.
    let blokken = UUID()
    /// The largest file accepted.
    public let maximum: Int64
    private var hasher = SHA256()
    private var blok: [UInt8] = []
    private var volgnummer: Int32 = 0
    /// The bytes received so far.
    public private(set) var omvang: Int64 = 0
    /// The first bytes (at most `Bestandstype.herkenningsomvang`).
    private(set) var begin: [UInt8] = []

    init(lease: PostgresLease, maximum: Int64) {
        self.lease = lease
        self.maximum = maximum
        blok.reserveCapacity(Self.blokgrootte)
    }

    /// Adds the next bytes of the file; refuses (`tooLarge`) once the file passes the maximum.
    public func schrijf<C: Collection<UInt8>>(_ bytes: C) async throws {
        omvang += Int64(bytes.count)
        guard omvang <= maximum else { throw DocumentUploadError.tooLarge(maximum: maximum) }
        if begin.count < Bestandstype.herkenningsomvang {
            begin.append(contentsOf: bytes.prefix(Bestandstype.herkenningsomvang - begin.count))
        }
        var rest = bytes[...]
        while !rest.isEmpty {
            let deel = rest.prefix(Self.blokgrootte - blok.count)
            blok.append(contentsOf: deel)
            rest = rest.dropFirst(deel.count)
            if blok.count == Self.blokgrootte { try await bewaarBlok() }
        }
    }

    /// Writes the last block; returns the SHA-256 (lowercase hex) of the whole file.
    func afronden() async throws -> String {
        if !blok.isEmpty { try await bewaarBlok() }
        return hasher.finalize().hexadecimaal
    }

    /// What the first bytes say the file is.
    var herkenning: Herkenning {
        Bestandstype.herken(begin, volledig: omvang <= Int64(begin.count))
    }

    private func bewaarBlok() async throws {
        hasher.update(data: blok)
        let data = Data(blok)
        let blokken = blokken
        let volgnummer = volgnummer
        blok.removeAll(keepingCapacity: true)
        self.volgnummer += 1
        try await lease.run { connection in
            try DocumentStorage.voegBlokToe(blokken, volgnummer: volgnummer, data: data, on: connection)
        }
    }
}
