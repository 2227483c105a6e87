import Foundation

/// The decide/evolve pair of the dossier aggregate.
///
/// `decide` enforces every rule of the lifecycle, checked in this order:
/// 1. The command's own values are valid (`DossierCommand.invoerproblemen`) → `.ongeldigeInvoer`.
/// 2. `openen` only when there is no dossier yet, with a kenmerk supplied; every other command needs
///    a dossier → `.nietGevonden`. A koepel that was never invited does not see the dossier →
///    `.nietGevonden`.
/// 3. Roles → `.nietToegestaan`: a coordinator may do everything; a koepel only submit its own
///    reactie, in a round it was invited to; a liaison only link a Kamerstuk.
/// 4. Nothing is accepted after withdrawal.
/// 5. Per command (→ `.conflict`, or `.nietGevonden` for an unknown round):
///    - the proposal can be changed while the dossier is open (not decided, not withdrawn); an
///      existing task must keep an `aanleiding`;
///    - a consultation round can be opened when no round is open and the dossier is open; rounds are
///      numbered 1, 2, … (a round after the UDO is normal);
///    - a koepel reacts once per round, only if invited, only while the round is open; after the end
///      of the termijn day (Europe/Amsterdam) the reactie is accepted and marked `teLaat`; a
///      coordinator registering *namens* must name an invited koepel;
///    - a round can be closed once, while open;
///    - an assessment can be (re-)recorded while the dossier is open and no UDO is pending;
///    - financial consequences can be (re-)recorded while the dossier is open;
///    - a UDO can be requested while the dossier is open, none is pending and the latest assessment
///      advises a decentral layer (R9);
///    - a UDO outcome can be recorded only while a UDO is pending;
///    - a decision needs an open dossier, an assessment, no open round and no pending UDO; for a
///      decentral layer also a completed UDO and recorded financial consequences (art. 2 Fvw);
///      it is marked `afwijkingVanAdvies` when the layer differs from the advice's first choice,
///      and its motivering is never empty;
///    - a Kamerstuk can be linked in any fase but withdrawn, once per number;
///    - withdrawal only from an open fase (a decided dossier is reopened first);
///    - reopening only from `besloten`, with an `aanleiding`.
public enum Beslissing {
    /// Decides which events a command produces on the given state, or why it is refused.
    ///
    /// - Parameters:
    ///   - state: the current dossier, `nil` when the stream does not exist.
    ///   - command: what is asked.
    ///   - actor: who asks.
    ///   - now: the moment of deciding; pass the same instant the events will be recorded with.
    ///   - kenmerk: the kenmerk drawn for `openen` (ignored otherwise).
    public static func decide(
        _ state: Dossier?, _ command: DossierCommand, by actor: Actor, at now: Date, kenmerk: Kenmerk?
    ) throws(DomainError) -> [DossierEvent] {
        let problemen = command.invoerproblemen
        if !problemen.isEmpty { throw .ongeldigeInvoer(InvalidInput(problems: problemen)) }

        if case .openen(let id, let voorstel) = command {
            guard command.kind.rollen.contains(actor.rol) else { throw .nietToegestaan("Alleen een coördinator kan een dossier openen.") }
            guard state == nil else { throw .conflict("Het dossier bestaat al.") }
            guard let kenmerk else { throw .ongeldigeInvoer(InvalidInput("kenmerk", "is niet toegekend")) }
            return [.dossierGeopend(DossierGeopend(id: id, kenmerk: kenmerk, voorstel: voorstel))]
        }
        guard let dossier = state else { throw .nietGevonden }
        try controleerRol(van: actor, voor: command, op: dossier)
        if dossier.vernietiging != nil {
            throw .conflict("Het dossier is vernietigd; er wordt niets meer aanvaard.")
        }
        if let overdracht = dossier.overdracht {
            throw .conflict("Het dossier is overgedragen aan het e-Depot (ontvangstbevestiging \(overdracht.ontvangstbevestiging)); het kan niet meer worden gewijzigd.")
        }
        let archief = command.kind == .legArchiveringVast || command.kind == .draagOver
        if let intrekking = dossier.intrekking, !archief {
            throw .conflict("Het dossier is ingetrokken (\(intrekking.reden)); er wordt niets meer aanvaard.")
        }
        return try besluitOver(command, op: dossier, door: actor, op: now)
    }

