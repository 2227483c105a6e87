import Foundation
@testable import Taaktoedeling

/// The lifecycle invariants (see `Beslissing`) as a checker: every violation as a sentence.
enum Invarianten {
    /// Violations of the invariants that hold for every state.
    static func schendingen(in dossier: Dossier) -> [String] {
        var fouten: [String] = []
        func eis(_ voorwaarde: Bool, _ melding: @autoclosure () -> String) {
            if !voorwaarde { fouten.append(melding()) }
        }
        eis(dossier.consultaties.count { $0.status == .open } <= 1, "more than one open round")
        eis(dossier.consultaties.map(\.ronde) == dossier.consultaties.indices.map { $0 + 1 }, "rounds not numbered 1…n")
        for ronde in dossier.consultaties {
            eis(!ronde.koepels.isEmpty && ronde.koepels == ronde.koepels.sorted() && Set(ronde.koepels).count == ronde.koepels.count, "round \(ronde.ronde) has a bad koepel list")
            eis(Set(ronde.reacties.map(\.koepel)).count == ronde.reacties.count, "round \(ronde.ronde) has two reacties of one koepel")
            eis(ronde.reacties.allSatisfy { ronde.koepels.contains($0.koepel) }, "round \(ronde.ronde) has a reactie of a koepel not invited")
            eis((ronde.status == .gesloten) == (ronde.geslotenOp != nil), "round \(ronde.ronde) closing time inconsistent")
            for reactie in ronde.reacties {
                eis(reactie.teLaat == (reactie.ingediendOp >= AmsterdamseTijd.eindeVan(ronde.termijn)), "reactie of \(reactie.koepel) has a wrong teLaat")
                if let gesloten = ronde.geslotenOp { eis(reactie.ingediendOp <= gesloten, "reactie after closing") }
            }
        }
        eis(dossier.fase == dossier.afgeleideFase, "fase \(dossier.fase) is not the derived \(dossier.afgeleideFase)")
        eis(dossier.nieuweTaak || dossier.aanleiding != nil, "existing task without aanleiding")
        eis(dossier.udo == nil || dossier.toetsing != nil, "UDO without assessment")
        eis(Set(dossier.kamerstukken.map(\.nummer)).count == dossier.kamerstukken.count, "a Kamerstuk linked twice")
        eis(dossier.intrekking == nil || dossier.fase == .ingetrokken, "withdrawn but fase \(dossier.fase)")
        for besluit in [dossier.besluit].compactMap({ $0 }) + dossier.heropeningen.compactMap(\.vorigBesluit) {
            eis(besluit.afwijkingVanAdvies == (besluit.bestuurslaag != besluit.geadviseerdeBestuurslaag), "afwijkingVanAdvies wrong")
            eis(!besluit.motivering.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "decision without motivering")
        }
        if let besluit = dossier.besluit {
            eis(dossier.toetsing != nil, "decision without assessment")
            eis(dossier.openConsultatie == nil, "decision with an open round")
            eis(dossier.udo?.status != .aangevraagd, "decision with a pending UDO")
            eis(besluit.geadviseerdeBestuurslaag == dossier.toetsing?.advies.bestuurslaag, "decision against another advice than the latest")
            if besluit.bestuurslaag.isDecentraal {
                eis(dossier.udo?.status == .afgerond, "decentral decision without completed UDO")
                eis(dossier.financieleGevolgen != nil, "decentral decision without financial consequences")
            }
        }
        return fouten
    }

    /// Violations of what a single accepted command may do, given the state before and after.
    static func schendingen(van command: DossierCommand, door actor: Actor, events: [DossierEvent], voor: Dossier?, na: Dossier) -> [String] {
        var fouten: [String] = []
        if voor?.intrekking != nil { fouten.append("accepted \(command.kind) after withdrawal") }
        if case .wijzigVoorstel(let wijziging) = command, let voor, wijziging.verschil(met: voor).gewijzigdeVelden.isEmpty {
            // A change to what the dossier already says records nothing, and changes nothing.
            if !events.isEmpty { fouten.append("an empty voorstel change produced \(events.count) events") }
            if na != voor { fouten.append("an empty voorstel change changed the state") }
            return fouten
        }
        if events.count != 1 { fouten.append("\(command.kind) produced \(events.count) events") }
        switch actor.rol {
        case .coordinator: break
        case .koepel:
            if case .reactieIngediend(let reactie) = events.first, reactie.koepel == actor.koepel {} else {
                fouten.append("a koepel caused \(events.map(\.type))")
            }
        case .liaison:
            if case .kamerstukGekoppeld = events.first {} else { fouten.append("a liaison caused \(events.map(\.type))") }
        }
        if case .udoAangevraagd = events.first, voor?.toetsing?.advies.udoVereist != true {
            fouten.append("UDO requested without decentral advice")
        }
        if case .kaderToetsingVastgelegd = events.first, voor?.udo?.status == .aangevraagd {
            fouten.append("assessment while a UDO was pending")
        }
        if case .consultatieGeopend = events.first, voor?.besluit != nil || voor?.openConsultatie != nil {
            fouten.append("round opened while decided or with a round open")
        }
        if case .dossierHeropend = events.first, voor?.fase != .besloten { fouten.append("reopened from \(String(describing: voor?.fase))") }
        if na.versie != (voor?.versie ?? 0) + Int64(events.count) { fouten.append("versie did not advance by the events") }
        return fouten
    }
}
