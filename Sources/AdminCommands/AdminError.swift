import Foundation

/// Why an admin command failed, as the operator reads it (one line, no SQL).
enum AdminError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No `schema/` directory with migrations was found.
    case schemaDirectoryNotFound
    /// Migrations are pending: the database is older than this version.
    case notMigrated(pending: [String])
    /// No dossier has this id or kenmerk (at the peildatum, when one was given).
    case dossierNotFound(String)
    /// No unrevoked token has this id.
    case tokenNotFound(UUID)
    /// Verification found broken streams.
    case brokenStreams(broken: Int, checked: Int)
    /// A file could not be opened for reading.
    case unreadableFile(String)
    /// A file could not be written.
    case unwritableFile(String)
    /// Reading the input failed.
    case inputReadFailed
    /// The import committed, but the projections could not be rebuilt from the imported events.
    case rebuildAfterImportFailed(reason: String)
    /// The input was refused, with the reasons.
    case invalidInput(String)
    /// No such webhook subscription.
    case subscriptionNotFound(String)
    /// Documents whose stored bytes no longer match their event.
    case changedDocuments(Int)
    /// A seal file that is not whole or not signed by the key.
    case invalidSeal(String)
    /// Streams whose history no longer extends their sealed head.
    case rewrittenStreams(rewritten: Int, sealed: Int)
    /// No document with this id in the dossier.
    case documentNotFound(String)

    var description: String {
        switch self {
        case .schemaDirectoryNotFound:
            "no schema directory with migrations found; set TOEDELING_SCHEMA_DIR to the schema/ folder"
        case .notMigrated(let pending):
            "the database is not migrated (pending: \(pending.joined(separator: ", "))); run `toedeling-admin migrate` first"
        case .dossierNotFound(let reference):
            "no dossier \(reference)"
        case .tokenNotFound(let id):
            "no active token with id \(id.uuidString.lowercased())"
        case .brokenStreams(let broken, let checked):
            "\(broken) of \(checked) streams are broken (listed on standard output)"
        case .unreadableFile(let path):
            "cannot read \(path)"
        case .unwritableFile(let path):
            "cannot write \(path)"
        case .inputReadFailed:
            "reading the input failed"
        case .invalidInput(let reasons):
            reasons
        case .changedDocuments(let count):
            "\(count) document(s) whose stored bytes were changed"
        case .invalidSeal(let reason):
            "the seal cannot be trusted: \(reason)"
        case .rewrittenStreams(let rewritten, let sealed):
            "\(rewritten) of \(sealed) sealed streams were rewritten after the seal"
        case .documentNotFound(let id):
            "no document \(id) in this dossier"
        case .subscriptionNotFound(let id):
            "no subscription \(id)"
        case .rebuildAfterImportFailed(let reason):
            "the events were imported, but rebuilding the projections failed: \(reason); run `toedeling-admin projections rebuild` once that is fixed"
        }
    }
}
