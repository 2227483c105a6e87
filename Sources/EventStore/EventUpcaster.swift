/// Brings events stored under an older schema version to the current one as they are read.
/// Stored events never change; verification always uses the stored form.
public protocol EventUpcaster: Sendable {
    /// The event in its current schema version; return it unchanged when it already is.
    func upcast(_ event: RecordedEvent) throws -> RecordedEvent
}
