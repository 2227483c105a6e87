extension DossierEvent {
    /// Turns a payload of `type` at schema version `versie` into one of version `versie + 1`.
    ///
    /// - `ReactieIngediend` 1 → 2: adds `geregistreerdDoor`; before version 2 only the koepel itself
    ///   could register its reactie, so it is the koepel's name.
    /// - `KaderToetsingVastgelegd` 1 → 2: adds the `advies`, computed from the recorded
    ///   `taakkenmerken` with the afwegingskader (version 1 stored only the characteristics).
    static func upcast(type: String, van versie: Int, _ waarde: JSONValue) throws -> JSONValue {
        guard case .object(var velden) = waarde else {
            throw DossierEventDecodingError.ongeldigePayload(type: type, reden: "payload is geen JSON-object")
        }
        switch (type, versie) {
        case ("ReactieIngediend", 1):
            if velden["geregistreerdDoor"] == nil {
                velden["geregistreerdDoor"] = velden["koepel"] ?? .string("onbekend")
            }
        case ("KaderToetsingVastgelegd", 1):
            let kenmerken = try JSONValue.decodeer(Taakkenmerken.self, uit: velden["taakkenmerken"] ?? .null, type: type)
            velden["advies"] = try JSONValue.uit(Afwegingskader.advies(voor: kenmerken))
        default:
            break
        }
        return .object(velden)
    }
}
