import Foundation

/// Typed reads by column name and by index; the `optional…` variants return nil for NULL.
extension PostgresRow {
    // MARK: String (text)

    /// The named column as text; throws for NULL or another type.
    public func string(_ column: String) throws -> String { try decode(String.self, column) }
    /// The named column as text, nil for NULL; throws for another type.
    public func optionalString(_ column: String) throws -> String? { try decodeIfPresent(String.self, column) }

    // MARK: Int64 (a 64-bit integer)

    /// The named column as a 64-bit integer; throws for NULL or another type.
    public func int64(_ column: String) throws -> Int64 { try decode(Int64.self, column) }
    /// The column at `index` as a 64-bit integer; throws for NULL or another type.
    public func int64(at index: Int) throws -> Int64 { try decode(Int64.self, at: index) }
    /// The named column as a 64-bit integer, nil for NULL; throws for another type.
    public func optionalInt64(_ column: String) throws -> Int64? { try decodeIfPresent(Int64.self, column) }

    // MARK: Int (an integer)

    /// The named column as an integer; throws for NULL or another type.
    public func int(_ column: String) throws -> Int { try decode(Int.self, column) }
    /// The named column as an integer, nil for NULL; throws for another type.
    public func optionalInt(_ column: String) throws -> Int? { try decodeIfPresent(Int.self, column) }

    // MARK: Bool (a boolean)

    /// The named column as a boolean; throws for NULL or another type.
    public func bool(_ column: String) throws -> Bool { try decode(Bool.self, column) }

    // MARK: Double (a floating-point number)

    /// The named column as a floating-point number; throws for NULL or another type.
    public func double(_ column: String) throws -> Double { try decode(Double.self, column) }

    // MARK: UUID (a UUID)

    /// The named column as a UUID; throws for NULL or another type.
    public func uuid(_ column: String) throws -> UUID { try decode(UUID.self, column) }

    // MARK: Date (a timestamptz instant)

    /// The named column as a timestamptz instant; throws for NULL or another type.
    public func date(_ column: String) throws -> Date { try decode(Date.self, column) }
    /// The named column as a timestamptz instant, nil for NULL; throws for another type.
    public func optionalDate(_ column: String) throws -> Date? { try decodeIfPresent(Date.self, column) }

    // MARK: Data (bytea bytes)

    /// The named column as bytea bytes; throws for NULL or another type.
    public func data(_ column: String) throws -> Data { try decode(PostgresBytes.self, column).data }

    // MARK: Data (json/jsonb UTF-8 bytes)

    /// The named column as json/jsonb UTF-8 bytes; throws for NULL or another type.
    public func json(_ column: String) throws -> Data { try decode(PostgresJSON.self, column).data }

    // MARK: Data (text UTF-8 bytes)

    /// The named column's text as UTF-8 bytes, without making a `String`; nil for NULL, throws for
    /// another type.
    public func optionalTextBytes(_ column: String) throws -> Data? { try decodeIfPresent(PostgresTextBytes.self, column)?.data }
}
