extension Dossier {
    /// The dossier as the actor may see it, or `nil` when the actor may not see it at all.
    ///
    /// A coordinator and a liaison see everything. A koepel sees only a dossier it was invited to in
    /// at least one round, and in a round that is still open only its own reactie; once a round is
    /// closed it sees every reactie of that round.
    public func zichtbaar(voor actor: Actor) -> Dossier? {
        switch actor.rol {
        case .coordinator, .liaison:
            return self
        case .koepel:
            guard let koepel = actor.koepel, uitgenodigdeKoepels.contains(koepel) else { return nil }
            var beperkt = self
            for index in beperkt.consultaties.indices where beperkt.consultaties[index].status == .open {
                beperkt.consultaties[index].reacties.removeAll { $0.koepel != koepel }
            }
            return beperkt
        }
    }
}
