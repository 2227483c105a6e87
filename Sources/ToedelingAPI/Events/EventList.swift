/// The body of `GET /v1/dossiers/{id}/gebeurtenissen` and of the global feed: events, and for the feed
/// the cursor to continue from.
struct EventList: Encodable {
    let gebeurtenissen: [EventDocument]
    var volgende: String?
}
