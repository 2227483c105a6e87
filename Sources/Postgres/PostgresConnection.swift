import CLibPQ
import Foundation

/// One blocking connection to PostgreSQL over libpq. Use it from one thread at a time (the pool
/// hands each connection to one task at a time); every call blocks until the server answers.
public final class PostgresConnection: @unchecked Sendable {
    let handle: OpaquePointer
    /// Set by the notice receiver when the server announced a FATAL error (e.g. the backend was terminated).
    private let receivedFatalNotice: UnsafeMutablePointer<Int32>
    var savepointDepth = 0
    /// A transaction was begun (`transaction`) but its `BEGIN` not yet sent: it goes with the first
    /// statement, in the same round trip (libpq's pipeline mode, or one simple query).
    var beginPending = false
    /// Statements prepared on this connection, by their text: a statement with parameters is parsed
    /// and planned once per connection and then only executed (PostgreSQL re-plans it by itself
    /// when a table it reads changes).
    private var preparedStatements: [PreparedStatementKey: String] = [:]
    /// At most this many statements are kept prepared; later ones run unprepared.
    static let preparedStatementLimit = 128

    /// Connects with a libpq connection string or URI (`postgresql://…` or `host=… dbname=…`);
    /// unset parts come from the `PG*` environment variables and `~/.pgpass`, as in psql.
    /// The session is set to UTC, ISO dates, UTF-8 and hex `bytea` output.
    /// With `limits`, libpq's connect timeout and TCP keepalives default to them (the string may
    /// still say otherwise) and the session gets their statement, lock and idle-transaction timeouts.
    public init(connectionString: String, limits: PostgresLimits? = nil) throws {
        var keywords = (limits?.connectionDefaults ?? []).map(\.0)
        var values = (limits?.connectionDefaults ?? []).map(\.1)
        keywords.append("dbname")
        values.append(connectionString)
        let connected: OpaquePointer? = Self.withCStrings(keywords) { keywordPointers in
            Self.withCStrings(values) { valuePointers in
                PQconnectdbParams(keywordPointers, valuePointers, 1)
            }
        }
        guard let handle = connected else {
            throw PostgresError(code: .connectionFailed, serverMessage: "libpq could not allocate a connection")
        }
        guard PQstatus(handle) == CONNECTION_OK else {
            let message = String(cString: PQerrorMessage(handle))
            PQfinish(handle)
            throw PostgresError(code: .connectionFailed, serverMessage: message)
        }
        self.handle = handle
        receivedFatalNotice = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        receivedFatalNotice.initialize(to: 0)
        PQsetNoticeReceiver(handle, { flag, result in
            guard let flag, let result, let severity = PQresultErrorField(result, CLIBPQ_DIAG_SEVERITY_NONLOCALIZED) else { return }
            let level = String(cString: severity)
            if level == "FATAL" || level == "PANIC" { flag.assumingMemoryBound(to: Int32.self).pointee = 1 }
        }, receivedFatalNotice)
        // No JIT compilation: every statement of ours is short, and PostgreSQL chooses JIT from cost
        // estimates, which are far off on tables without statistics yet (a GET after a rebuild of a
        // million events spent 3.9 ms compiling a one-row read).
        try executeScript(
            "SET TimeZone = 'UTC'; SET DateStyle = 'ISO, MDY'; SET client_encoding = 'UTF8'; SET bytea_output = 'hex'; SET extra_float_digits = 3; "
                + "SET jit = off" + (limits.map { "; " + $0.sessionSettings } ?? "")
        )
    }

