import Foundation

/// The file types a dossier accepts, recognised by their first bytes, never by their name.
public enum Bestandstype: String, Sendable, Equatable, Hashable, CaseIterable {
    case pdf, odt, ods, odp, docx, xlsx, pptx, tekst, csv, xml, png, jpeg, eml

    /// How many bytes from the start recognition looks at.
    public static let herkenningsomvang = 64 * 1024

    /// The media type stored and answered with.
    public var mediatype: String {
        switch self {
        case .pdf: "application/pdf"
        case .odt: "application/vnd.oasis.opendocument.text"
        case .ods: "application/vnd.oasis.opendocument.spreadsheet"
        case .odp: "application/vnd.oasis.opendocument.presentation"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation"
        case .tekst: "text/plain"
        case .csv: "text/csv"
        case .xml: "application/xml"
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .eml: "message/rfc822"
        }
    }

    /// The PRONOM id of the format (The National Archives' registry), for the e-Depot.
    public var pronom: String {
        switch self {
        case .pdf: "fmt/276"
        case .odt: "fmt/291"
        case .ods: "fmt/295"
        case .odp: "fmt/293"
        case .docx: "fmt/412"
        case .xlsx: "fmt/214"
        case .pptx: "fmt/215"
        case .tekst: "x-fmt/111"
        case .csv: "x-fmt/18"
        case .xml: "fmt/101"
        case .png: "fmt/13"
        case .jpeg: "fmt/43"
        case .eml: "fmt/950"
        }
    }

    /// The PRONOM id of a file of this type that starts with `begin`: a PDF by the version in its
    /// header (`%PDF-1.4` is fmt/18), any other type by `pronom`.
    public func pronom(begin: [UInt8]) -> String {
        guard self == .pdf, begin.count >= 8 else { return pronom }
        switch String(decoding: begin[5..<8], as: UTF8.self) {
        case "1.0": return "fmt/14"
        case "1.1": return "fmt/15"
        case "1.2": return "fmt/16"
        case "1.3": return "fmt/17"
        case "1.4": return "fmt/18"
        case "1.5": return "fmt/19"
        case "1.6": return "fmt/20"
        case "2.0": return "fmt/1129"
        default: return pronom
        }
    }

    /// The format's name as PRONOM has it, for a bestand's sidecar.
    public var formaatnaam: String {
        switch self {
        case .pdf: "Acrobat PDF - Portable Document Format"
        case .odt: "OpenDocument Text"
        case .ods: "OpenDocument Spreadsheet"
        case .odp: "OpenDocument Presentation"
        case .docx: "Microsoft Word for Windows (2007 onwards)"
        case .xlsx: "Microsoft Excel for Windows (2007 onwards)"
        case .pptx: "Microsoft Powerpoint for Windows (2007 onwards)"
        case .tekst: "Plain Text File"
        case .csv: "Comma Separated Values"
        case .xml: "Extensible Markup Language"
        case .png: "Portable Network Graphics"
        case .jpeg: "JPEG File Interchange Format"
        case .eml: "Internet Message Format (e-mail)"
        }
    }

    /// The other media types a client may declare for a file of this type.
    var aliassen: Set<String> {
        switch self {
        case .xml: ["text/xml"]
        case .jpeg: ["image/jpg", "image/pjpeg"]
        case .csv: ["application/csv"]
        default: []
        }
    }

    /// The type whose media type (or alias) is `mediatype`, if any.
    public static func met(mediatype: String) -> Bestandstype? {
        let essentie = Self.essentie(mediatype)
        return allCases.first { $0.mediatype == essentie || $0.aliassen.contains(essentie) }
    }

