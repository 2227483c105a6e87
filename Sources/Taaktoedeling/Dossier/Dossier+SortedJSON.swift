import Foundation

extension Dossier {
    /// Writes what `encode(to:)` gives `SortedJSONEncoder`, the top level by hand: its members in
    /// sorted order, the plain values (texts, numbers, instants, empty lists, absent optionals)
    /// written directly and the rest through the encoder's tree. Every command writes a dossier's
    /// state and each of its views, and the rebuild every dossier's; through `Encodable` a dossier's
    /// top level cost generic containers and a sort each time. The same bytes (checked against
    /// `JSONEncoder` for random histories in `SortedJSONEncoderTests`).
    func writeSortedJSON(to writer: inout SortedJSONEncoder.Writer, encoder: TreeEncoder) throws {
        let opslag = encoder.userInfo[Self.opslagSleutel] as? Bool == true
        if vernietiging != nil, !opslag {
            return try grafsteen.writeVelden(to: &writer, encoder: encoder, opslag: false, archief: archiefgegevens)
        }
        try writeVelden(to: &writer, encoder: encoder, opslag: opslag, archief: archiefgegevens)
    }

    /// `encodeVelden`'s members, in the order their keys sort in (`SortedJSONEncoderTests` compares
    /// the bytes with `JSONEncoder`'s, every member present).
    private func writeVelden(to writer: inout SortedJSONEncoder.Writer, encoder: TreeEncoder, opslag: Bool, archief: Archiefgegevens?) throws {
        var leden = Leden(writer: writer, encoder: encoder)
        writer.output = []  // the bytes are the members' alone meanwhile: appending copies nothing
        defer { writer = leden.writer }
        leden.writer.output.append(UInt8(ascii: "{"))
        try leden.waarde("aanleiding", aanleiding)
        if opslag {
            if let archiefcategorie { try leden.waarde("archiefcategorie", archiefcategorie) }
        } else {
            try leden.waarde("archivering", archief)
        }
        try leden.waarde("besluit", besluit)
        leden.moment("bijgewerktOp", bijgewerktOp)
        try leden.lijst("consultaties", consultaties)
        if opslag, let documenten { try leden.lijst("documenten", documenten) }
        leden.tekst("fase", fase.rawValue)
        try leden.waarde("financieleGevolgen", financieleGevolgen)
        leden.moment("geopendOp", geopendOp)
        try leden.lijst("heropeningen", heropeningen)
        leden.tekst("id", id.lowercasedString)
        try leden.waarde("intrekking", intrekking)
        try leden.lijst("kamerstukken", kamerstukken)
        leden.tekst("kenmerk", kenmerk.description)
        leden.naam("nieuweTaak")
        try leden.writer.write(.bool(nieuweTaak))
        leden.tekst("omschrijving", omschrijving)
        if opslag, let overdracht { try leden.waarde("overdracht", overdracht) }
        leden.tekst("soort", soort.rawValue)
        leden.tekst("titel", titel)
        try leden.waarde("toetsing", toetsing)
        try leden.waarde("udo", udo)
        leden.tekst("vakdepartement", vakdepartement)
        if opslag, let vernietiging { try leden.waarde("vernietiging", vernietiging) }
        leden.naam("versie")
        try leden.writer.write(.integer(versie))
        leden.optioneleTekst("wettelijkeGrondslag", wettelijkeGrondslag)
        if opslag, let zichtbaarGewijzigdOp {
            leden.naam("zichtbaarGewijzigdOp")
            leden.writer.output.append(UInt8(ascii: "{"))
            for (index, koepel) in zichtbaarGewijzigdOp.keys.sorted().enumerated() {
                if index > 0 { leden.writer.output.append(UInt8(ascii: ",")) }
                leden.writer.writeString(koepel)
                leden.writer.output.append(UInt8(ascii: ":"))
                try leden.writer.write(encoder.date(zichtbaarGewijzigdOp[koepel]!))
            }
            leden.writer.output.append(UInt8(ascii: "}"))
        }
        leden.writer.output.append(UInt8(ascii: "}"))
    }

    /// The members of one object written in turn, a comma before each but the first.
    private struct Leden {
        var writer: SortedJSONEncoder.Writer
        let encoder: TreeEncoder
        var eerste = true

        static let leeg = Array("[]".utf8)

        mutating func naam(_ sleutel: String) {
            if eerste { eerste = false } else { writer.output.append(UInt8(ascii: ",")) }
            writer.writeString(sleutel)
            writer.output.append(UInt8(ascii: ":"))
        }

        mutating func tekst(_ sleutel: String, _ tekst: String) {
            naam(sleutel)
            writer.writeString(tekst)
        }

        mutating func optioneleTekst(_ sleutel: String, _ tekst: String?) {
            naam(sleutel)
            if let tekst { writer.writeString(tekst) } else { writer.output.append(contentsOf: SortedJSONEncoder.Writer.null) }
        }

        mutating func moment(_ sleutel: String, _ moment: Date) {
            naam(sleutel)
            // An instant is a string or a finite number: writing it cannot fail.
            try? writer.write(encoder.date(moment))
        }

        /// An optional as `encode(_:forKey:)` writes it: `null` when absent.
        mutating func waarde<T: Encodable>(_ sleutel: String, _ waarde: T?) throws {
            naam(sleutel)
            guard let waarde else { return writer.output.append(contentsOf: SortedJSONEncoder.Writer.null) }
            try writer.write(encoder.node(for: waarde))
        }

        mutating func lijst<T: Encodable>(_ sleutel: String, _ lijst: [T]) throws {
            naam(sleutel)
            if lijst.isEmpty { return writer.output.append(contentsOf: Self.leeg) }
            try writer.write(encoder.node(for: lijst))
        }
    }
}
