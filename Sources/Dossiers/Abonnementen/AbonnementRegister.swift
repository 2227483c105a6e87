import EventStore
import Foundation
import Taaktoedeling

/// Webhook subscriptions as the front ends manage them: made, listed, shown with their delivery
/// state, removed, their delivery log, and a resend. The notifications module implements it
/// (`AbonnementStore`); the API and the CLI work with this, so neither needs to know how
/// deliveries are queued.
public protocol AbonnementRegister: Sendable {
    /// Makes a subscription after checking its callback target; returns it with the signing secret,
    /// which is shown this once. Throws `AbonnementError.callbackNietToegestaan` for a refused target.
    func create(_ verzoek: Abonnementverzoek, door: String) async throws -> (abonnement: Abonnement, geheim: String)
    /// Every subscription, oldest first, with its delivery state.
    func list() async throws -> [Abonnement]
    /// One subscription with its delivery state, nil when unknown.
    func abonnement(id: UUID) async throws -> Abonnement?
    /// Removes a subscription with its queue and log; false when unknown.
    func verwijder(id: UUID) async throws -> Bool
    /// A page (from 1) of the delivery log, newest attempt first, and how many attempts there are;
    /// nil when the subscription is unknown.
    func afleveringen(id: UUID, page: Int, pageSize: Int) async throws -> (pogingen: [DeliveryAttempt], totaal: Int)?
    /// Puts deliveries back in the queue and clears the failure state: with a cursor every event
    /// after it that the subscription takes, without one every dead-lettered delivery. Returns how
    /// many were queued.
    func opnieuw(id: UUID, na cursor: FeedCursor?) async throws -> Int
}
