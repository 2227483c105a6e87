import Postgres
import Testing

@Suite struct NotificationTests {
    @Test func aListenerReceivesANotificationWithItsPayload() async throws {
        try await TestDatabase.with { database in
            let listener = try database.connect()
            let sender = try database.connect()
            try listener.listen("dossier events")
            try sender.notify("dossier events", payload: "42")
            let notification = try listener.waitForNotification(timeout: .seconds(5))
            #expect(notification?.channel == "dossier events")
            #expect(notification?.payload == "42")
            #expect(notification?.senderProcessID == sender.backendProcessID)
        }
    }

    @Test func waitingWithoutNotificationsReturnsNilAfterTheTimeout() async throws {
        try await TestDatabase.with { database in
            let listener = try database.connect()
            try listener.listen("quiet")
            let started = ContinuousClock.now
            #expect(try listener.waitForNotification(timeout: .milliseconds(200)) == nil)
            #expect(ContinuousClock.now - started >= .milliseconds(190))
        }
    }

    @Test func aNotificationSentInsideATransactionArrivesOnlyAfterCommit() async throws {
        try await TestDatabase.with { database in
            let listener = try database.connect()
            let sender = try database.connect()
            try listener.listen("later")
            try sender.executeScript("BEGIN")
            try sender.notify("later")
            #expect(try listener.waitForNotification(timeout: .milliseconds(100)) == nil)
            try sender.executeScript("COMMIT")
            #expect(try listener.waitForNotification(timeout: .seconds(5))?.channel == "later")
        }
    }

    @Test func anAsynchronouslyCommittedNotificationArrivesWithItsPayload() async throws {
        try await TestDatabase.with { database in
            let listener = try database.connect()
            let sender = try database.connect()
            try listener.listen("async")
            try sender.notify("async", payload: "it's here", asynchronousCommit: true)
            #expect(!sender.isInTransaction)
            #expect(try listener.waitForNotification(timeout: .seconds(5))?.payload == "it's here")
        }
    }
}
