import Foundation

/// The fields of a posted `application/x-www-form-urlencoded` form, in order; a name may repeat
/// (check boxes).
public struct FormValues: Sendable, Equatable {
    /// Every field, in the order sent.
    public private(set) var velden: [(naam: String, waarde: String)] = []

    /// No fields.
    public init() {}

    /// These fields, in this order (the text parts of a multipart form).
    public init(velden: [(naam: String, waarde: String)]) {
        self.velden = velden
    }

    /// Reads an urlencoded body: `+` is a space, `%XX` a byte (UTF-8); a malformed escape or invalid
    /// UTF-8 makes the whole body unreadable (nil).
    public init?(urlencoded tekst: String) {
        for paar in tekst.split(separator: "&", omittingEmptySubsequences: true) {
            let delen = paar.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let naam = Self.decode(delen[0]), let waarde = Self.decode(delen.count > 1 ? delen[1] : "") else { return nil }
            velden.append((naam, waarde))
        }
    }

    /// The first value of `naam`, nil when absent.
    public subscript(naam: String) -> String? {
        velden.first { $0.naam == naam }?.waarde
    }

    /// Every value of `naam`, in order.
    public func alle(_ naam: String) -> [String] {
        velden.filter { $0.naam == naam }.map(\.waarde)
    }

    /// The first value of `naam` with surrounding white space removed; nil when absent or empty.
    public func tekst(_ naam: String) -> String? {
        guard let waarde = self[naam]?.trimmingCharacters(in: .whitespacesAndNewlines), !waarde.isEmpty else { return nil }
        return waarde
    }

    public static func == (lhs: FormValues, rhs: FormValues) -> Bool {
        lhs.velden.map(\.naam) == rhs.velden.map(\.naam) && lhs.velden.map(\.waarde) == rhs.velden.map(\.waarde)
    }

    private static func decode(_ deel: Substring) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(deel.utf8.count)
        var iterator = deel.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let hoog = iterator.next().flatMap(hex), let laag = iterator.next().flatMap(hex) else { return nil }
                bytes.append(hoog << 4 | laag)
            default: bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
