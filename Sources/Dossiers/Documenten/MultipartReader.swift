/// Reads a `multipart/form-data` body (RFC 7578) as it streams in: the parts' header sections and
/// their bytes in pieces, holding no more than one piece and a delimiter's length at a time.
public struct MultipartReader: Sendable {
    /// What the bytes fed so far contained, in order.
    public enum Gebeurtenis: Sendable, Equatable {
        /// A part begins, with its header fields (names in lower case).
        case deel([String: String])
        /// Bytes of the current part.
        case inhoud([UInt8])
        /// The current part ended.
        case deelKlaar
    }

    /// Why a body is not valid multipart.
    public struct ParseError: Error, Sendable, Equatable {
        /// The Dutch reason.
        public let reden: String
    }

    private enum Staat: Sendable { case preambule, naGrens, koppen, inhoud, einde }

    /// The longest header section of one part.
    static let maximaleKoppen = 16 * 1024
    private let grens: [UInt8]
    private var buffer: [UInt8] = [13, 10]
    private var staat = Staat.preambule

    /// A reader for the `boundary` of a `Content-Type: multipart/form-data; boundary=…` header value;
    /// nil when the value is not multipart/form-data with a valid boundary.
    public init?(contentType: String) {
        let delen = MultipartReader.parameters(contentType)
        guard delen.essence == "multipart/form-data", let boundary = delen.parameters["boundary"],
              (1...70).contains(boundary.utf8.count)
        else { return nil }
        grens = Array("\r\n--\(boundary)".utf8)
    }

    /// Whether the closing delimiter was read.
    public var isKlaar: Bool { staat == .einde }

    /// Feeds the next bytes and returns what they completed.
    public mutating func voed<C: Collection<UInt8>>(_ bytes: C) throws(ParseError) -> [Gebeurtenis] {
        guard staat != .einde else { return [] }
        buffer.append(contentsOf: bytes)
        var gebeurtenissen: [Gebeurtenis] = []
        var start = 0
        defer { if start > 0 { buffer.removeFirst(start) } }
        loop: while true {
            switch staat {
            case .preambule:
                if let gevonden = zoek(grens, vanaf: start) {
                    start = gevonden + grens.count
                    staat = .naGrens
                } else {
                    start = max(start, buffer.count - (grens.count - 1))
                    break loop
                }
            case .naGrens:
                guard buffer.count - start >= 2 else { break loop }
                if buffer[start] == 45 && buffer[start + 1] == 45 {
                    staat = .einde
                    start = buffer.count
                    break loop
                }
                guard buffer[start] == 13 && buffer[start + 1] == 10 else { throw ParseError(reden: "een scheidingslijn wordt niet gevolgd door een regeleinde") }
                start += 2
                staat = .koppen
            case .koppen:
                if buffer.count - start >= 2 && buffer[start] == 13 && buffer[start + 1] == 10 {
                    start += 2
                    gebeurtenissen.append(.deel([:]))
                    staat = .inhoud
                    continue
                }
                guard let einde = zoek([13, 10, 13, 10], vanaf: start) else {
                    if buffer.count - start > Self.maximaleKoppen { throw ParseError(reden: "de kopregels van een deel zijn te lang") }
                    break loop
                }
                guard einde - start <= Self.maximaleKoppen else { throw ParseError(reden: "de kopregels van een deel zijn te lang") }
                gebeurtenissen.append(.deel(try Self.koppen(buffer[start..<einde])))
                start = einde + 4
                staat = .inhoud
            case .inhoud:
                if let gevonden = zoek(grens, vanaf: start) {
                    if gevonden > start { gebeurtenissen.append(.inhoud(Array(buffer[start..<gevonden]))) }
                    gebeurtenissen.append(.deelKlaar)
                    start = gevonden + grens.count
                    staat = .naGrens
                } else {
                    let veilig = buffer.count - (grens.count - 1)
                    if veilig > start {
                        gebeurtenissen.append(.inhoud(Array(buffer[start..<veilig])))
                        start = veilig
                    }
                    break loop
                }
            case .einde:
                start = buffer.count
                break loop
            }
        }
        return gebeurtenissen
    }

