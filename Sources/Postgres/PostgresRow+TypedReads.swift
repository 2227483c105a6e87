import Foundation

/// Typed reads by column name and by index; the `optional…` variants return nil for NULL.
extension PostgresRow {
    // MARK: String (text)

    /// The named column as text; throws for NULL or another type.
    public func string(_ column: String) throws -> String { try decode(String.self, column) }
    /// The column at `index` as text; throws for NULL or another type.
    public func string(at index: Int) throws -> String { try decode(String.self, at: index) }
    /// The named column as text, nil for NULL; throws for another type.
    public func optionalString(_ column: String) throws -> String? { try decodeIfPresent(String.self, column) }
    /// The column at `index` as text, nil for NULL; throws for another type.
    public func optionalString(at index: Int) throws -> String? { try decodeIfPresent(String.self, at: index) }

    // MARK: Int64 (a 64-bit integer)

    /// The named column as a 64-bit integer; throws for NULL or another type.
    public func int64(_ column: String) throws -> Int64 { try decode(Int64.self, column) }
    /// The column at `index` as a 64-bit integer; throws for NULL or another type.
    public func int64(at index: Int) throws -> Int64 { try decode(Int64.self, at: index) }
    /// The named column as a 64-bit integer, nil for NULL; throws for another type.
    public func optionalInt64(_ column: String) throws -> Int64? { try decodeIfPresent(Int64.self, column) }
    /// The column at `index` as a 64-bit integer, nil for NULL; throws for another type.
    public func optionalInt64(at index: Int) throws -> Int64? { try decodeIfPresent(Int64.self, at: index) }

    // MARK: Int (an integer)

    /// The named column as an integer; throws for NULL or another type.
    public func int(_ column: String) throws -> Int { try decode(Int.self, column) }
    /// The column at `index` as an integer; throws for NULL or another type.
    public func int(at index: Int) throws -> Int { try decode(Int.self, at: index) }
    /// The named column as an integer, nil for NULL; throws for another type.
    public func optionalInt(_ column: String) throws -> Int? { try decodeIfPresent(Int.self, column) }
    /// The column at `index` as an integer, nil for NULL; throws for another type.
    public func optionalInt(at index: Int) throws -> Int? { try decodeIfPresent(Int.self, at: index) }

    // MARK: Bool (a boolean)

    /// The named column as a boolean; throws for NULL or another type.
    public func bool(_ column: String) throws -> Bool { try decode(Bool.self, column) }
    /// The column at `index` as a boolean; throws for NULL or another type.
    public func bool(at index: Int) throws -> Bool { try decode(Bool.self, at: index) }
    /// The named column as a boolean, nil for NULL; throws for another type.
    public func optionalBool(_ column: String) throws -> Bool? { try decodeIfPresent(Bool.self, column) }
    /// The column at `index` as a boolean, nil for NULL; throws for another type.
    public func optionalBool(at index: Int) throws -> Bool? { try decodeIfPresent(Bool.self, at: index) }

    // MARK: Double (a floating-point number)

    /// The named column as a floating-point number; throws for NULL or another type.
    public func double(_ column: String) throws -> Double { try decode(Double.self, column) }
    /// The column at `index` as a floating-point number; throws for NULL or another type.
    public func double(at index: Int) throws -> Double { try decode(Double.self, at: index) }
    /// The named column as a floating-point number, nil for NULL; throws for another type.
    public func optionalDouble(_ column: String) throws -> Double? { try decodeIfPresent(Double.self, column) }
    /// The column at `index` as a floating-point number, nil for NULL; throws for another type.
    public func optionalDouble(at index: Int) throws -> Double? { try decodeIfPresent(Double.self, at: index) }

    // MARK: UUID (a UUID)

    /// The named column as a UUID; throws for NULL or another type.
    public func uuid(_ column: String) throws -> UUID { try decode(UUID.self, column) }
    /// The column at `index` as a UUID; throws for NULL or another type.
    public func uuid(at index: Int) throws -> UUID { try decode(UUID.self, at: index) }
    /// The named column as a UUID, nil for NULL; throws for another type.
    public func optionalUuid(_ column: String) throws -> UUID? { try decodeIfPresent(UUID.self, column) }
    /// The column at `index` as a UUID, nil for NULL; throws for another type.
    public func optionalUuid(at index: Int) throws -> UUID? { try decodeIfPresent(UUID.self, at: index) }

    // MARK: Date (a timestamptz instant)

    /// The named column as a timestamptz instant; throws for NULL or another type.
    public func date(_ column: String) throws -> Date { try decode(Date.self, column) }
    /// The column at `index` as a timestamptz instant; throws for NULL or another type.
    public func date(at index: Int) throws -> Date { try decode(Date.self, at: index) }
    /// The named column as a timestamptz instant, nil for NULL; throws for another type.
    public func optionalDate(_ column: String) throws -> Date? { try decodeIfPresent(Date.self, column) }
    /// The column at `index` as a timestamptz instant, nil for NULL; throws for another type.
    public func optionalDate(at index: Int) throws -> Date? { try decodeIfPresent(Date.self, at: index) }

    // MARK: Data (bytea bytes)

    /// The named column as bytea bytes; throws for NULL or another type.
    public func data(_ column: String) throws -> Data { try decode(PostgresBytes.self, column).data }
    /// The column at `index` as bytea bytes; throws for NULL or another type.
    public func data(at index: Int) throws -> Data { try decode(PostgresBytes.self, at: index).data }
    /// The named column as bytea bytes, nil for NULL; throws for another type.
    public func optionalData(_ column: String) throws -> Data? { try decodeIfPresent(PostgresBytes.self, column)?.data }
    /// The column at `index` as bytea bytes, nil for NULL; throws for another type.
    public func optionalData(at index: Int) throws -> Data? { try decodeIfPresent(PostgresBytes.self, at: index)?.data }

    // MARK: Data (json/jsonb UTF-8 bytes)

    /// The named column as json/jsonb UTF-8 bytes; throws for NULL or another type.
    public func json(_ column: String) throws -> Data { try decode(PostgresJSON.self, column).data }
    /// The column at `index` as json/jsonb UTF-8 bytes; throws for NULL or another type.
    public func json(at index: Int) throws -> Data { try decode(PostgresJSON.self, at: index).data }
    /// The named column as json/jsonb UTF-8 bytes, nil for NULL; throws for another type.
    public func optionalJson(_ column: String) throws -> Data? { try decodeIfPresent(PostgresJSON.self, column)?.data }
    /// The column at `index` as json/jsonb UTF-8 bytes, nil for NULL; throws for another type.
    public func optionalJson(at index: Int) throws -> Data? { try decodeIfPresent(PostgresJSON.self, at: index)?.data }
}
