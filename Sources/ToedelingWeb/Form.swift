import Foundation
import Taaktoedeling

/// A form of the web application, described once: its fields drive both the HTML (labels, hints,
/// values kept after a refusal, errors at the field and in the summary) and the JSON body the
/// domain's parser reads, so a form is checked by exactly the rules the API applies.
struct Form {
    /// One choice of a select, radio group or check-box group.
    struct Keuze {
        var waarde: String
        var label: String
    }

    /// How a field is entered and what it becomes in the JSON body.
    enum Soort {
        /// One line of text; a string (absent when empty).
        case tekst(invoertype: String = "text", autocomplete: String? = nil, inputmode: String? = nil, smal: Bool = false)
        /// Several lines of text; a string.
        case tekstvak
        /// A date typed as JJJJ-MM-DD or DD-MM-JJJJ; a string `JJJJ-MM-DD`.
        case datum
        /// An amount in whole euros, dots and `€` allowed; an integer.
        case bedrag
        /// A select; a string (absent for the empty choice).
        case keuze([Keuze])
        /// Radio buttons; a string.
        case radio([Keuze])
        /// Check boxes of one name; an array of strings (absent when none is ticked).
        case vinkjes([Keuze])
        /// One check box; true when ticked, false otherwise.
        case vinkje
        /// Ja/nee radio buttons; a boolean.
        case jaNee
        /// A file, posted as `multipart/form-data`; never part of the JSON body (`accept`: the
        /// browser's hint of the types).
        case bestand(accept: String)
    }

    /// One field: `naam` is the JSON member (dotted for nested members, as the parser names them).
    struct Veld {
        var naam: String
        var label: String
        var soort: Soort
        var hint: String? = nil
        var verplicht: Bool = true
    }

    var id: String
    var titel: String?
    var uitleg: String?
    var actie: String
    var knop: String
    var velden: [Veld]
    var gevaar: Bool = false

    /// Whether the form posts a file (then as `multipart/form-data`).
    var bestanden: Bool {
        velden.contains { if case .bestand = $0.soort { true } else { false } }
    }

    // MARK: Reading

    /// The JSON body for the domain's parser from the posted values.
    func json(_ waarden: FormValues) -> JSONValue {
        var object: [String: JSONValue] = [:]
        for veld in velden {
            guard let waarde = Self.waarde(veld, waarden) else { continue }
            Self.zet(waarde, op: veld.naam.split(separator: ".").map(String.init), in: &object)
        }
        return .object(object)
    }

    private static func waarde(_ veld: Veld, _ waarden: FormValues) -> JSONValue? {
        switch veld.soort {
        case .tekst, .tekstvak, .keuze, .radio:
            return waarden.tekst(veld.naam).map { .string($0) }
        case .datum:
            return waarden.tekst(veld.naam).map { .string(datum($0)) }
        case .bedrag:
            guard let tekst = waarden.tekst(veld.naam) else { return nil }
            let kaal = tekst.filter { !($0 == "." || $0 == " " || $0 == "€" || $0 == "\u{a0}") }
            if let getal = Int64(kaal) { return .integer(getal) }
            return .string(tekst)
        case .vinkjes:
            let gekozen = waarden.alle(veld.naam).filter { !$0.isEmpty }
            return gekozen.isEmpty ? nil : .array(gekozen.map { .string($0) })
        case .vinkje:
            return .bool(waarden[veld.naam] != nil)
        case .bestand:
            return nil
        case .jaNee:
            switch waarden.tekst(veld.naam) {
            case "ja": return .bool(true)
            case "nee": return .bool(false)
            case nil: return nil
            case let anders?: return .string(anders)
            }
        }
    }

    /// `31-12-2026` as `2026-12-31`; anything else as typed (the parser says what is wrong).
    static func datum(_ tekst: String) -> String {
        let delen = tekst.split(separator: "-", omittingEmptySubsequences: false)
        if delen.count == 3, delen[0].count <= 2, delen[1].count <= 2, delen[2].count == 4,
            let dag = Int(delen[0]), let maand = Int(delen[1]), Int(delen[2]) != nil
        {
            return "\(delen[2])-\(maand < 10 ? "0" : "")\(maand)-\(dag < 10 ? "0" : "")\(dag)"
        }
        return tekst
    }

    private static func zet(_ waarde: JSONValue, op pad: [String], in object: inout [String: JSONValue]) {
        guard let eerste = pad.first else { return }
        if pad.count == 1 {
            object[eerste] = waarde
            return
        }
        var binnen: [String: JSONValue] = [:]
        if case .object(let bestaand)? = object[eerste] { binnen = bestaand }
        zet(waarde, op: Array(pad.dropFirst()), in: &binnen)
        object[eerste] = .object(binnen)
    }

    // MARK: Showing

    /// The id of a field's control in the page.
    func veldID(_ naam: String) -> String {
        id + "-" + naam.replacingOccurrences(of: ".", with: "-")
    }

