import Dossiers
import Foundation
import HTTPTypes
import Hummingbird
import Rapportage
import Taaktoedeling

extension WebPages {
    static let rapportLezers: Set<Rol> = [.coordinator, .liaison]

    func addRapportRoutes(to router: WebRouter) {
        router.get("/rapportages/stand-van-zaken", use: standVanZaken)
        router.get("/rapportages/evaluatie", use: evaluatie)
    }

    /// The stand van zaken at `?peildatum=` (today when absent), on screen, or with `?formaat=csv`
    /// or `markdown` as a download.
    @Sendable func standVanZaken(_ request: Request, context: WebRequestContext) async throws -> Response {
        _ = try vereis(Self.rapportLezers, request, context)
        let invoer = request.uri.queryParameters.get("peildatum").map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
        let tekst = invoer.isEmpty ? Formatting.invoerDatum(vandaag) : Form.datum(invoer)
        var model = StandVanZakenPage(invoer: invoer.isEmpty ? tekst : invoer)
        let peildatum: Peildatum
        switch Peildatum.parse(tekst) {
        case .failure(let fout):
            let reden = Form.zin(fout.problems.first?.reason ?? "is geen datum")
            model.fout = reden
            model.formulier = ErrorSummaryModel(
                id: "peildatum-formulier",
                fouten: [.init(tekst: "Peildatum: " + Form.slot(fout.problems.first?.reason ?? "is geen datum"), veld: "peildatum")]
            )
            return weergave.pagina("stand-van-zaken", titel: "Stand van zaken – fout", model: model, context: context, status: .badRequest,
                                   actief: "/rapportages/stand-van-zaken")
        case .success(let gelezen):
            peildatum = gelezen
        }
        let gelezen = try await service.standVanZakenGelezen(peildatum: peildatum)
        let rapport = gelezen.report
        let bestand = "stand-van-zaken-" + peildatum.tekst.prefix(10)
        switch request.uri.queryParameters.get("formaat") {
        case "csv":
            return Self.download(rapport.csv(), type: "text/csv; charset=utf-8", naam: bestand + ".csv")
        case "markdown":
            return Self.download(rapport.markdown(), type: "text/markdown; charset=utf-8", naam: bestand + ".md")
        case nil:
            break
        default:
            throw WebError(status: .badRequest, kop: "Onbekend formaat", tekst: "Kies CSV of Markdown.")
        }
        let basis = "/rapportages/stand-van-zaken" + Self.query([("peildatum", peildatum.tekst)])
        model.rapport = .init(
            peildatum: Self.peildatumTekst(peildatum), compleetTot: Formatting.moment(gelezen.completeUpTo),
            aantalTekst: rapport.rijen.count == 1 ? "1 dossier" : "\(rapport.rijen.count) dossiers",
            csvHref: basis + "&formaat=csv", markdownHref: basis + "&formaat=markdown",
            rijen: rapport.rijen.map { rij in
                .init(
                    kenmerk: rij.kenmerk.description, titel: rij.titel, vakdepartement: rij.vakdepartement, fase: Formatting.fase(rij.fase),
                    mijlpaal: Formatting.moment(rij.laatsteMijlpaal), vng: rij.reactie(van: .VNG).weergave, ipo: rij.reactie(van: .IPO).weergave,
                    uvw: rij.reactie(van: .UvW).weergave, udo: rij.udo.weergave, advies: rij.geadviseerdeBestuurslaag?.weergave ?? "–",
                    besluit: rij.gekozenBestuurslaag?.weergave ?? "–", afwijking: rij.afwijkingVanAdvies,
                    kamerstukken: rij.kamerstukken.isEmpty ? "–" : rij.kamerstukken.joined(separator: ", ")
                )
            }
        )
        return weergave.pagina("stand-van-zaken", titel: "Stand van zaken", model: model, context: context, actief: "/rapportages/stand-van-zaken")
    }

    static func peildatumTekst(_ peildatum: Peildatum) -> String {
        if let datum = Kalenderdatum(peildatum.tekst) { return "einde van " + Formatting.datum(datum) }
        return Formatting.moment(peildatum.moment)
    }