    /// What refuses a command on an existing dossier whatever version the client last saw: its own
    /// values (`.ongeldigeInvoer`), a dossier or consultation round that does not exist for the actor
    /// (`.nietGevonden`), a role that may not (`.nietToegestaan`). A precondition such as `If-Match`
    /// is evaluated only after these (RFC 9110 §13.2.1: failures found before the request is
    /// processed take precedence); `decide` makes the same checks.
    public static func controleerVooraf(_ state: Dossier?, _ command: DossierCommand, by actor: Actor) throws(DomainError) {
        let problemen = command.invoerproblemen
        if !problemen.isEmpty { throw .ongeldigeInvoer(InvalidInput(problems: problemen)) }
        guard let dossier = state else { throw .nietGevonden }
        try controleerRol(van: actor, voor: command, op: dossier)
        switch command {
        case .dienReactieIn(let ronde, _, _, _, _), .sluitConsultatie(let ronde):
            guard dossier.consultaties.contains(where: { $0.ronde == ronde }) else { throw .nietGevonden }
        default:
            break
        }
    }

    /// Who may do what (`DossierCommandKind.rollen`), after who may see what: a dossier the actor
    /// may not see (`Dossier.zichtbaar(voor:)`) is unknown to it.
    private static func controleerRol(van actor: Actor, voor command: DossierCommand, op dossier: Dossier) throws(DomainError) {
        guard dossier.zichtbaar(voor: actor) != nil else { throw .nietGevonden }
        guard command.kind.rollen.contains(actor.rol) else {
            switch actor.rol {
            case .koepel: throw .nietToegestaan("Een koepel kan alleen een eigen bestuurlijke reactie indienen.")
            case .liaison: throw .nietToegestaan("Een liaison kan alleen een Kamerstuk koppelen.")
            case .coordinator: throw .nietToegestaan("Deze rol mag dit niet doen.")
            }
        }
        if case .koepel(let koepel) = actor.hoedanigheid, case .voegDocumentToe(let document) = command {
            guard let reactie = document.metadata.reactie else {
                throw .nietToegestaan("Een koepel kan alleen de brief bij de eigen bestuurlijke reactie toevoegen.")
            }
            guard reactie.koepel == koepel else {
                throw .nietToegestaan("\(koepel.rawValue) kan geen brief toevoegen bij de reactie van \(reactie.koepel.rawValue).")
            }
        }
        guard case .koepel(let koepel) = actor.hoedanigheid, case .dienReactieIn(let ronde, let genoemd, _, _, _) = command else { return }
        if let genoemd, genoemd != koepel {
            throw .nietToegestaan("\(koepel.rawValue) kan geen reactie indienen namens \(genoemd.rawValue).")
        }
        if let consultatie = dossier.consultaties.first(where: { $0.ronde == ronde }), !consultatie.koepels.contains(koepel) {
            throw .nietToegestaan("\(koepel.rawValue) is niet uitgenodigd voor consultatieronde \(ronde).")
        }
    }

