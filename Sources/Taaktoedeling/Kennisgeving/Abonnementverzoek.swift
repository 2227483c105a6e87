import Foundation

/// A request for a webhook subscription as a client sends it (`POST /v1/abonnementen`, or
/// `toedeling-admin abonnement create`): read and checked here once for both.
public struct Abonnementverzoek: Sendable, Equatable {
    /// Where deliveries are posted (`http` or `https`; whether the target is allowed is the
    /// server's check, which knows its network rules).
    public var callbackURL: URL
    /// The `Authorization` value sent with every delivery, if any.
    public var auth: String?
    /// The event types (stored names, e.g. `ConsultatieGeopend`) to deliver; empty is all.
    public var types: [String]
    /// The dossiers to deliver events of; empty is all.
    public var dossiers: [UUID]
    /// The koepel whose view limits the deliveries, if any.
    public var koepel: Koepel?

    /// Creates a request.
    public init(callbackURL: URL, auth: String? = nil, types: [String] = [], dossiers: [UUID] = [], koepel: Koepel? = nil) {
        self.callbackURL = callbackURL
        self.auth = auth
        self.types = types
        self.dossiers = dossiers
        self.koepel = koepel
    }

    /// The longest callback URL accepted.
    public static let maximaleURLLengte = 2000

    /// Reads a request body: `callbackUrl`, optional `auth`, optional `filters` with `types` and
    /// `dossiers`, optional `koepel`. Every problem is reported at once.
    public static func parse(_ body: JSONValue) -> Result<Abonnementverzoek, InvalidInput> {
        var lezer = FieldReader(body)
        guard lezer.isObject else { return .failure(InvalidInput(problems: lezer.problemen)) }
        let url = lezer.tekst("callbackUrl").flatMap { tekst -> URL? in
            if let probleem = callbackProbleem(tekst) {
                lezer.meld("callbackUrl", probleem)
                return nil
            }
            return URL(string: tekst)
        }
        var auth = lezer.tekst("auth", verplicht: false)
        if let waarde = auth, waarde.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) || waarde.unicodeScalars.count > 1024 {
            lezer.meld("auth", "moet één regel van ten hoogste 1024 tekens zijn, zonder stuurtekens")
            auth = nil
        }
        var types: [String] = []
        var dossiers: [UUID] = []
        if let filters = lezer.waarde("filters", verplicht: false) {
            var filterlezer = FieldReader(filters, prefix: "filters")
            if filterlezer.isObject {
                if let waarde = filterlezer.waarde("types", verplicht: false) {
                    types = lijst(waarde, veld: "types", in: &filterlezer) { tekst in
                        let naam = tekst.hasPrefix(cloudEventTypePrefix) ? typeNaam(kebab: String(tekst.dropFirst(cloudEventTypePrefix.count))) : tekst
                        return naam.flatMap { DossierEvent.schemaVersions[$0] != nil ? $0 : nil }
                    } onbekend: { "onbekend gebeurtenistype \"\(Tekstregels.onschadelijk($0))\"; toegestaan: \(DossierEvent.schemaVersions.keys.sorted().joined(separator: ", "))" }
                }
                if let waarde = filterlezer.waarde("dossiers", verplicht: false) {
                    dossiers = lijst(waarde, veld: "dossiers", in: &filterlezer) { UUID(uuidString: $0) } onbekend: {
                        "is geen UUID: \"\(Tekstregels.onschadelijk($0))\""
                    }
                }
                filterlezer.sluitAf()
            }
            filterlezer.problemen.forEach { lezer.meldVolledig($0) }
        }
        let koepel = lezer.keuze("koepel", Koepel.self, verplicht: false)
        lezer.sluitAf()
        guard let url, lezer.problemen.isEmpty else { return .failure(InvalidInput(problems: lezer.problemen)) }
        var uniekeTypes: [String] = []
        for type in types where !uniekeTypes.contains(type) { uniekeTypes.append(type) }
        var uniekeDossiers: [UUID] = []
        for dossier in dossiers where !uniekeDossiers.contains(dossier) { uniekeDossiers.append(dossier) }
        return .success(Abonnementverzoek(callbackURL: url, auth: auth, types: uniekeTypes, dossiers: uniekeDossiers, koepel: koepel))
    }

    /// The prefix of every CloudEvent type this product sends.
    public static let cloudEventTypePrefix = "nl.overheid.bzk.toedeling."

    /// What is wrong with a callback URL as written, or nil: an absolute `http` or `https` URL with
    /// a host, without user name, password or fragment.
    static func callbackProbleem(_ tekst: String) -> String? {
        guard tekst.utf8.count <= maximaleURLLengte else { return "is langer dan \(maximaleURLLengte) tekens" }
        guard (try? vorm.wholeMatch(in: tekst)) != nil, let url = URL(string: tekst), let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http",
            let host = url.host, !host.isEmpty
        else { return "moet een volledige https-URL zijn, zoals https://ontvanger.example.nl/webhook" }
        guard url.user == nil, url.password == nil else { return "mag geen gebruikersnaam of wachtwoord bevatten (gebruik auth)" }
        guard url.fragment == nil else { return "mag geen fragment (#…) bevatten" }
        return nil
    }

    /// The form a callback URL must have, as the OpenAPI document states it: `http` or `https`, a
    /// host name or IPv4 address, an optional port, path and query; no user, password or fragment.
    nonisolated(unsafe) static let vorm = try! Regex(
        #"^[hH][tT][tT][pP][sS]?://[A-Za-z0-9.-]+(:(6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[0-9]{1,4}))?(/([A-Za-z0-9._~!$&'()*+,;=:@/-]|%[0-9A-Fa-f]{2})*)?(\?([A-Za-z0-9._~!$&'()*+,;=:@/?-]|%[0-9A-Fa-f]{2})*)?$"#
    )

    /// The stored event type name of a kebab-case type (`consultatie-geopend` → `ConsultatieGeopend`).
    static func typeNaam(kebab: String) -> String? {
        DossierEvent.schemaVersions.keys.first { DossierEvent.kebab($0) == kebab }
    }

    private static func lijst<T>(
        _ waarde: JSONValue, veld: String, in lezer: inout FieldReader, _ lees: (String) -> T?, onbekend: (String) -> String
    ) -> [T] {
        guard case .array(let elementen) = waarde else {
            lezer.meld(veld, "moet een lijst zijn (gevonden: \(waarde.soortNaam))")
            return []
        }
        guard elementen.count <= 100 else {
            lezer.meld(veld, "mag ten hoogste 100 elementen hebben")
            return []
        }
        var resultaat: [T] = []
        for (index, element) in elementen.enumerated() {
            guard case .string(let tekst) = element else {
                lezer.meld("\(veld)[\(index)]", "moet een tekst zijn (gevonden: \(element.soortNaam))")
                continue
            }
            if let gelezen = lees(tekst) { resultaat.append(gelezen) } else { lezer.meld("\(veld)[\(index)]", onbekend(tekst)) }
        }
        return resultaat
    }
}
