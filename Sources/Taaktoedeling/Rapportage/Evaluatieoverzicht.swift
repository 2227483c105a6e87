import Foundation

/// The overview for the four-yearly evaluation of the beleidskader, over dossiers as recorded.
public struct Evaluatieoverzicht: Codable, Sendable, Equatable, Hashable {
    /// The number of dossiers counted.
    public var aantalDossiers: Int
    /// Dossiers with a new task.
    public var nieuweTaken: Int
    /// Dossiers with an existing task.
    public var bestaandeTaken: Int
    /// Existing tasks per cause (every cause listed, also with zero).
    public var bestaandeTakenPerAanleiding: [String: Int]
    /// Assessed dossiers per advised layer (every layer listed).
    public var perGeadviseerdeBestuurslaag: [LaagTelling]
    /// Decided dossiers per chosen layer (every layer listed).
    public var perGekozenBestuurslaag: [LaagTelling]
    /// The kenmerken of decided dossiers whose decision deviates from the advice, sorted.
    public var afwijkingenVanAdvies: [Kenmerk]
    /// Completed UDOs per outcome (every outcome listed).
    public var udosAfgerond: [String: Int]
    /// The number of reacties received.
    public var aantalReacties: Int
    /// Of which after the termijn.
    public var aantalReactiesTeLaat: Int
    /// Mean days from opening a round to a reactie, rounded to one decimal; nil without reacties.
    public var gemiddeldeReactietijdDagen: Double?
    /// Median of the same; nil without reacties.
    public var mediaanReactietijdDagen: Double?

    /// The overview over the given dossiers.
    public init(dossiers: [Dossier]) {
        aantalDossiers = dossiers.count
        nieuweTaken = dossiers.count { $0.nieuweTaak }
        bestaandeTaken = dossiers.count { !$0.nieuweTaak }
        bestaandeTakenPerAanleiding = Dictionary(uniqueKeysWithValues: Aanleiding.allCases.map { aanleiding in
            (aanleiding.rawValue, dossiers.count { !$0.nieuweTaak && $0.aanleiding == aanleiding })
        })
        perGeadviseerdeBestuurslaag = Bestuurslaag.allCases.map { laag in
            LaagTelling(bestuurslaag: laag, aantal: dossiers.count { $0.toetsing?.advies.bestuurslaag == laag })
        }
        perGekozenBestuurslaag = Bestuurslaag.allCases.map { laag in
            LaagTelling(bestuurslaag: laag, aantal: dossiers.count { $0.besluit?.bestuurslaag == laag })
        }
        afwijkingenVanAdvies = dossiers.filter { $0.besluit?.afwijkingVanAdvies == true }.map(\.kenmerk).sorted()
        udosAfgerond = Dictionary(uniqueKeysWithValues: UdoUitkomst.allCases.map { uitkomst in
            (uitkomst.rawValue, dossiers.count { $0.udo?.status == .afgerond && $0.udo?.uitkomst == uitkomst })
        })
        let reacties = dossiers.flatMap(\.consultaties).flatMap { ronde in ronde.reacties.map { (ronde.geopendOp, $0) } }
        aantalReacties = reacties.count
        aantalReactiesTeLaat = reacties.count { $0.1.teLaat }
        let dagen = reacties.map { $0.1.ingediendOp.timeIntervalSince($0.0) / 86_400 }.sorted()
        if dagen.isEmpty {
            gemiddeldeReactietijdDagen = nil
            mediaanReactietijdDagen = nil
        } else {
            gemiddeldeReactietijdDagen = Self.eenDecimaal(dagen.reduce(0, +) / Double(dagen.count))
            let midden = dagen.count / 2
            mediaanReactietijdDagen = Self.eenDecimaal(dagen.count % 2 == 1 ? dagen[midden] : (dagen[midden - 1] + dagen[midden]) / 2)
        }
    }

    private static func eenDecimaal(_ waarde: Double) -> Double {
        (waarde * 10).rounded() / 10
    }
}