    private static func besluitOver(_ command: DossierCommand, op dossier: Dossier, door actor: Actor, op now: Date) throws(DomainError) -> [DossierEvent] {
        switch command {
        case .openen:
            throw .conflict("Het dossier bestaat al.")

        case .wijzigVoorstel(let gevraagd):
            try vereisOpen(dossier, "het voorstel worden gewijzigd")
            let wijziging = gevraagd.verschil(met: dossier)
            let nieuweTaak = wijziging.nieuweTaak ?? dossier.nieuweTaak
            let aanleidingBlijft = wijziging.verwijderd?.contains("aanleiding") != true
            if !nieuweTaak && (wijziging.aanleiding ?? (aanleidingBlijft ? dossier.aanleiding : nil)) == nil {
                throw .ongeldigeInvoer(InvalidInput("aanleiding", "is verplicht voor een bestaande taak (wetsevaluatie, politiekeAfspraak of motie)"))
            }
            // A change to what the dossier already says records nothing.
            guard !wijziging.gewijzigdeVelden.isEmpty else { return [] }
            return [.voorstelGewijzigd(VoorstelGewijzigd(wijziging: wijziging))]

        case .openConsultatie(let koepels, let termijn):
            try vereisOpen(dossier, "een consultatieronde worden geopend")
            if let open = dossier.openConsultatie {
                throw .conflict("Consultatieronde \(open.ronde) is nog open; er kan maar één ronde tegelijk open zijn.")
            }
            let ronde = (dossier.consultaties.map(\.ronde).max() ?? 0) + 1
            return [.consultatieGeopend(ConsultatieGeopend(ronde: ronde, koepels: koepels.sorted(), termijn: termijn))]

        case .dienReactieIn(let ronde, let genoemd, let standpunt, let toelichting, let kenmerk):
            guard let consultatie = dossier.consultaties.first(where: { $0.ronde == ronde }) else { throw .nietGevonden }
            let koepel: Koepel
            if case .koepel(let eigen) = actor.hoedanigheid {
                koepel = eigen
            } else if let genoemd {
                koepel = genoemd
            } else {
                throw .ongeldigeInvoer(InvalidInput("koepel", "is verplicht wanneer een coördinator een reactie namens een koepel registreert"))
            }
            guard consultatie.koepels.contains(koepel) else {
                throw .conflict("\(koepel.rawValue) is niet uitgenodigd voor consultatieronde \(ronde).")
            }
            guard consultatie.status == .open else { throw .conflict("De consultatieronde \(ronde) is al gesloten.") }
            if consultatie.reactie(van: koepel) != nil {
                throw .conflict("\(koepel.rawValue) heeft in consultatieronde \(ronde) al gereageerd.")
            }
            let teLaat = now >= AmsterdamseTijd.eindeVan(consultatie.termijn)
            return [.reactieIngediend(ReactieIngediend(
                ronde: ronde, koepel: koepel, standpunt: standpunt, toelichting: toelichting,
                kenmerk: kenmerk, teLaat: teLaat, geregistreerdDoor: actor.naam
            ))]

        case .sluitConsultatie(let ronde):
            guard let consultatie = dossier.consultaties.first(where: { $0.ronde == ronde }) else { throw .nietGevonden }
            guard consultatie.status == .open else { throw .conflict("De consultatieronde \(ronde) is al gesloten.") }
            return [.consultatieGesloten(ConsultatieGesloten(ronde: ronde))]

        case .legToetsingVast(let taakkenmerken, let toelichting):
            try vereisOpen(dossier, "een toetsing worden vastgelegd")
            if dossier.udo?.status == .aangevraagd {
                throw .conflict("Er loopt een UDO; de toetsing kan pas opnieuw worden vastgelegd als de UDO is afgerond.")
            }
            let advies = Afwegingskader.advies(voor: taakkenmerken)
            return [.kaderToetsingVastgelegd(KaderToetsingVastgelegd(taakkenmerken: taakkenmerken, toelichting: toelichting, advies: advies))]

        case .legFinancieleGevolgenVast(let structureel, let incidenteel, let dekking, let toelichting):
            try vereisOpen(dossier, "de financiële gevolgen worden vastgelegd")
            return [.financieleGevolgenVastgelegd(FinancieleGevolgenVastgelegd(
                structureleKosten: structureel, incidenteleKosten: incidenteel, dekking: dekking, toelichting: toelichting
            ))]

        case .vraagUdoAan(let toelichting, let termijn):
            try vereisOpen(dossier, "een UDO worden aangevraagd")
            if dossier.udo?.status == .aangevraagd { throw .conflict("Er loopt al een UDO.") }
            guard let toetsing = dossier.toetsing else {
                throw .conflict("Er is nog geen toetsing aan het afwegingskader vastgelegd; een UDO kan pas worden aangevraagd als het advies een decentrale bestuurslaag is.")
            }
            guard toetsing.advies.udoVereist else {
                throw .conflict("Het laatste advies (\(toetsing.advies.bestuurslaag.weergave)) is geen decentrale bestuurslaag; een UDO kan alleen worden aangevraagd bij een decentraal advies (R9).")
            }
            return [.udoAangevraagd(UdoAangevraagd(toelichting: toelichting, termijn: termijn))]

        case .legUdoUitkomstVast(let uitkomst, let samenvatting, let vindplaats):
            guard dossier.udo?.status == .aangevraagd else { throw .conflict("Er is geen UDO aangevraagd waarvan de uitkomst kan worden vastgelegd.") }
            return [.udoAfgerond(UdoAfgerond(uitkomst: uitkomst, samenvatting: samenvatting, vindplaats: vindplaats))]

        case .legBesluitVast(let bestuurslaag, let motivering):
            if dossier.besluit != nil { throw .conflict("Er is al een besluit vastgelegd; heropen het dossier om opnieuw te besluiten.") }
            guard let toetsing = dossier.toetsing else { throw .conflict("Er is nog geen toetsing aan het afwegingskader vastgelegd; een besluit vereist een toetsing.") }
            if let open = dossier.openConsultatie { throw .conflict("Consultatieronde \(open.ronde) is nog open; sluit die eerst.") }
            if dossier.udo?.status == .aangevraagd { throw .conflict("Er loopt nog een UDO; een besluit kan pas na afronding ervan.") }
            if bestuurslaag.isDecentraal {
                if dossier.udo?.status != .afgerond {
                    throw .conflict("Voor een decentrale bestuurslaag (\(bestuurslaag.weergave)) is eerst een afgeronde UDO nodig.")
                }
                if dossier.financieleGevolgen == nil {
                    throw .conflict("Voor een decentrale bestuurslaag (\(bestuurslaag.weergave)) moeten eerst de financiële gevolgen zijn vastgelegd (artikel 2 Financiële-verhoudingswet).")
                }
            }
            let geadviseerd = toetsing.advies.bestuurslaag
            return [.besluitVastgelegd(BesluitVastgelegd(
                bestuurslaag: bestuurslaag, motivering: motivering,
                afwijkingVanAdvies: bestuurslaag != geadviseerd, geadviseerdeBestuurslaag: geadviseerd
            ))]

        case .koppelKamerstuk(let nummer, let titel, let datum):
            if dossier.kamerstukken.contains(where: { $0.nummer == nummer }) {
                throw .conflict("Kamerstuk \(nummer) is al aan dit dossier gekoppeld.")
            }
            return [.kamerstukGekoppeld(KamerstukGekoppeld(nummer: nummer, titel: titel, datum: datum))]

        case .trekIn(let reden):
            if dossier.besluit != nil { throw .conflict("Het dossier is besloten; heropen het eerst om het in te trekken.") }
            return [.dossierIngetrokken(DossierIngetrokken(reden: reden))]

        case .voegDocumentToe(let document):
            return [.documentToegevoegd(try documentToegevoegd(document, op: dossier, door: actor))]

        case .legArchiveringVast(let categorie):
            guard dossier.afloop != nil else {
                throw .conflict("Het dossier is nog niet besloten of ingetrokken (fase \(dossier.fase.weergave)); het kan pas daarna worden gearchiveerd.")
            }
            if dossier.archiefcategorie?.categorie == categorie { return [] }
            return [.archiveringVastgelegd(ArchiveringVastgelegd(categorie: categorie))]

        case .draagOver(let ontvangstbevestiging):
            guard let archief = dossier.archiefgegevens else {
                throw .conflict("Het dossier is nog niet besloten of ingetrokken; het kan niet worden overgedragen.")
            }
            guard archief.archiefnominatie == .blijvendBewaren else {
                throw .conflict(archief.archiefnominatie == nil
                    ? "Er is nog geen selectielijstcategorie vastgelegd; leg eerst de archivering vast."
                    : "Het dossier heeft archiefnominatie vernietigen; alleen een blijvend te bewaren dossier wordt overgedragen.")
            }
            return [.dossierOvergedragen(DossierOvergedragen(ontvangstbevestiging: ontvangstbevestiging))]

        case .heropen(let aanleiding, let toelichting):
            guard dossier.besluit != nil else { throw .conflict("Alleen een besloten dossier kan worden heropend; dit dossier is in fase \(dossier.fase.weergave).") }
            return [.dossierHeropend(DossierHeropend(aanleiding: aanleiding, toelichting: toelichting))]
        }
    }

