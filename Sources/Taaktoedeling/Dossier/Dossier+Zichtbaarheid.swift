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
