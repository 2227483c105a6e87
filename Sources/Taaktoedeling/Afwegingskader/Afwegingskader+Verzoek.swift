extension Afwegingskader {
    /// Reads the body of `POST /v1/afwegingskader/_advies`: `{"taakkenmerken": {...}}`.
    public static func parseVerzoek(body: JSONValue) -> Result<Taakkenmerken, InvalidInput> {
        var lezer = FieldReader(body)
        guard lezer.isObject else { return .failure(InvalidInput(problems: lezer.problemen)) }
        var kenmerken: Taakkenmerken?
        if let waarde = lezer.waarde("taakkenmerken", verplicht: true) {
            switch Taakkenmerken.parse(waarde) {
            case .success(let gelezen): kenmerken = gelezen
            case .failure(let fout): fout.problems.forEach { lezer.meldVolledig($0) }
            }
        }
        lezer.sluitAf()
        if let kenmerken, lezer.problemen.isEmpty { return .success(kenmerken) }
        return .failure(InvalidInput(problems: lezer.problemen))
    }
}