    /// A document version: a letter only for an existing reactie (a koepel's own, while its round
    /// is open); a new version only of the newest version of a document of this dossier, and a
    /// koepel only of its own letter.
    private static func documentToegevoegd(_ document: DocumentToevoeging, op dossier: Dossier, door actor: Actor) throws(DomainError) -> DocumentToegevoegd {
        let documenten = dossier.documenten ?? []
        if documenten.contains(where: { $0.id == document.id }) { throw .conflict("Dit document bestaat al.") }
        if let reactie = document.metadata.reactie {
            guard let ronde = dossier.consultaties.first(where: { $0.ronde == reactie.ronde }) else {
                throw .conflict("Consultatieronde \(reactie.ronde) bestaat niet in dit dossier; een brief hoort bij een reactie.")
            }
            guard ronde.reactie(van: reactie.koepel) != nil else {
                throw .conflict("\(reactie.koepel.rawValue) heeft in consultatieronde \(reactie.ronde) (nog) geen reactie ingediend; een brief hoort bij een reactie.")
            }
            if actor.rol == .koepel && ronde.status != .open {
                throw .conflict("De consultatieronde \(reactie.ronde) is gesloten; de brief kan niet meer worden toegevoegd.")
            }
        }
        var versie = 1
        if let vervangt = document.metadata.vervangt {
            guard let vorige = documenten.first(where: { $0.id == vervangt }) else {
                throw .conflict("Het document dat vervangen zou worden (vervangt) is geen document van dit dossier.")
            }
            if let nieuwere = documenten.first(where: { $0.vervangt == vervangt }) {
                throw .conflict("Versie \(vorige.versie) van „\(vorige.titel)” is al vervangen door versie \(nieuwere.versie) (\(nieuwere.id.uuidString.lowercased())); vervang de nieuwste versie.")
            }
            if actor.rol == .koepel && vorige.reactie != document.metadata.reactie {
                throw .nietToegestaan("Een koepel kan alleen de eigen brief vervangen.")
            }
            versie = vorige.versie + 1
        }
        return DocumentToegevoegd(
            documentId: document.id, versie: versie, titel: document.metadata.titel, documentsoort: document.metadata.documentsoort,
            bestandsnaam: document.bestandsnaam, mediatype: document.type.mediatype, omvang: document.omvang, sha256: document.sha256,
            vertrouwelijkheid: document.metadata.vertrouwelijkheid, reactie: document.metadata.reactie, vervangt: document.metadata.vervangt,
            toegevoegdDoor: actor.naam
        )
    }

