import Foundation

extension Beslissing {
    /// Applies one recorded event to the state. Total: it never fails; an event that refers to
    /// something absent (which a valid stream never contains) changes only `versie` and `bijgewerktOp`.
    ///
    /// - Parameters:
    ///   - state: the state before the event, `nil` before the first event.
    ///   - event: the event.
    ///   - version: the event's version in its stream (becomes `versie`).
    ///   - recordedAt: when the store recorded the event.
    public static func evolve(_ state: Dossier?, _ event: DossierEvent, version: Int64, recordedAt: Date) -> Dossier {
        if case .dossierGeopend(let geopend) = event {
            return Dossier(
                id: geopend.id, kenmerk: geopend.kenmerk, titel: geopend.titel, omschrijving: geopend.omschrijving,
                vakdepartement: geopend.vakdepartement, soort: geopend.soort, nieuweTaak: geopend.nieuweTaak,
                aanleiding: geopend.aanleiding, wettelijkeGrondslag: geopend.wettelijkeGrondslag,
                versie: version, geopendOp: recordedAt
            )
        }
        var dossier = state ?? Dossier.zonderOpening(geopendOp: recordedAt)
        dossier.versie = version
        dossier.bijgewerktOp = recordedAt
        switch event {
        case .dossierGeopend:
            break
        case .voorstelGewijzigd(let gewijzigd):
            let wijziging = gewijzigd.wijziging
            if let titel = wijziging.titel { dossier.titel = titel }
            if let omschrijving = wijziging.omschrijving { dossier.omschrijving = omschrijving }
            if let vakdepartement = wijziging.vakdepartement { dossier.vakdepartement = vakdepartement }
            if let soort = wijziging.soort { dossier.soort = soort }
            if let nieuweTaak = wijziging.nieuweTaak { dossier.nieuweTaak = nieuweTaak }
            if let aanleiding = wijziging.aanleiding { dossier.aanleiding = aanleiding }
            if let grondslag = wijziging.wettelijkeGrondslag { dossier.wettelijkeGrondslag = grondslag }
            for veld in wijziging.verwijderd ?? [] {
                switch veld {
                case "aanleiding": dossier.aanleiding = nil
                case "wettelijkeGrondslag": dossier.wettelijkeGrondslag = nil
                default: break
                }
            }
        case .consultatieGeopend(let geopend):
            dossier.consultaties.append(Consultatie(
                ronde: geopend.ronde, koepels: geopend.koepels, termijn: geopend.termijn, status: .open, geopendOp: recordedAt
            ))
        case .reactieIngediend(let reactie):
            if let index = dossier.consultaties.firstIndex(where: { $0.ronde == reactie.ronde }) {
                dossier.consultaties[index].reacties.append(Reactie(
                    koepel: reactie.koepel, standpunt: reactie.standpunt, toelichting: reactie.toelichting,
                    kenmerk: reactie.kenmerk, ingediendOp: recordedAt, teLaat: reactie.teLaat,
                    geregistreerdDoor: reactie.geregistreerdDoor
                ))
            }
        case .consultatieGesloten(let gesloten):
            if let index = dossier.consultaties.firstIndex(where: { $0.ronde == gesloten.ronde }) {
                dossier.consultaties[index].status = .gesloten
                dossier.consultaties[index].geslotenOp = recordedAt
            }
        case .kaderToetsingVastgelegd(let toetsing):
            dossier.toetsing = Toetsing(
                taakkenmerken: toetsing.taakkenmerken, toelichting: toetsing.toelichting, advies: toetsing.advies, vastgelegdOp: recordedAt
            )
        case .financieleGevolgenVastgelegd(let gevolgen):
            dossier.financieleGevolgen = FinancieleGevolgen(
                structureleKosten: gevolgen.structureleKosten, incidenteleKosten: gevolgen.incidenteleKosten,
                dekking: gevolgen.dekking, toelichting: gevolgen.toelichting, vastgelegdOp: recordedAt
            )
        case .udoAangevraagd(let aanvraag):
            dossier.udo = Udo(status: .aangevraagd, toelichting: aanvraag.toelichting, termijn: aanvraag.termijn, aangevraagdOp: recordedAt)
        case .udoAfgerond(let afgerond):
            if var udo = dossier.udo {
                udo.status = .afgerond
                udo.uitkomst = afgerond.uitkomst
                udo.samenvatting = afgerond.samenvatting
                udo.vindplaats = afgerond.vindplaats
                udo.afgerondOp = recordedAt
                dossier.udo = udo
            }
        case .besluitVastgelegd(let besluit):
            dossier.besluit = Besluit(
                bestuurslaag: besluit.bestuurslaag, motivering: besluit.motivering,
                afwijkingVanAdvies: besluit.afwijkingVanAdvies, geadviseerdeBestuurslaag: besluit.geadviseerdeBestuurslaag,
                vastgelegdOp: recordedAt
            )
        case .kamerstukGekoppeld(let kamerstuk):
            dossier.kamerstukken.append(Kamerstuk(nummer: kamerstuk.nummer, titel: kamerstuk.titel, datum: kamerstuk.datum, gekoppeldOp: recordedAt))
        case .dossierIngetrokken(let intrekking):
            dossier.intrekking = Intrekking(reden: intrekking.reden, ingetrokkenOp: recordedAt)
        case .dossierHeropend(let heropening):
            dossier.heropeningen.append(Heropening(
                aanleiding: heropening.aanleiding, toelichting: heropening.toelichting, heropendOp: recordedAt, vorigBesluit: dossier.besluit
            ))
            dossier.besluit = nil
        case .documentToegevoegd(let document):
            var documenten = dossier.documenten ?? []
            documenten.append(Document(
                id: document.documentId, versie: document.versie, titel: document.titel, documentsoort: document.documentsoort,
                bestandsnaam: document.bestandsnaam, mediatype: document.mediatype, omvang: document.omvang, sha256: document.sha256,
                vertrouwelijkheid: document.vertrouwelijkheid, reactie: document.reactie, vervangt: document.vervangt,
                toegevoegdOp: recordedAt, toegevoegdDoor: document.toegevoegdDoor
            ))
            dossier.documenten = documenten
        case .archiveringVastgelegd(let archivering):
            dossier.archiefcategorie = Archivering(categorie: archivering.categorie, vastgelegdOp: recordedAt)
        case .dossierOvergedragen(let overdracht):
            dossier.overdracht = Overdracht(ontvangstbevestiging: overdracht.ontvangstbevestiging, overgedragenOp: recordedAt)
        case .dossierVernietigd(let vernietigd):
            dossier.vernietiging = Vernietiging(lijst: vernietigd.lijst, vernietigdOp: recordedAt)
        }
        dossier.fase = dossier.afgeleideFase
        var zicht = dossier.zichtbaarGewijzigdOp ?? [:]
        if case .reactieIngediend(let reactie) = event {
            zicht[reactie.koepel.rawValue] = recordedAt
        } else if case .documentToegevoegd(let document) = event {
            // Only the koepels that may see the document see the dossier change.
            for koepel in Koepel.allCases where document.zichtbaar(voor: koepel, in: dossier) {
                zicht[koepel.rawValue] = recordedAt
            }
        } else {
            for koepel in Koepel.allCases { zicht[koepel.rawValue] = recordedAt }
        }
        dossier.zichtbaarGewijzigdOp = zicht
        return dossier
    }
}