    /// Calls `body` with a NULL-terminated array of C strings that live for the call.
    private static func withCStrings<T>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> T) -> T {
        let copies = strings.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        let pointers: [UnsafePointer<CChar>?] = copies.map { $0.map { UnsafePointer($0) } } + [nil]
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    deinit {
        PQfinish(handle)
        receivedFatalNotice.deallocate()
    }

    // MARK: Status

    /// True while the connection is usable (libpq reports `CONNECTION_OK`) and not retired.
    public var isHealthy: Bool { PQstatus(handle) == CONNECTION_OK && receivedFatalNotice.pointee == 0 && !isRetired }

    /// Set by `retire()`.
    private var isRetired = false

    /// Marks the connection as not to be used again: a pool closes it when it comes back instead of
    /// keeping it (e.g. a replica pool's connection that found the primary because the standby was
    /// away, so that the next one looks for the standby again).
    public func retire() { isRetired = true }

    /// True inside a transaction block (also one that failed and awaits ROLLBACK).
    public var isInTransaction: Bool {
        if beginPending { return true }
        let status = PQtransactionStatus(handle)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE
    }

    /// True inside a transaction block in which a statement failed (only ROLLBACK is possible).
    var hasFailedTransaction: Bool { PQtransactionStatus(handle) == PQTRANS_INERROR }

    /// The process id of the server backend serving this connection.
    public var backendProcessID: Int32 { PQbackendPID(handle) }

    // MARK: Statements

    /// Runs one statement with the values bound as `$1`, `$2`, … (never interpolated) and returns its rows.
    @discardableResult
    public func query(_ sql: String, _ parameters: [PostgresValue] = []) throws -> PostgresRows {
        PostgresRows(result: try run(sql, parameters))
    }

    /// Runs one statement with bound values and returns the number of rows it affected.
    @discardableResult
    public func execute(_ sql: String, _ parameters: [PostgresValue] = []) throws -> Int {
        try run(sql, parameters).affectedRows
    }

    /// Runs a script of several statements without parameters (for migrations and session set-up).
    public func executeScript(_ sql: String) throws {
        // A pending BEGIN goes first in the same simple query.
        let script = beginPending ? "BEGIN; " + sql : sql
        beginPending = false
        _ = try checked(PQexec(handle, script))
    }

    /// Sends a pending `BEGIN` on its own (before what cannot carry it, such as a COPY).
    func sendPendingBegin() throws {
        guard beginPending else { return }
        try executeScript("")
    }

    /// The raw bytes of the first column of the first row, read in binary format (for a `bytea`
    /// column: the bytes themselves, without hex decoding); nil when there is no row or it is NULL.
    public func bytes(_ sql: String, _ parameters: [PostgresValue] = []) throws -> [UInt8]? {
        let result = try run(sql, parameters, binaryResult: true)
        guard PQntuples(result.pointer) > 0, PQnfields(result.pointer) > 0, PQgetisnull(result.pointer, 0, 0) == 0 else { return nil }
        let length = Int(PQgetlength(result.pointer, 0, 0))
        guard length > 0, let start = PQgetvalue(result.pointer, 0, 0) else { return [] }
        return start.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) }
    }

    private func run(_ sql: String, _ parameters: [PostgresValue], binaryResult: Bool = false) throws -> PostgresResult {
        let statement = try MarshalledStatement(sql, parameters, binaryResult: binaryResult, preparedAs: preparedName)
        if beginPending {
            return try pipelined([statement])[0]
        }
        return try checked(statement.execute(on: handle))
    }

    /// Runs the statements one after the other in one round trip (libpq's pipeline mode), a pending
    /// `BEGIN` first: their rows, in order. Each runs as if sent on its own (its own snapshot, taken
    /// once the one before it has finished, locks included). The first to fail throws, and the ones
    /// after it do not run; inside a transaction that leaves the transaction failed.
    ///
    /// `committing`: the transaction (`transaction(_:)`) is committed in the same round trip, after
    /// the statements, when it is the outermost one (inside a savepoint its own end commits nothing;
    /// outside a transaction there is nothing to commit). Nothing may be sent in it afterwards: the
    /// caller's `transaction(_:)` returns without a COMMIT of its own. When a statement fails, the
    /// COMMIT does not run and the transaction is rolled back as usual.
    public func queries(_ statements: [(sql: String, parameters: [PostgresValue])], committing: Bool = false) throws -> [PostgresRows] {
        let commits = committing && savepointDepth == 0 && isInTransaction
        if statements.count == 1, !commits { return [try query(statements[0].sql, statements[0].parameters)] }
        // Every parameter checked and every statement prepared before anything is sent.
        let marshalled = try statements.map { try MarshalledStatement($0.sql, $0.parameters, binaryResult: false, preparedAs: preparedName) }
        return try pipelined(marshalled, thenCommit: commits).map(PostgresRows.init(result:))
    }

    /// Runs statements that have nothing to do with each other, outside a transaction, in one round
    /// trip (libpq's pipeline mode with a sync after each): each runs as its own transaction, as if
    /// sent alone, and gets its own rows or its own error; one failing leaves the others alone. When
    /// the connection breaks, every statement without an answer fails with the connection's error.
    public func independentQueries(_ statements: [(sql: String, parameters: [PostgresValue])]) -> [Result<PostgresRows, any Error>] {
        precondition(!isInTransaction, "independent statements run outside a transaction")
        var outcomes: [Result<PostgresRows, any Error>?] = Array(repeating: nil, count: statements.count)
        // Checked and prepared before anything is sent (a prepare is a round trip of its own).
        var marshalled: [(index: Int, statement: MarshalledStatement)] = []
        marshalled.reserveCapacity(statements.count)
        for (index, statement) in statements.enumerated() {
            do {
                marshalled.append((index, try MarshalledStatement(statement.sql, statement.parameters, binaryResult: false, preparedAs: preparedName)))
            } catch {
                outcomes[index] = .failure(error)
            }
        }
        if !marshalled.isEmpty {
            if PQenterPipelineMode(handle) != 1 {
                let error = callFailed()
                for (index, _) in marshalled { outcomes[index] = .failure(error) }
            } else {
                var sent = 0
                for (_, statement) in marshalled {
                    guard statement.send(on: handle) == 1, PQpipelineSync(handle) == 1 else { break }
                    sent += 1
                }
                if sent < marshalled.count {
                    // Not even queued: libpq has nothing more to give for these.
                    let error = callFailed()
                    for (index, _) in marshalled[sent...] { outcomes[index] = .failure(error) }
                }
                // Per statement: its result, the end of its results, its sync.
                var broken = false
                for (index, _) in marshalled.prefix(sent) {
                    guard !broken, let raw = PQgetResult(handle) else {
                        broken = true
                        outcomes[index] = .failure(callFailed())
                        continue
                    }
                    while let extra = PQgetResult(handle) { PQclear(extra) }
                    outcomes[index] = Result { PostgresRows(result: try checked(raw)) }
                    guard let sync = PQgetResult(handle) else {
                        broken = true
                        continue
                    }
                    if PQresultStatus(sync) != PGRES_PIPELINE_SYNC { broken = true }
                    PQclear(sync)
                }
                if broken { retire() }
                if PQexitPipelineMode(handle) != 1 { retire() }
            }
        }
        return outcomes.map { $0 ?? .failure(callFailed()) }
    }

    /// The statements (a pending `BEGIN` first, a `COMMIT` last when `thenCommit`) sent in one round
    /// trip in pipeline mode and their results read: each statement's result, or the first error (a
    /// failed `BEGIN` fails them all).
    private func pipelined(_ statements: [MarshalledStatement], thenCommit: Bool = false) throws -> [PostgresResult] {
        let withBegin = beginPending
        beginPending = false
        guard PQenterPipelineMode(handle) == 1 else { throw callFailed() }
        var sent = !withBegin || PQsendQueryParams(handle, "BEGIN", 0, nil, nil, nil, nil, 0) == 1
        for statement in statements where sent { sent = statement.send(on: handle) == 1 }
        if sent, thenCommit { sent = PQsendQueryParams(handle, "COMMIT", 0, nil, nil, nil, nil, 0) == 1 }
        guard sent, PQpipelineSync(handle) == 1 else {
            let error = callFailed()
            while let raw = PQgetResult(handle) { PQclear(raw) }
            PQexitPipelineMode(handle)
            throw error
        }
        // Each result and the end of it, in order; then the sync.
        var results: [OpaquePointer] = []
        let expected = statements.count + (withBegin ? 1 : 0) + (thenCommit ? 1 : 0)
        while results.count < expected, let raw = PQgetResult(handle) {
            results.append(raw)
            while let extra = PQgetResult(handle) { PQclear(extra) }
        }
        if results.count == expected, let sync = PQgetResult(handle) { PQclear(sync) }
        if PQexitPipelineMode(handle) != 1 {
            // Only a broken connection leaves results unread: never use it again.
            retire()
        }
        // Every result owned before any is judged: none is left uncleared when one fails. Judged
        // while they are all owned: the BEGIN's and the COMMIT's are cleared when they are dropped,
        // and a COMMIT can fail (a deferred constraint; a standby's wait cancelled by a failover).
        var wrapped = results.map(PostgresResult.init)
        guard wrapped.count == expected else { throw callFailed() }
        try withExtendedLifetime(wrapped) {
            if let failed = wrapped.first(where: { !Self.succeeded($0.pointer) }) { throw error(from: failed.pointer) }
        }
        if withBegin { wrapped.removeFirst() }
        if thenCommit { wrapped.removeLast() }
        return wrapped
    }

    /// The name `sql` is prepared under on this connection, preparing it on first use; nil when the
    /// cache is full or the statement cannot be prepared right now (inside a failed transaction),
    /// then it runs unprepared. The parameter types are part of the key: the same text with other
    /// types is another statement.
    private func preparedName(for sql: String, types: [UInt32]) throws -> String? {
        let key = PreparedStatementKey(sql: sql, types: types)
        if let name = preparedStatements[key] { return name }
        guard preparedStatements.count < Self.preparedStatementLimit, !hasFailedTransaction else { return nil }
        let name = "toedeling_\(preparedStatements.count + 1)"
        _ = try checked(PQprepare(handle, name, sql, Int32(types.count), types))
        preparedStatements[key] = name
        return name
    }

    private func checked(_ raw: OpaquePointer?) throws -> PostgresResult {
        guard let raw else { throw callFailed() }
        // Judged before it is owned: an owner may clear it right after its last use, before its error is read.
        guard Self.succeeded(raw) else {
            defer { PQclear(raw) }
            throw error(from: raw)
        }
        return PostgresResult(raw)
    }

    /// Whether a result reports success (a command, rows, or an empty query).
    private static func succeeded(_ raw: OpaquePointer) -> Bool {
        switch PQresultStatus(raw) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY: true
        default: false
        }
    }

    /// The error of a libpq call that gave no result: the connection's message, as a lost
    /// connection when it is no longer healthy.
    func callFailed() -> PostgresError {
        PostgresError(code: isHealthy ? .queryFailed : .connectionLost, serverMessage: String(cString: PQerrorMessage(handle)))
    }

    func error(from raw: OpaquePointer) -> PostgresError {
        func field(_ code: Int32) -> String? {
            PQresultErrorField(raw, code).map { String(cString: $0) }
        }
        let severity = field(CLIBPQ_DIAG_SEVERITY_NONLOCALIZED)
        let lost = !isHealthy || severity == "FATAL" || severity == "PANIC"
        return PostgresError(
            code: lost ? .connectionLost : .queryFailed,
            sqlState: field(CLIBPQ_DIAG_SQLSTATE),
            serverMessage: field(CLIBPQ_DIAG_MESSAGE_PRIMARY) ?? String(cString: PQresultErrorMessage(raw)),
            serverDetail: field(CLIBPQ_DIAG_MESSAGE_DETAIL),
            constraintName: field(CLIBPQ_DIAG_CONSTRAINT_NAME)
        )
    }

    // MARK: Identifiers and literals

    /// The name quoted as an SQL identifier (`"my ""name"""`), for the few places where a name
    /// cannot be a bound parameter (LISTEN, UNLISTEN).
    func quotedIdentifier(_ name: String) throws -> String {
        guard !name.utf8.contains(0), let quoted = PQescapeIdentifier(handle, name, name.utf8.count) else {
            throw PostgresError(code: .invalidArgument, serverMessage: "identifier cannot be quoted")
        }
        defer { PQfreemem(quoted) }
        return String(cString: quoted)
    }

    /// The text quoted as an SQL string literal, for the rare script that cannot bind parameters.
    func quotedLiteral(_ text: String) throws -> String {
        guard !text.utf8.contains(0), let quoted = PQescapeLiteral(handle, text, text.utf8.count) else {
            throw PostgresError(code: .invalidArgument, serverMessage: "literal cannot be quoted")
        }
        defer { PQfreemem(quoted) }
        return String(cString: quoted)
    }
}