    static func download(_ tekst: String, type: String, naam: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(naam)\""],
            body: ResponseBody(byteBuffer: ByteBuffer(string: tekst))
        )
    }

    @Sendable func evaluatie(_ request: Request, context: WebRequestContext) async throws -> Response {
        _ = try vereis(Self.rapportLezers, request, context)
        var periode: [EvaluatiePage.Veld] = []
        var fouten: [ErrorSummaryModel.Fout] = []
        var datums: [String: Kalenderdatum] = [:]
        for (naam, label) in [("van", "Geopend vanaf"), ("tot", "Geopend tot en met")] {
            let invoer = request.uri.queryParameters.get(naam).map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
            var veld = EvaluatiePage.Veld(id: naam, label: label, waarde: invoer)
            if !invoer.isEmpty {
                if let datum = Kalenderdatum(Form.datum(invoer)) {
                    datums[naam] = datum
                } else {
                    veld.fout = "Vul een datum in, bijvoorbeeld 31-12-2026."
                    fouten.append(.init(tekst: label + ": vul een datum in, bijvoorbeeld 31-12-2026.", veld: naam))
                }
            }
            periode.append(veld)
        }
        var model = EvaluatiePage(periode: periode)
        guard fouten.isEmpty else {
            model.formulier = ErrorSummaryModel(id: "periode", fouten: fouten)
            return weergave.pagina("evaluatie", titel: "Evaluatieoverzicht – fout", model: model, context: context, status: .badRequest,
                                   actief: "/rapportages/evaluatie")
        }
        let gelezen = try await service.evaluatieGelezen(van: datums["van"], tot: datums["tot"])
        let overzicht = gelezen.report
        func aantal(_ tellingen: [LaagTelling], _ laag: Bestuurslaag) -> Int {
            tellingen.first { $0.bestuurslaag == laag }?.aantal ?? 0
        }
        var cijfers: [TermWaarde] = [
            .init("Dossiers", String(overzicht.aantalDossiers)),
            .init("Nieuwe taken", String(overzicht.nieuweTaken)),
            .init("Bestaande taken", String(overzicht.bestaandeTaken)),
            .init("Afwijkingen van het advies", overzicht.afwijkingenVanAdvies.isEmpty ? "geen" : overzicht.afwijkingenVanAdvies.map(\.description).joined(separator: ", ")),
            // In the users' words and the order of the report's renderings (not the stored names).
            .init("Afgeronde UDO's", UdoUitkomst.allCases.map { "\($0.weergave): \(overzicht.udosAfgerond[$0.rawValue] ?? 0)" }.joined(separator: ", ")),
            .init("Reacties van koepels", "\(overzicht.aantalReacties), waarvan \(overzicht.aantalReactiesTeLaat) te laat"),
        ]
        if let gemiddeld = overzicht.gemiddeldeReactietijdDagen {
            cijfers.append(.init("Gemiddelde reactietijd", String(format: "%.1f dagen", gemiddeld).replacingOccurrences(of: ".", with: ",")))
        }
        if let mediaan = overzicht.mediaanReactietijdDagen {
            cijfers.append(.init("Mediane reactietijd", String(format: "%.1f dagen", mediaan).replacingOccurrences(of: ".", with: ",")))
        }
        cijfers.append(.init("Volledig tot", Formatting.moment(gelezen.completeUpTo)))
        model.overzicht = .init(
            cijfers: cijfers,
            lagen: Bestuurslaag.allCases.map { laag in
                .init(
                    laag: Formatting.hoofdletter(laag.weergave), geadviseerd: aantal(overzicht.perGeadviseerdeBestuurslaag, laag),
                    gekozen: aantal(overzicht.perGekozenBestuurslaag, laag))
            }
        )
        return weergave.pagina("evaluatie", titel: "Evaluatieoverzicht", model: model, context: context, actief: "/rapportages/evaluatie")
    }

    /// The stand van zaken: the peildatum asked, its problem, or the report with its downloads.
    struct StandVanZakenPage: PageModel {
        struct Rij: Encodable, Sendable {
            let kenmerk: String
            let titel: String
            let vakdepartement: String
            let fase: String
            let mijlpaal: String
            let vng: String
            let ipo: String
            let uvw: String
            let udo: String
            let advies: String
            let besluit: String
            let afwijking: Bool
            let kamerstukken: String
        }
        struct Rapport: Encodable, Sendable {
            let peildatum: String
            let compleetTot: String
            let aantalTekst: String
            let csvHref: String
            let markdownHref: String
            let rijen: [Rij]
        }
        let invoer: String
        var fout: String?
        var formulier: ErrorSummaryModel?
        var rapport: Rapport?
    }

    /// The evaluation overview: the period asked, its problems, or the figures.
    struct EvaluatiePage: PageModel {
        struct Veld: Encodable, Sendable {
            let id: String
            let label: String
            let waarde: String
            var fout: String?
        }
        struct Laag: Encodable, Sendable {
            let laag: String
            let geadviseerd: Int
            let gekozen: Int
        }
        struct Overzicht: Encodable, Sendable {
            let cijfers: [TermWaarde]
            let lagen: [Laag]
        }
        let periode: [Veld]
        var formulier: ErrorSummaryModel?
        var overzicht: Overzicht?
    }
}
