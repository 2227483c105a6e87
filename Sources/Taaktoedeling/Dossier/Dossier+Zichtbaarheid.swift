import Foundation

extension Dossier {
    /// The dossier as the actor may see it, or `nil` when the actor may not see it at all.
    ///
    /// A coordinator and a liaison see everything. A koepel sees only a dossier it was invited to in
    /// at least one round, and in a round that is still open only its own reactie; once a round is
    /// closed it sees every reactie of that round. Its `versie` is the number of events it may see
    /// and its `bijgewerktOp` the moment of the last of them, so its view (and its `ETag`) changes
    /// only when what it may see changes.
    public func zichtbaar(voor actor: Actor) -> Dossier? {
        switch actor.hoedanigheid {
        case .coordinator, .liaison:
            return self
        case .koepel(let koepel):
            guard uitgenodigdeKoepels.contains(koepel) else { return nil }
            var beperkt = self
            var verborgen: Int64 = 0
            for index in beperkt.consultaties.indices where beperkt.consultaties[index].status == .open {
                let voor = beperkt.consultaties[index].reacties.count
                beperkt.consultaties[index].reacties.removeAll { $0.koepel != koepel }
                verborgen += Int64(voor - beperkt.consultaties[index].reacties.count)
            }
            verborgen += Int64((documenten ?? []).count { !$0.zichtbaar(voor: koepel, in: self) })
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
    /// `intern` says whether an entry is of an internal document, which a koepel never sees (but the
    /// koepel whose letter it is).
    public static func zichtbaar(
        _ regels: [TijdlijnRegel], van dossier: Dossier, voor actor: Actor, reactieVan: (TijdlijnRegel) -> (ronde: Int, koepel: Koepel)?,
        intern: (TijdlijnRegel) -> Bool = { _ in false }
    ) -> [TijdlijnRegel] {
        guard actor.rol == .koepel else { return regels }
        let open = Set(dossier.consultaties.filter { $0.status == .open }.map(\.ronde))
        return regels.filter { regel in
            let reactie = reactieVan(regel)
            if intern(regel) { return reactie?.koepel == actor.koepel && reactie != nil }
            guard let reactie else { return true }
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
        if case .documentToegevoegd(let document) = self { return document.zichtbaar(voor: koepel, in: dossier) }
        if let ander = reactieKoepel, ander != koepel { return false }
        return true
    }
}

extension DocumentToegevoegd {
    /// Whether `koepel` may see this document in `dossier` (see `Document.zichtbaar(voor:in:)`).
    public func zichtbaar(voor koepel: Koepel, in dossier: Dossier) -> Bool {
        Document.zichtbaar(vertrouwelijkheid: vertrouwelijkheid, reactie: reactie, voor: koepel, in: dossier)
    }
}

extension Document {
    /// Whether `actor` may see this document of `dossier` (which it may see): a coordinator always;
    /// a reactie letter by the reactie's own rule (the koepel that sent it, and once its round is
    /// closed liaisons and the other invited koepels, an internal one never a koepel); any other
    /// document a liaison always and a koepel when it is `openbaar`.
    public func zichtbaar(voor actor: Actor, in dossier: Dossier) -> Bool {
        switch actor.hoedanigheid {
        case .coordinator:
            return true
        case .liaison:
            guard let reactie else { return true }
            return dossier.consultaties.first { $0.ronde == reactie.ronde }?.status != .open
        case .koepel(let koepel):
            guard dossier.uitgenodigdeKoepels.contains(koepel) else { return false }
            return zichtbaar(voor: koepel, in: dossier)
        }
    }

    /// Whether `koepel` (invited to the dossier) may see this document.
    public func zichtbaar(voor koepel: Koepel, in dossier: Dossier) -> Bool {
        Self.zichtbaar(vertrouwelijkheid: vertrouwelijkheid, reactie: reactie, voor: koepel, in: dossier)
    }

    static func zichtbaar(vertrouwelijkheid: Vertrouwelijkheid, reactie: ReactieVerwijzing?, voor koepel: Koepel, in dossier: Dossier) -> Bool {
        if let reactie {
            if reactie.koepel == koepel { return true }
            let open = dossier.consultaties.first { $0.ronde == reactie.ronde }?.status == .open
            return !open && vertrouwelijkheid == .openbaar
        }
        return vertrouwelijkheid == .openbaar
    }
}

extension Dossier {
    /// The documents `actor` may see, the newest version of each, in order of their first version.
    public func documenten(voor actor: Actor) -> [Document] {
        guard zichtbaar(voor: actor) != nil else { return [] }
        let alle = documenten ?? []
        let vervangen = Set(alle.compactMap(\.vervangt))
        return alle.filter { !vervangen.contains($0.id) && $0.zichtbaar(voor: actor, in: self) }
            .sorted { eersteVersie(van: $0).toegevoegdOp < eersteVersie(van: $1).toegevoegdOp }
    }

    /// The document version with this id if `actor` may see it, with every version of its document
    /// (oldest first) that `actor` may see.
    public func document(_ id: UUID, voor actor: Actor) -> (document: Document, versies: [Document])? {
        guard zichtbaar(voor: actor) != nil, let document = documenten?.first(where: { $0.id == id }),
              document.zichtbaar(voor: actor, in: self)
        else { return nil }
        return (document, versies(van: document).filter { $0.zichtbaar(voor: actor, in: self) })
    }

    /// Every version of the document `document` belongs to, oldest first.
    public func versies(van document: Document) -> [Document] {
        let alle = documenten ?? []
        var keten = [eersteVersie(van: document)]
        while let volgende = alle.first(where: { $0.vervangt == keten.last?.id }) { keten.append(volgende) }
        return keten
    }

    private func eersteVersie(van document: Document) -> Document {
        var eerste = document
        while let vorige = eerste.vervangt, let gevonden = documenten?.first(where: { $0.id == vorige }) { eerste = gevonden }
        return eerste
    }
}
