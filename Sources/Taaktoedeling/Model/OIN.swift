/// The Organisatie-identificatienummer: twenty digits that name an organisation of the Dutch
/// government (the sender of CloudEvents, the maker of records in an e-Depot package).
public enum OIN {
    /// The OIN used when none is configured: twenty zeros, which no organisation has.
    public static let onbekend = String(repeating: "0", count: 20)

    /// Whether `waarde` has the form of an OIN: exactly twenty digits.
    public static func isGeldig(_ waarde: String) -> Bool {
        waarde.utf8.count == 20 && waarde.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}
