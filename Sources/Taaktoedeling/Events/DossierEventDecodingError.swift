/// Why a stored event could not be read.
public enum DossierEventDecodingError: Error, Sendable, Equatable {
    /// The type name is not a dossier event.
    case onbekendType(String)
    /// The schema version is newer than this code knows, or not positive.
    case onbekendeSchemaVersie(type: String, schemaVersion: Int)
    /// The payload does not match its type and version.
    case ongeldigePayload(type: String, reden: String)
}