    private static func vereisOpen(_ dossier: Dossier, _ handeling: String) throws(DomainError) {
        if dossier.besluit != nil {
            throw .conflict("Het dossier is besloten; er kan pas weer \(handeling) na heropening.")
        }
    }
}

extension Beslissing {
    /// The destruction of a dossier on an approved vernietigingslijst (RECORDS.md): only a closed
    /// dossier with archiefnominatie vernietigen whose archiefactiedatum has come (`vandaag` or
    /// earlier), not transferred and not destroyed before.
    public static func vernietig(_ dossier: Dossier, lijst: UUID, vandaag: Kalenderdatum) throws(DomainError) -> DossierEvent {
        if dossier.vernietiging != nil { throw .conflict("Dossier \(dossier.kenmerk) is al vernietigd.") }
        if dossier.overdracht != nil { throw .conflict("Dossier \(dossier.kenmerk) is overgedragen aan het e-Depot; het wordt niet vernietigd.") }
        guard let archief = dossier.archiefgegevens else {
            throw .conflict("Dossier \(dossier.kenmerk) is nog niet besloten of ingetrokken; het kan niet worden vernietigd.")
        }
        switch archief.archiefnominatie {
        case nil: throw .conflict("Voor dossier \(dossier.kenmerk) is nog geen selectielijstcategorie vastgelegd.")
        case .blijvendBewaren?: throw .conflict("Dossier \(dossier.kenmerk) heeft archiefnominatie blijvend bewaren; het wordt niet vernietigd.")
        case .vernietigen?: break
        }
        guard let datum = archief.archiefactiedatum, datum <= vandaag else {
            throw .conflict("De archiefactiedatum van dossier \(dossier.kenmerk) (\(archief.archiefactiedatum?.description ?? "onbekend")) is nog niet gekomen.")
        }
        return .dossierVernietigd(DossierVernietigd(lijst: lijst))
    }
}

