import Foundation
import Postgres
import Dossiers

/// Turns any error of a command into the one line the operator sees after `toedeling-admin: `.
enum AdminFailure {
    static func message(for error: any Error) -> String {
        let message: String
        switch error {
        case let error as PostgresError where error.isConnectionLoss:
            message = "cannot reach PostgreSQL (\(error)); check DATABASE_URL or --database-url and that the server runs"
        case let error as ServiceError:
            message = describe(error)
        case is CancellationError:
            message = "cancelled"
        case let error as CustomStringConvertible:
            message = error.description
        default:
            message = String(describing: error)
        }
        return message.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    private static func describe(_ error: ServiceError) -> String {
        switch error {
        case .unreadableEvent(let position): "the stored event at position \(position) cannot be read by this version"
        case .staleVersion(let current): "the dossier changed meanwhile (now at version \(current))"
        case .tooMuchContention: "the dossier is too busy; try again"
        case .commandIDReused: "this command id was used before for other content"
        }
    }
}