/// A statement with its parameters as libpq takes them (type OIDs, values as C strings or, for
/// `bytea`, bytes in binary format, lengths, formats), held until it has been sent; prepared on the
/// connection when it has parameters (see `preparedName`).
private final class MarshalledStatement {
    let sql: String
    let name: String?
    let resultFormat: Int32
    private let types: [UInt32]
    private let values: [UnsafeMutablePointer<CChar>?]
    private let lengths: [Int32]
    private let formats: [Int32]

    init(_ sql: String, _ parameters: [PostgresValue], binaryResult: Bool, preparedAs prepare: (String, [UInt32]) throws -> String?) throws {
        var types: [UInt32] = []
        var values: [UnsafeMutablePointer<CChar>?] = []
        var lengths: [Int32] = []
        var formats: [Int32] = []
        types.reserveCapacity(parameters.count)
        values.reserveCapacity(parameters.count)
        do {
            for parameter in parameters {
                types.append(parameter.typeOID)
                if let (version, data) = parameter.binaryRepresentation {
                    let prefix = version == nil ? 0 : 1
                    let buffer = malloc(max(1, prefix + data.count))!.assumingMemoryBound(to: CChar.self)
                    if let version { buffer[0] = CChar(bitPattern: version) }
                    data.withUnsafeBytes { raw in
                        if let base = raw.baseAddress { memcpy(buffer + prefix, base, data.count) }
                    }
                    values.append(buffer)
                    lengths.append(Int32(prefix + data.count))
                    formats.append(1)
                    continue
                }
                lengths.append(0)
                formats.append(0)
                guard let text = parameter.textRepresentation else {
                    values.append(nil)
                    continue
                }
                guard !text.utf8.contains(0) else {
                    throw PostgresError(code: .invalidArgument, serverMessage: "a parameter contains a NUL character")
                }
                values.append(strdup(text))
            }
            name = parameters.isEmpty ? nil : try prepare(sql, types)
        } catch {
            for value in values { free(value) }
            throw error
        }
        self.sql = sql
        self.resultFormat = binaryResult ? 1 : 0
        self.types = types
        self.values = values
        self.lengths = lengths
        self.formats = formats
    }