    /// The first index from `start` where `naald` occurs in the buffer.
    private func zoek(_ naald: [UInt8], vanaf start: Int) -> Int? {
        buffer.withUnsafeBytes { ByteSearch.firstIndex(of: naald, in: $0, from: start) }
    }

    private static func koppen(_ bytes: ArraySlice<UInt8>) throws(ParseError) -> [String: String] {
        guard let tekst = String(validating: bytes, as: UTF8.self) else { throw ParseError(reden: "de kopregels van een deel zijn geen UTF-8") }
        var koppen: [String: String] = [:]
        var vorige: String?
        for regel in tekst.components(separatedBy: "\r\n") {
            if let eerste = regel.first, eerste == " " || eerste == "\t", let naam = vorige {
                koppen[naam, default: ""] += " " + regel.trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let dubbelepunt = regel.firstIndex(of: ":") else { throw ParseError(reden: "een kopregel van een deel heeft geen naam") }
            let naam = regel[..<dubbelepunt].lowercased()
            guard !naam.isEmpty else { throw ParseError(reden: "een kopregel van een deel heeft geen naam") }
            koppen[naam] = String(regel[regel.index(after: dubbelepunt)...]).trimmingCharacters(in: .whitespaces)
            vorige = naam
        }
        return koppen
    }

    /// A header value's essence (lower case) and its parameters (names in lower case; quoted
    /// strings unquoted; `name*` values decoded as RFC 8187 and preferred over `name`).
    public static func parameters(_ waarde: String) -> (essence: String, parameters: [String: String]) {
        var delen: [String] = []
        var huidig = ""
        var tussenAanhalingstekens = false
        var escape = false
        for teken in waarde {
            if escape { huidig.append(teken); escape = false; continue }
            if tussenAanhalingstekens && teken == "\\" { huidig.append(teken); escape = true; continue }
            if teken == "\"" { tussenAanhalingstekens.toggle() }
            if teken == ";" && !tussenAanhalingstekens { delen.append(huidig); huidig = ""; continue }
            huidig.append(teken)
        }
        delen.append(huidig)
        let essence = (delen.first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        var parameters: [String: String] = [:]
        var uitgebreid: [String: String] = [:]
        for deel in delen.dropFirst() {
            guard let gelijk = deel.firstIndex(of: "=") else { continue }
            let naam = deel[..<gelijk].trimmingCharacters(in: .whitespaces).lowercased()
            var waarde = deel[deel.index(after: gelijk)...].trimmingCharacters(in: .whitespaces)
            if naam.hasSuffix("*") {
                if let gedecodeerd = rfc8187(waarde) { uitgebreid[String(naam.dropLast())] = gedecodeerd }
                continue
            }
            if waarde.count >= 2, waarde.hasPrefix("\""), waarde.hasSuffix("\"") {
                var zonder = ""
                var escape = false
                for teken in waarde.dropFirst().dropLast() {
                    if escape { zonder.append(teken); escape = false } else if teken == "\\" { escape = true } else { zonder.append(teken) }
                }
                waarde = zonder
            }
            parameters[naam] = waarde
        }
        parameters.merge(uitgebreid) { _, nieuw in nieuw }
        return (essence, parameters)
    }

    /// `UTF-8'taal'%-gecodeerd` (RFC 8187) decoded; nil for another charset or a bad encoding.
    private static func rfc8187(_ waarde: String) -> String? {
        let delen = waarde.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard delen.count == 3, delen[0].lowercased() == "utf-8" else { return nil }
        var bytes: [UInt8] = []
        var iterator = Array(delen[2].utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let hoog = iterator.next(), let laag = iterator.next(),
                      let waarde = UInt8(String(decoding: [hoog, laag], as: UTF8.self), radix: 16)
                else { return nil }
                bytes.append(waarde)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
