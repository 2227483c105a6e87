import Crypto
import Dossiers
import Foundation
import Taaktoedeling

/// The e-Depot package (SIP) of a closed dossier, in the tree of RECORDS.md and the MDTO SIP
/// specification: the dossier's sidecar, a folder per document version (its sidecar, its bytes and
/// their `bestand` sidecar), the event stream as an archiefstuk, and `pakbon.xml` with the SHA-256
/// and size of every file. Streamed into a `PackageTarget`: one block of a document in memory at a time.
public struct Archiefpakket: Sendable {
    /// Why a package cannot be made (409 over HTTP).
    public struct Weigering: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    let service: DossierService
    let archiefvormer: MDTO.Archiefvormer
    /// The aggregation in the receiving archive the dossier becomes part of.
    let opgenomenIn: String

    /// A packager over the service, for this archiefvormer.
    public init(service: DossierService, archiefvormer: MDTO.Archiefvormer, opgenomenIn: String = "Taaktoedelingsdossiers BZK") {
        self.service = service
        self.archiefvormer = archiefvormer
        self.opgenomenIn = opgenomenIn
    }

    /// Checks that the dossier can be packaged and returns it: besloten or ingetrokken, with a
    /// recorded category.
    public func pakbaar(_ dossierID: UUID) async throws -> (Dossier, SelectielijstCategorie) {
        guard let dossier = try await service.dossier(dossierID) else { throw DomainError.nietGevonden }
        guard dossier.afloop != nil else {
            throw Weigering(description: "Het dossier is nog niet besloten of ingetrokken (fase \(dossier.fase.weergave)); er is nog geen archiefpakket.")
        }
        guard let categorie = dossier.archiefcategorie?.categorie else {
            throw Weigering(description: "Er is nog geen selectielijstcategorie vastgelegd; leg eerst de archivering vast.")
        }
        return (dossier, categorie)
    }

