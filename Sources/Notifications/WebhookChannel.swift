import Dossiers
import EventStore
import Foundation
import Logging
import Postgres

/// The webhook channel's reader of the feed: for each batch of events it writes the outbox rows of
/// every subscription that takes them, in the transaction that moves its checkpoint, and tells the
/// delivering instances by NOTIFY (sent at commit). Run the returned subscription as a `Service`.
public enum WebhookChannel {
    /// The name of its checkpoint.
    public static let naam = "notificaties.webhooks"

    /// The feed subscription of the webhook channel. On its first start it begins at the feed's end,
    /// or before the oldest subscription's first transaction if that is earlier.
    public static func abonnement(
        store: EventStore, instellingen: NotificationSettings, pollInterval: Duration = .seconds(2), idleCheckpointInterval: Duration = .seconds(5),
        minimumInterval: Duration = .milliseconds(50), logger: Logger
    ) -> EventSubscription {
        let uitgifte = WebhookDispatch(instellingen: instellingen, volger: DossierStateFollower())
        return EventSubscription(
            name: naam, store: store, batchSize: 200, pollInterval: pollInterval, logger: logger,
            start: { connection in
                let einde = try EventStore.feedEnd(on: connection)
                let oudste = try connection.query("SELECT min(vanaf_tx) AS vanaf FROM abonnementen")[0].decodeIfPresent(UInt64.self, "vanaf")
                guard let oudste else { return einde }
                let ervoor = FeedCursor.before(transaction: oudste)
                guard let einde else { return ervoor }
                return min(einde, ervoor)
            },
            // Without a subscription that takes them, batches write nothing: their checkpoint waits.
            idleCheckpointInterval: idleCheckpointInterval,
            // A notification 50 ms later is as good; under load the feed is read in batches.
            minimumInterval: minimumInterval
        ) { connection, events in
            let doelen = try WebhookDispatch.doelen(on: connection)
            guard try uitgifte.verdeel(events, over: doelen, on: connection) > 0 else { return false }
            _ = try connection.query("SELECT pg_notify($1, 'webhooks')", [.text(WebhookDispatch.kanaal)])
            return true
        }
    }
}