    /// A media type without parameters, in lower case.
    static func essentie(_ mediatype: String) -> String {
        String(mediatype.split(separator: ";", maxSplits: 1).first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
    }
}

/// What the first bytes of a file say it is.
public enum Herkenning: Sendable, Equatable {
    /// One of the accepted types; text may also be declared as CSV (see `Bestandstype.kies`).
    case aanvaard(Bestandstype)
    /// Something else, described in Dutch for the refusal ("een uitvoerbaar bestand (ELF)").
    case geweigerd(String)
}

/// Why a file's type is refused (415): what was found, and what was declared.
public struct TypeWeigering: Error, Sendable, Equatable {
    /// The Dutch sentence for the client.
    public let reden: String
}

extension Bestandstype {
    /// Recognises a file by its first bytes (at most `herkenningsomvang`); `volledig` says whether
    /// `begin` is the whole file (then a multi-byte character may not be cut off at its end).
    public static func herken(_ begin: [UInt8], volledig: Bool) -> Herkenning {
        func begintMet(_ prefix: [UInt8], op offset: Int = 0) -> Bool {
            begin.count >= offset + prefix.count && Array(begin[offset..<(offset + prefix.count)]) == prefix
        }
        if begintMet(Array("%PDF-".utf8)) { return .aanvaard(.pdf) }
        if begintMet([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .aanvaard(.png) }
        if begintMet([0xFF, 0xD8, 0xFF]) { return .aanvaard(.jpeg) }
        if begintMet([0x50, 0x4B, 0x03, 0x04]) { return zip(begin) }
        if begintMet([0x7F, 0x45, 0x4C, 0x46]) { return .geweigerd("een uitvoerbaar bestand (ELF)") }
        if begintMet([0x4D, 0x5A]) { return .geweigerd("een uitvoerbaar bestand (Windows)") }
        if begintMet([0xCF, 0xFA, 0xED, 0xFE]) || begintMet([0xCE, 0xFA, 0xED, 0xFE]) || begintMet([0xCA, 0xFE, 0xBA, 0xBE]) {
            return .geweigerd("een uitvoerbaar bestand (Mach-O)")
        }
        if begintMet(Array("#!".utf8)) { return .geweigerd("een script (#!)") }
        if begintMet([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .geweigerd("een oud Office-bestand (OLE2: doc, xls of ppt)") }
        if begintMet([0x1F, 0x8B]) { return .geweigerd("een gzip-archief") }
        if begintMet(Array("Rar!".utf8)) { return .geweigerd("een RAR-archief") }
        if begintMet([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) { return .geweigerd("een 7-Zip-archief") }
        if begintMet(Array("GIF8".utf8)) { return .geweigerd("een GIF-afbeelding") }
        guard let tekst = tekst(begin, volledig: volledig) else { return .geweigerd("binaire gegevens van een onbekend type") }
        let zonderWit = tekst.drop { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\u{FEFF}" }
        if zonderWit.hasPrefix("<?xml") { return .aanvaard(.xml) }
        if isEmail(tekst) { return .aanvaard(.eml) }
        if zonderWit.lowercased().hasPrefix("<!doctype html") || zonderWit.lowercased().hasPrefix("<html") {
            return .geweigerd("een HTML-pagina")
        }
        return .aanvaard(.tekst)
    }

    /// The media type to store for a file recognised as `herkend` that the client declared as
    /// `gedeclareerd` (nil, empty or `application/octet-stream`: not declared), or why it is refused.
    /// Text declared as CSV is CSV; otherwise the declared type must be the recognised one.
    public static func kies(_ herkenning: Herkenning, gedeclareerd: String?) -> Result<Bestandstype, TypeWeigering> {
        let gegeven = gedeclareerd.map(essentie).flatMap { $0.isEmpty || $0 == "application/octet-stream" ? nil : $0 }
        switch herkenning {
        case .geweigerd(let gevonden):
            return .failure(TypeWeigering(reden: "Dit bestandstype wordt niet aanvaard: de inhoud is \(gevonden). Aanvaard worden PDF, ODF (odt, ods, odp), OOXML (docx, xlsx, pptx), tekst (UTF-8), CSV, XML, PNG, JPEG en e-mail (.eml)."))
        case .aanvaard(let type):
            guard let gegeven else { return .success(type) }
            if type == .tekst, let csv = met(mediatype: gegeven), csv == .csv { return .success(.csv) }
            if met(mediatype: gegeven) == type { return .success(type) }
            return .failure(TypeWeigering(reden: "Het opgegeven type \(gegeven) komt niet overeen met de inhoud (\(type.mediatype))."))
        }
    }

    /// A ZIP container: ODF by its uncompressed `mimetype` entry first, OOXML by its
    /// `[Content_Types].xml` and main part folder; any other ZIP is refused.
    private static func zip(_ begin: [UInt8]) -> Herkenning {
        let namen = zipNamen(begin)
        if namen.first == "mimetype", begin.count > 38 {
            let rest = String(decoding: begin[38..<min(begin.count, 38 + 80)], as: UTF8.self)
            if rest.hasPrefix("application/vnd.oasis.opendocument.text") && !rest.hasPrefix("application/vnd.oasis.opendocument.text-") { return .aanvaard(.odt) }
            if rest.hasPrefix("application/vnd.oasis.opendocument.spreadsheet") && !rest.hasPrefix("application/vnd.oasis.opendocument.spreadsheet-") { return .aanvaard(.ods) }
            if rest.hasPrefix("application/vnd.oasis.opendocument.presentation") && !rest.hasPrefix("application/vnd.oasis.opendocument.presentation-") { return .aanvaard(.odp) }
        }
        if namen.contains("[Content_Types].xml") {
            if namen.contains(where: { $0.hasPrefix("word/") }) { return .aanvaard(.docx) }
            if namen.contains(where: { $0.hasPrefix("xl/") }) { return .aanvaard(.xlsx) }
            if namen.contains(where: { $0.hasPrefix("ppt/") }) { return .aanvaard(.pptx) }
        }
        return .geweigerd("een ZIP-archief")
    }

    /// The names of the ZIP entries whose local headers lie in `begin`, in order.
    private static func zipNamen(_ begin: [UInt8]) -> [String] {
        var namen: [String] = []
        var offset = 0
        func uint16(_ at: Int) -> Int { Int(begin[at]) | Int(begin[at + 1]) << 8 }
        func uint32(_ at: Int) -> Int { uint16(at) | uint16(at + 2) << 16 }
        while offset + 30 <= begin.count, begin[offset] == 0x50, begin[offset + 1] == 0x4B, begin[offset + 2] == 0x03, begin[offset + 3] == 0x04 {
            let vlaggen = uint16(offset + 6)
            let gecomprimeerd = uint32(offset + 18)
            let naamlengte = uint16(offset + 26)
            let extralengte = uint16(offset + 28)
            guard offset + 30 + naamlengte <= begin.count else { break }
            namen.append(String(decoding: begin[(offset + 30)..<(offset + 30 + naamlengte)], as: UTF8.self))
            // With a data descriptor (bit 3) the size is not in the header: stop walking.
            guard vlaggen & 0x08 == 0 else { break }
            offset += 30 + naamlengte + extralengte + gecomprimeerd
        }
        return namen
    }

    /// The bytes as text when they are UTF-8 without NUL or other control characters than tab,
    /// line feed, carriage return and form feed; a character cut off at the end is allowed unless
    /// `volledig`.
    private static func tekst(_ begin: [UInt8], volledig: Bool) -> String? {
        var bytes = ArraySlice(begin)
        if !volledig {
            // Drop an incomplete multi-byte sequence at the end (at most 3 bytes).
            var terug = 0
            while terug < min(3, bytes.count), bytes[bytes.endIndex - 1 - terug] & 0xC0 == 0x80 { terug += 1 }
            if terug < bytes.count {
                let lead = bytes[bytes.endIndex - 1 - terug]
                let nodig = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
                if nodig > terug + 1 { bytes = bytes.dropLast(terug + 1) }
            }
        }
        guard let tekst = String(validating: bytes, as: UTF8.self) else { return nil }
        for scalar in tekst.unicodeScalars where scalar.value < 0x20 || scalar.value == 0x7F {
            if scalar != "\t" && scalar != "\n" && scalar != "\r" && scalar != "\u{0C}" { return nil }
        }
        return tekst
    }

    /// Whether text starts like an Internet message: header lines up to an empty line, among them
    /// at least two of the usual fields (From, To, Subject, Date, Message-ID, MIME-Version, Received,
    /// Return-Path).
    private static func isEmail(_ tekst: String) -> Bool {
        let bekend: Set<String> = ["from", "to", "subject", "date", "message-id", "mime-version", "received", "return-path", "cc", "reply-to"]
        var gevonden = 0
        // "\r\n" is one Character in Swift: split on any line end.
        for regel in tekst.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).prefix(200) {
            if regel.isEmpty { return gevonden >= 2 }
            if regel.first == " " || regel.first == "\t" { continue }
            guard let dubbelepunt = regel.firstIndex(of: ":") else { return false }
            let naam = regel[..<dubbelepunt]
            guard !naam.isEmpty, naam.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else { return false }
            if bekend.contains(naam.lowercased()) { gevonden += 1 }
        }
        return false
    }
}
