extension Dossier {
    /// The dossier as the actor may see it, or `nil` when the actor may not see it at all.
    ///
    /// A coordinator and a liaison see everything. A koepel sees only a dossier it was invited to in
    /// at least one round, and in a round that is still open only its own reactie; once a round is
    /// closed it sees every reactie of that round. Its `versie` is the number of events it may see
    /// and its `bijgewerktOp` the moment of the last of them, so its view (and its `ETag`) changes
    /// only when what it may see changes.
    public func zichtbaar(voor actor: Actor) -> Dossier? {
        switch actor.rol {
        case .coordinator, .liaison:
            return self
        case .koepel:
            guard let koepel = actor.koepel, uitgenodigdeKoepels.contains(koepel) else { return nil }
            var beperkt = self
            var verborgen: Int64 = 0
            for index in beperkt.consultaties.indices where beperkt.consultaties[index].status == .open {
                let voor = beperkt.consultaties[index].reacties.count
                beperkt.consultaties[index].reacties.removeAll { $0.koepel != koepel }
                verborgen += Int64(voor - beperkt.consultaties[index].reacties.count)
            }
            if verborgen > 0 {
                // Its version counts the events it may see, so another koepel's reactie moves neither
                // the version nor the moment of its view.
                beperkt.versie -= verborgen
                beperkt.bijgewerktOp = zichtbaarGewijzigdOp?[koepel.rawValue] ?? geopendOp
            }
            return beperkt
        }
    }
}

extension Tijdlijn {
    /// The timeline entries of `dossier` as `actor` may see them, by the same rule as the dossier
    /// itself: a koepel is not shown another koepel's reactie while its round is open, and its
    /// entries are numbered as the events it may see (like the `versie` of its view), so a gap never
    /// betrays a hidden one. `reactieVan` says, for an entry, the round and koepel of its reactie.
    public static func zichtbaar(
        _ regels: [TijdlijnRegel], van dossier: Dossier, voor actor: Actor, reactieVan: (TijdlijnRegel) -> (ronde: Int, koepel: Koepel)?
    ) -> [TijdlijnRegel] {
        guard actor.rol == .koepel else { return regels }
        let open = Set(dossier.consultaties.filter { $0.status == .open }.map(\.ronde))
        return regels.filter { regel in
            guard let reactie = reactieVan(regel) else { return true }
            return reactie.koepel == actor.koepel || !open.contains(reactie.ronde)
        }.enumerated().map { index, regel in
            var regel = regel
            regel.versie = Int64(index + 1)
            return regel
        }
    }
}

extension DossierEvent {
    /// Whether `koepel` may hear of this event (a koepel-scoped subscription), given the dossier as
    /// it is right after the event: only once the koepel is invited to the dossier (its invitation
    /// included), and never another koepel's reactie, which is given during an open round. After
    /// the round closes, the koepel hears of the closing and reads every reactie on the dossier.
    public func zichtbaar(voor koepel: Koepel, dossierNa dossier: Dossier) -> Bool {
        guard dossier.uitgenodigdeKoepels.contains(koepel) else { return false }
        if let ander = reactieKoepel, ander != koepel { return false }
        return true
    }
}