    /// Writes the package of `dossier` into `doel`, `moment` being the time it is made.
    public func schrijf(_ dossier: Dossier, categorie: SelectielijstCategorie, naar doel: PackageTarget, moment: Date) async throws {
        var namen = Namen()
        let kenmerk = dossier.kenmerk.description
        let map = namen.uniek(kenmerk)
        var bestanden: [(pad: String, omvang: Int64, sha256: String)] = []
        var informatieobjecten = 1
        func bestand(_ pad: String, _ schrijven: (_ uit: ([UInt8]) async throws -> Void) async throws -> Void) async throws -> (Int64, String) {
            try await doel.begin(pad)
            var hasher = SHA256()
            var omvang: Int64 = 0
            try await schrijven { bytes in
                hasher.update(data: bytes)
                omvang += Int64(bytes.count)
                try await doel.schrijf(bytes)
            }
            try await doel.eind()
            let sha = hasher.finalize().hexadecimaal
            bestanden.append((pad, omvang, sha))
            return (omvang, sha)
        }
        func tekst(_ pad: String, _ inhoud: String) async throws {
            _ = try await bestand(pad) { uit in try await uit(Array(inhoud.utf8)) }
        }

        let documenten = dossier.documenten ?? []
        var mappen: [(document: Document, map: String, naam: String)] = []
        for (index, document) in documenten.enumerated() {
            let documentmap = namen.uniek("\(kenmerk)_document-\(String(format: "%02d", index + 1))_versie-\(document.versie)")
            mappen.append((document, documentmap, namen.uniek(Namen.schoon(document.bestandsnaam))))
        }
        let stroommap = "gebeurtenissen"
        let onderdelen = mappen.map { (naam: $0.document.titel, kenmerk: $0.document.id.uuidString.lowercased()) }
            + [(naam: "Gebeurtenissen van \(kenmerk)", kenmerk: kenmerk + "-gebeurtenissen")]
        try await tekst("\(map)/\(map).MDTO.xml", MDTO.dossier(dossier, categorie: categorie, archiefvormer: archiefvormer, onderdelen: onderdelen, opgenomenIn: opgenomenIn))

        for (document, documentmap, naam) in mappen {
            informatieobjecten += 1
            try await tekst("\(map)/\(documentmap)/\(documentmap).MDTO.xml", MDTO.archiefstuk(document, in: dossier, categorie: categorie, archiefvormer: archiefvormer, bestandsnaam: naam))
            var begin: [UInt8] = []
            let (omvang, sha) = try await bestand("\(map)/\(documentmap)/\(naam)") { uit in
                try await service.leesInhoud(sha256: document.sha256, bereik: 0..<document.omvang) { bytes in
                    if begin.isEmpty { begin = Array(bytes.prefix(16)) }
                    try await uit(bytes)
                }
            }
            guard sha == document.sha256, omvang == document.omvang else {
                throw Weigering(description: "De opgeslagen inhoud van document \(document.id.uuidString.lowercased()) komt niet overeen met zijn SHA-256; draai toedeling-admin verify.")
            }
            guard let type = Bestandstype.met(mediatype: document.mediatype) else {
                throw Weigering(description: "Document \(document.id.uuidString.lowercased()) heeft een onbekend mediatype (\(document.mediatype)).")
            }
            try await tekst("\(map)/\(documentmap)/\(naam).bestand.MDTO.xml", MDTO.bestand(
                kenmerk: document.id.uuidString.lowercased() + "-bestand", naam: naam, omvang: omvang,
                formaat: (type.formaatnaam, type.pronom(begin: begin)), sha256: sha, op: moment,
                representeert: (document.titel, document.id.uuidString.lowercased())
            ))
        }

        informatieobjecten += 1
        let stroom = DossierStream.id(of: dossier.id)
        try await tekst("\(map)/\(stroommap)/\(stroommap).MDTO.xml", MDTO.gebeurtenissen(dossier, categorie: categorie, archiefvormer: archiefvormer, bestandsnaam: "gebeurtenissen.jsonl"))
        let (omvang, sha) = try await bestand("\(map)/\(stroommap)/gebeurtenissen.jsonl") { uit in
            var na: Int64 = 0
            while true {
                let regels = try await service.store.exportLines(of: stroom, after: na, limit: 1000)
                guard !regels.isEmpty else { break }
                try await uit(Array(regels.joined().utf8))
                na += Int64(regels.count)
            }
        }
        try await tekst("\(map)/\(stroommap)/gebeurtenissen.jsonl.bestand.MDTO.xml", MDTO.bestand(
            kenmerk: kenmerk + "-gebeurtenissen-bestand", naam: "gebeurtenissen.jsonl", omvang: omvang,
            formaat: ("JSON Lines (JavaScript Object Notation)", "fmt/817"), sha256: sha, op: moment,
            representeert: ("Gebeurtenissen van \(kenmerk)", kenmerk + "-gebeurtenissen")
        ))

        // The keys of the stream's sealed texts and names: the record leaves Toedeling's custody, and
        // the e-Depot must read it without Toedeling (the chain stays verifiable over the sealed bytes).
        let sleutels = try await service.sleutelsVoorOverdracht(dossier.id)
        if !sleutels.isEmpty {
            struct Sleutels: Encodable {
                struct Sleutel: Encodable { let id: String; let algoritme: String; let waarde: String }
                let uitleg: String
                let sleutels: [Sleutel]
            }
            let document = Sleutels(
                uitleg: "Velden van gebeurtenissen.jsonl in de vorm \"tdl:enc:1:<id>:<base64url>\" zijn versleuteld met AES-256-GCM onder de sleutel <id> "
                    + "(base64url van nonce (12 bytes), versleutelde tekst en tag (16 bytes); de id als associated data). De hashketen gaat over de versleutelde bytes.",
                sleutels: sleutels.map { .init(id: $0.id, algoritme: "AES-256-GCM", waarde: $0.sleutel.base64EncodedString()) }
            )
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let bytes = try encoder.encode(document)
            let (omvang, sha) = try await bestand("\(map)/\(stroommap)/sleutels.json") { uit in try await uit(Array(bytes)) }
            try await tekst("\(map)/\(stroommap)/sleutels.json.bestand.MDTO.xml", MDTO.bestand(
                kenmerk: kenmerk + "-sleutels-bestand", naam: "sleutels.json", omvang: omvang, formaat: ("JSON (JavaScript Object Notation)", "fmt/817"),
                sha256: sha, op: moment, representeert: ("Gebeurtenissen van \(kenmerk)", kenmerk + "-gebeurtenissen")
            ))
        }

        // The newest seal that holds this stream, cut to this stream's leaf and its proof: what the
        // e-Depot needs to check that the history it receives is the history that was sealed.
        if let zegel = try await service.zegelaar.laatste(),
           let index = zegel.stromen.firstIndex(where: { $0.stream == stroom }) {
            let bewijs = ZegelBewijs(zegel: zegel, index: index)
            let (omvang, sha) = try await bestand("\(map)/\(stroommap)/zegel.json") { uit in try await uit(Array(try bewijs.json())) }
            try await tekst("\(map)/\(stroommap)/zegel.json.bestand.MDTO.xml", MDTO.bestand(
                kenmerk: kenmerk + "-zegel-bestand", naam: "zegel.json", omvang: omvang, formaat: ("JSON (JavaScript Object Notation)", "fmt/817"),
                sha256: sha, op: moment, representeert: ("Gebeurtenissen van \(kenmerk)", kenmerk + "-gebeurtenissen")
            ))
        }

        try await tekst("pakbon.xml", Pakbon.xml(
            id: UUID().uuidString.lowercased(), naam: "Archiefpakket \(kenmerk) \(dossier.titel)", archiefvormer: archiefvormer,
            doel: opgenomenIn, moment: moment, informatieobjecten: informatieobjecten, bestanden: bestanden
        ))
        try await doel.sluit()
    }
}

