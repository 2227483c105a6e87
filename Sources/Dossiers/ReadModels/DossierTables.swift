/// The names of the tables one projection run writes into: the live ones, or fresh ones a rebuild
/// fills before it swaps them in.
struct DossierTables: Sendable {
    /// The current-state table.
    let dossiers: String
    /// The timeline table.
    let tijdlijn: String
    /// The rendered views.
    let weergaven: String
    /// The linked Kamerstukken.
    let kamerstukken: String
    /// The rendered Kamerstukken of each dossier, in parts.
    let delen: String

    /// The tables readers use.
    static let live = DossierTables(
        dossiers: "dossiers", tijdlijn: "dossier_tijdlijn", weergaven: "dossier_weergaven", kamerstukken: "dossier_kamerstukken",
        delen: "dossier_kamerstukken_delen"
    )
    /// The tables a rebuild fills before the swap.
    static let herbouw = DossierTables(
        dossiers: "dossiers_herbouw", tijdlijn: "dossier_tijdlijn_herbouw", weergaven: "dossier_weergaven_herbouw",
        kamerstukken: "dossier_kamerstukken_herbouw", delen: "dossier_kamerstukken_delen_herbouw"
    )
}
