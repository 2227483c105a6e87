import Foundation

/// The fields of a posted form; a group of check boxes is one name with several values.
///
/// An `application/x-www-form-urlencoded` body is decoded by Hummingbird's `URLEncodedFormDecoder`
/// (a check-box group is posted as `naam[]`, and a name sent twice makes the form unreadable); the
/// text parts of a multipart form are given in order.
public struct FormValues: Sendable, Equatable, Decodable {
    /// Every field, in the order given.
    public private(set) var velden: [(naam: String, waarde: String)] = []

    /// No fields.
    public init() {}

    /// These fields, in this order (the text parts of a multipart form); `naam[]` is `naam`.
    public init(velden: [(naam: String, waarde: String)]) {
        self.velden = velden.map { (Self.groepsnaam($0.naam), $0.waarde) }
    }

    /// The form as `URLEncodedFormDecoder` reads it: each name a text, or a list of texts for a
    /// check-box group. Anything deeper (`a[b]=c`) is not a form of ours and is refused.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Naam.self)
        for naam in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
            if let waarde = try? container.decode(String.self, forKey: naam) {
                velden.append((naam.stringValue, waarde))
            } else {
                for waarde in try container.decode([String].self, forKey: naam) { velden.append((naam.stringValue, waarde)) }
            }
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

    /// The name a check-box group is posted under: `koepels` as `koepels[]`.
    static func groep(_ naam: String) -> String { naam + "[]" }

    private static func groepsnaam(_ naam: String) -> String {
        naam.hasSuffix("[]") ? String(naam.dropLast(2)) : naam
    }

    private struct Naam: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
