import Foundation

/// One dossier in the *stand van zaken* report.
public struct StandVanZakenRij: Codable, Sendable, Equatable, Hashable {
    /// The dossier's kenmerk.
    public var kenmerk: Kenmerk
    /// Title.
    public var titel: String
    /// The proposing ministry.
    public var vakdepartement: String
    /// The fase.
    public var fase: Fase
    /// The moment of the last milestone: opening, a round opened or closed, an assessment, a UDO
    /// requested or completed, a decision, a withdrawal or a reopening (not edits, reacties,
    /// financial consequences or Kamerstukken).
    public var laatsteMijlpaal: Date
    /// Per koepel (VNG, IPO, UvW) the state of its reactie in the latest round it was invited to.
    public var reacties: [KoepelReactie]
    /// The UDO state.
    public var udo: UdoStand
    /// The advice's first choice, once assessed.
    public var geadviseerdeBestuurslaag: Bestuurslaag?
    /// The chosen layer, once decided.
    public var gekozenBestuurslaag: Bestuurslaag?
    /// Whether the decision deviates from the advice.
    public var afwijkingVanAdvies: Bool
    /// The numbers of the linked Kamerstukken, in order of linking.
    public var kamerstukken: [String]
    /// Kept or destroyed, once a selectielijst category is recorded.
    public var archiefnominatie: Waardering?
    /// When the dossier is due for transfer or destruction, once a category is recorded.
    public var archiefactiedatum: Kalenderdatum?

    /// The row for a dossier (as folded to the peildatum).
    public init(dossier: Dossier) {
        kenmerk = dossier.kenmerk
        titel = dossier.titel
        vakdepartement = dossier.vakdepartement
        fase = dossier.fase
        var mijlpalen = [dossier.geopendOp]
        for consultatie in dossier.consultaties {
            mijlpalen.append(consultatie.geopendOp)
            if let gesloten = consultatie.geslotenOp { mijlpalen.append(gesloten) }
        }
        mijlpalen += [dossier.toetsing?.vastgelegdOp, dossier.udo?.aangevraagdOp, dossier.udo?.afgerondOp,
                      dossier.besluit?.vastgelegdOp, dossier.intrekking?.ingetrokkenOp].compactMap { $0 }
        mijlpalen += dossier.heropeningen.map(\.heropendOp)
        laatsteMijlpaal = mijlpalen.max() ?? dossier.geopendOp
        reacties = Koepel.allCases.map { koepel in
            guard let ronde = dossier.consultaties.last(where: { $0.koepels.contains(koepel) }) else {
                return KoepelReactie(koepel: koepel, stand: .nietUitgenodigd)
            }
            guard let reactie = ronde.reactie(van: koepel) else { return KoepelReactie(koepel: koepel, stand: .ontbreekt) }
            return KoepelReactie(koepel: koepel, stand: reactie.teLaat ? .teLaat : .ontvangen)
        }
        udo = UdoStand(dossier.udo)
        geadviseerdeBestuurslaag = dossier.toetsing?.advies.bestuurslaag
        gekozenBestuurslaag = dossier.besluit?.bestuurslaag
        afwijkingVanAdvies = dossier.besluit?.afwijkingVanAdvies ?? false
        kamerstukken = dossier.kamerstukken.map(\.nummer)
        archiefnominatie = dossier.archiefgegevens?.archiefnominatie
        archiefactiedatum = dossier.archiefgegevens?.archiefactiedatum
    }

    /// The reactie state of one koepel.
    public func reactie(van koepel: Koepel) -> ReactieStand {
        reacties.first { $0.koepel == koepel }?.stand ?? .nietUitgenodigd
    }
}
