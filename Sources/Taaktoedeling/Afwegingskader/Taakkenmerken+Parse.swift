extension Taakkenmerken {
    /// Reads task characteristics from JSON, reporting every field problem at once.
    ///
    /// `schaal`, `beleidsvrijheid` and `samenwerking` are required; the booleans
    /// `sturingVakdepartement`, `waterbeheer` and `specifiekBeleidsterrein` default to false;
    /// `congruenteRegioIndeling` is optional and only accepted with schaal `regionaal`.
    /// Field names in problems are prefixed with `prefix.` (e.g. `taakkenmerken.schaal`).
    public static func parse(_ waarde: JSONValue, prefix: String = "taakkenmerken") -> Result<Taakkenmerken, InvalidInput> {
        var lezer = FieldReader(waarde, prefix: prefix)
        guard lezer.isObject else { return .failure(InvalidInput(problems: lezer.problemen)) }
        let kenmerken = lees(&lezer)
        lezer.sluitAf()
        if let kenmerken, lezer.problemen.isEmpty { return .success(kenmerken) }
        return .failure(InvalidInput(problems: lezer.problemen))
    }

    /// Reads the fields with an existing reader (which the caller closes).
    static func lees(_ lezer: inout FieldReader) -> Taakkenmerken? {
        let schaal = lezer.keuze("schaal", Schaal.self)
        let beleidsvrijheid = lezer.keuze("beleidsvrijheid", Beleidsvrijheid.self)
        let sturing = lezer.boolean("sturingVakdepartement", verplicht: false)
        let water = lezer.boolean("waterbeheer", verplicht: false)
        let specifiek = lezer.boolean("specifiekBeleidsterrein", verplicht: false)
        let samenwerking = lezer.keuze("samenwerking", Samenwerking.self)
        let congruent = lezer.boolean("congruenteRegioIndeling", verplicht: false)
        if congruent != nil, let schaal, schaal != .regionaal {
            lezer.meld("congruenteRegioIndeling", "geldt alleen bij schaal regionaal")
        }
        guard let schaal, let beleidsvrijheid, let samenwerking else { return nil }
        return Taakkenmerken(
            schaal: schaal, beleidsvrijheid: beleidsvrijheid, sturingVakdepartement: sturing ?? false,
            waterbeheer: water ?? false, specifiekBeleidsterrein: specifiek ?? false,
            samenwerking: samenwerking, congruenteRegioIndeling: congruent
        )
    }
}
