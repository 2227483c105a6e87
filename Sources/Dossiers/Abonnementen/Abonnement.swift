import Foundation
import Taaktoedeling

/// A webhook subscription with its delivery state.
public struct Abonnement: Sendable, Equatable {
    /// Its id.
    public let id: UUID
    /// Where deliveries are posted.
    public let callbackURL: String
    /// Whether an `Authorization` value is sent with each delivery (the value itself is never shown).
    public let metAuth: Bool
    /// The event types delivered; empty is all.
    public let types: [String]
    /// The dossiers whose events are delivered; empty is all.
    public let dossiers: [UUID]
    /// The koepel whose view limits the deliveries, if any.
    public let koepel: Koepel?
    /// Who created it.
    public let aangemaaktDoor: String
    /// When it was created.
    public let aangemaaktOp: Date
    /// The last delivery the receiver accepted.
    public let laatsteSucces: Date?
    /// Failed attempts in a row since the last success.
    public let mislukkingen: Int
    /// Since when deliveries have been failing, if they are.
    public let storingSinds: Date?
    /// When the next attempt is due, while deliveries are failing.
    public let volgendePoging: Date?
    /// The last failure (an HTTP status or the kind of error), while failing.
    public let laatsteFout: String?
    /// Deliveries waiting to be made.
    public let wachtend: Int
    /// Deliveries given up on (dead-lettered), waiting for a resend.
    public let doodgelegd: Int

    /// A subscription as read from its row.
    public init(
        id: UUID, callbackURL: String, metAuth: Bool, types: [String], dossiers: [UUID], koepel: Koepel?, aangemaaktDoor: String,
        aangemaaktOp: Date, laatsteSucces: Date?, mislukkingen: Int, storingSinds: Date?, volgendePoging: Date?, laatsteFout: String?,
        wachtend: Int, doodgelegd: Int
    ) {
        self.id = id
        self.callbackURL = callbackURL
        self.metAuth = metAuth
        self.types = types
        self.dossiers = dossiers
        self.koepel = koepel
        self.aangemaaktDoor = aangemaaktDoor
        self.aangemaaktOp = aangemaaktOp
        self.laatsteSucces = laatsteSucces
        self.mislukkingen = mislukkingen
        self.storingSinds = storingSinds
        self.volgendePoging = volgendePoging
        self.laatsteFout = laatsteFout
        self.wachtend = wachtend
        self.doodgelegd = doodgelegd
    }
}

/// One attempt in a subscription's delivery log.
public struct DeliveryAttempt: Sendable, Equatable {
    /// The event delivered.
    public let eventID: UUID
    /// The event's place in the feed (the CloudEvent `sequence`).
    public let sequence: String
    /// When the attempt started.
    public let tijdstip: Date
    /// The receiver's HTTP status, if it answered.
    public let httpStatus: Int?
    /// What went wrong, if it did.
    public let fout: String?
    /// How long the attempt took, in milliseconds.
    public let duurMs: Int
    /// An attempt as read from the log.
    public init(eventID: UUID, sequence: String, tijdstip: Date, httpStatus: Int?, fout: String?, duurMs: Int) {
        self.eventID = eventID
        self.sequence = sequence
        self.tijdstip = tijdstip
        self.httpStatus = httpStatus
        self.fout = fout
        self.duurMs = duurMs
    }

    /// Whether it counted as a delivery (2xx).
    public var geslaagd: Bool { httpStatus.map { (200..<300).contains($0) } ?? false }
}

/// What is wrong with a subscription request that the server refuses.
public enum AbonnementError: Error, Equatable, Sendable {
    /// The callback URL is not allowed, with the Dutch reason.
    case callbackNietToegestaan(String)
    /// No such subscription.
    case onbekend
    /// The cursor is not one from the feed.
    case ongeldigeCursor
}