/// Names as the SIP specification wants them: none of `< > : " / \ | ? * # &`, no space or control
/// character, at most 255 characters, unique within the delivery.
struct Namen {
    private var gebruikt: Set<String> = []

    static func schoon(_ naam: String) -> String {
        let verboden: Set<Character> = ["<", ">", ":", "\"", "/", "\\", "|", "?", "*", "#", "&", " "]
        var schoon = String(naam.map { teken in
            verboden.contains(teken) || teken.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) ? "_" : teken
        })
        if schoon.isEmpty || schoon.hasPrefix(".") { schoon = "bestand" + schoon }
        return schoon
    }

    /// `naam` cut to 255 characters (keeping its extension), made unique with `_2`, `_3`, ….
    mutating func uniek(_ naam: String) -> String {
        let punt = naam.lastIndex(of: ".").map { naam.distance(from: naam.startIndex, to: $0) } ?? naam.count
        let stam = String(naam.prefix(punt)), extensie = String(naam.dropFirst(punt))
        var nummer = 1
        while true {
            let achtervoegsel = nummer == 1 ? "" : "_\(nummer)"
            let ruimte = max(1, 255 - extensie.count - achtervoegsel.count - 15)
            let kandidaat = String(stam.prefix(ruimte)) + achtervoegsel + String(extensie.prefix(20))
            if gebruikt.insert(kandidaat.lowercased()).inserted { return kandidaat }
            nummer += 1
        }
    }
}

/// The packing slip.
enum Pakbon {
    static func xml(
        id: String, naam: String, archiefvormer: MDTO.Archiefvormer, doel: String, moment: Date, informatieobjecten: Int,
        bestanden: [(pad: String, omvang: Int64, sha256: String)]
    ) -> String {
        let e = MDTO.e
        let gegevens = bestanden.filter { !$0.pad.hasSuffix(".MDTO.xml") }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<pakbon xmlns=\"urn:toedeling:pakbon:1\">"
        xml += e("id", id) + e("naam", naam) + e("doellocatie", doel)
        xml += "<archiefvormer>" + e("naam", archiefvormer.naam) + e("oin", archiefvormer.oin) + "</archiefvormer>"
        xml += e("contact", "Functioneel beheer Toedeling, Ministerie van BZK") + e("aangemaaktOp", MDTO.moment(moment))
        xml += e("aantalInformatieobjecten", String(informatieobjecten)) + e("aantalBestanden", String(bestanden.count))
        xml += e("aantalGegevensbestanden", String(gegevens.count)) + e("omvangGegevensbestanden", String(gegevens.reduce(0) { $0 + $1.omvang }))
        xml += e("bijzonderheden", "Gegevensbestanden zijn de documenten (elke versie) en de hash-geketende eventstroom gebeurtenissen.jsonl; zie de MDTO-sidecars.")
        xml += "<bestanden>"
        for bestand in bestanden {
            xml += "<bestand>" + e("pad", bestand.pad) + e("omvang", String(bestand.omvang)) + e("sha256", bestand.sha256) + "</bestand>"
        }
        return xml + "</bestanden></pakbon>\n"
    }
}
