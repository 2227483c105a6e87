/// PostgreSQL array literals, sent as one text parameter and cast in SQL (`$1::text::uuid[]`):
/// one bound value however many elements, and one statement text for every count.
public enum PostgresArrayLiteral {
    /// The literal of plain words, which need no quoting: UUIDs, numbers, event type names.
    public static func words(_ elements: [String]) -> String {
        "{" + elements.joined(separator: ",") + "}"
    }
}