    /// The model the `formulier` template renders: the posted values (or `begin`), the problems at
    /// their fields and in the summary, the session's CSRF token and the dossier version.
    func model(
        csrf: String, waarden: FormValues? = nil, begin: [String: String] = [:], problemen: [FieldProblem] = [],
        melding: String? = nil, versie: Int64? = nil
    ) -> FormModel {
        var perVeld: [String: String] = [:]
        var fouten: [ErrorSummaryModel.Fout] = []
        if let melding { fouten.append(.init(tekst: melding)) }
        for probleem in problemen {
            let veld = velden.first { $0.naam == probleem.name } ?? velden.first { probleem.name.hasPrefix($0.naam + ".") }
            // In the summary the field's label leads: "Titel: is verplicht."
            if let veld {
                if perVeld[veld.naam] == nil { perVeld[veld.naam] = Self.zin(probleem.reason) }
                fouten.append(.init(tekst: veld.label + ": " + Self.slot(probleem.reason), veld: veldID(veld.naam)))
            } else {
                fouten.append(.init(tekst: Self.zin(probleem.name + " " + probleem.reason)))
            }
        }
        let veldmodellen: [FormModel.Veld] = velden.map { veld in
            let veldID = veldID(veld.naam)
            let fout = perVeld[veld.naam]
            let getypt = waarden.map { $0[veld.naam] ?? "" } ?? begin[veld.naam] ?? ""
            let naam: String = if case .vinkjes = veld.soort { FormValues.groep(veld.naam) } else { veld.naam }
            var model = FormModel.Veld(id: veldID, naam: naam, label: veld.label, verplicht: veld.verplicht, waarde: getypt)
            model.hint = veld.hint
            model.fout = fout
            let beschrijving = [veld.hint.map { _ in veldID + "-hint" }, fout.map { _ in veldID + "-fout" }].compactMap { $0 }
            if !beschrijving.isEmpty { model.beschrijving = beschrijving.joined(separator: " ") }
            let gekozen: Set<String> = waarden.map { Set($0.alle(veld.naam)) } ?? Set(begin[veld.naam].map { $0.split(separator: ",").map(String.init) } ?? [])
            func keuzes(_ lijst: [Keuze]) -> [FormModel.Keuze] {
                lijst.enumerated().map { index, keuze in
                    FormModel.Keuze(
                        waarde: keuze.waarde, label: keuze.label, gekozen: gekozen.contains(keuze.waarde),
                        id: index == 0 ? veldID : veldID + "-" + keuze.waarde)
                }
            }
            switch veld.soort {
            case .tekst(let invoertype, let autocomplete, let inputmode, let smal):
                model.isInvoer = true
                model.invoertype = invoertype
                model.autocomplete = autocomplete
                model.inputmode = inputmode
                model.smal = smal
                if invoertype == "password" { model.waarde = "" }
            case .datum:
                model.isInvoer = true
                model.invoertype = "text"
                model.smal = true
                if veld.hint == nil {
                    model.hint = "Bijvoorbeeld 31-12-2026."
                    model.beschrijving = ([veldID + "-hint"] + (fout.map { _ in [veldID + "-fout"] } ?? [])).joined(separator: " ")
                }
            case .bedrag:
                model.isInvoer = true
                model.invoertype = "text"
                model.inputmode = "numeric"
                model.smal = true
            case .tekstvak:
                model.isTekstvak = true
            case .keuze(let lijst):
                model.isKeuze = true
                model.keuzes = keuzes(lijst)
            case .radio(let lijst):
                model.isGroep = true
                model.groeptype = "radio"
                model.keuzes = keuzes(lijst)
            case .vinkjes(let lijst):
                model.isGroep = true
                model.groeptype = "checkbox"
                model.keuzes = keuzes(lijst)
            case .jaNee:
                model.isGroep = true
                model.groeptype = "radio"
                model.keuzes = keuzes([Keuze(waarde: "ja", label: "Ja"), Keuze(waarde: "nee", label: "Nee")])
            case .bestand(let accept):
                model.isBestand = true
                model.accept = accept
            case .vinkje:
                model.isVinkje = true
                model.aan = waarden.map { $0[veld.naam] != nil } ?? (begin[veld.naam] == "ja")
            }
            return model
        }
        return FormModel(
            id: id, actie: actie, knop: knop, velden: veldmodellen, csrf: csrf, gevaar: gevaar, bestanden: bestanden,
            heeftFouten: !fouten.isEmpty, fouten: fouten, foutTitel: "Er is een probleem", open: waarden != nil || !fouten.isEmpty,
            titel: titel, uitleg: uitleg, versie: versie.map(String.init)
        )
    }

    /// A reason as the end of a sentence: a full stop last.
    static func slot(_ tekst: String) -> String {
        var zin = tekst
        if let laatste = zin.last, !".!?".contains(laatste) { zin.append(".") }
        return zin
    }

    /// A reason as a sentence: capital first, full stop last.
    static func zin(_ tekst: String) -> String {
        var zin = Formatting.hoofdletter(tekst)
        if let laatste = zin.last, !".!?".contains(laatste) { zin.append(".") }
        return zin
    }
}