    deinit {
        for value in values { free(value) }
    }

    /// Runs it and waits for its result (NULL when the connection failed).
    func execute(on handle: OpaquePointer) -> OpaquePointer? {
        withArguments { count, values, lengths, formats in
            if let name {
                PQexecPrepared(handle, name, count, values, lengths, formats, resultFormat)
            } else {
                PQexecParams(handle, sql, count, count == 0 ? nil : types, values, lengths, formats, resultFormat)
            }
        }
    }

    /// Queues it (in pipeline mode): 1 when queued.
    func send(on handle: OpaquePointer) -> Int32 {
        withArguments { count, values, lengths, formats in
            if let name {
                PQsendQueryPrepared(handle, name, count, values, lengths, formats, resultFormat)
            } else {
                PQsendQueryParams(handle, sql, count, count == 0 ? nil : types, values, lengths, formats, resultFormat)
            }
        }
    }

    private func withArguments<T>(
        _ body: (Int32, UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?) -> T
    ) -> T {
        let count = Int32(values.count)
        return values.withUnsafeBufferPointer { valuePointers in
            valuePointers.withMemoryRebound(to: UnsafePointer<CChar>?.self) { constValues in
                lengths.withUnsafeBufferPointer { lengthPointers in
                    formats.withUnsafeBufferPointer { formatPointers in
                        body(
                            count, count == 0 ? nil : constValues.baseAddress, count == 0 ? nil : lengthPointers.baseAddress,
                            count == 0 ? nil : formatPointers.baseAddress)
                    }
                }
            }
        }
    }
}

/// A statement's text and parameter types: what a prepared statement is known by on a connection.
private struct PreparedStatementKey: Hashable {
    let sql: String
    let types: [UInt32]
}
