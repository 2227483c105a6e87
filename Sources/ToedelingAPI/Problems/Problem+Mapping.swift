import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

extension Problem {
    /// The problem a client sees for any error: known errors keep their meaning, anything else becomes a
    /// generic 500 without internal text.
    public init(mapping error: any Error) {
        switch error {
        case let problem as Problem:
            self = problem
        case is NIOTooManyBytesError:
            self = .contentTooLarge
        case is DecodingError:
            self = .undecodableBody()
        case let httpError as HTTPError:
            self = Problem(httpError: httpError)
        case let responseError as any HTTPResponseError where responseError.status.kind == .clientError:
            self = Problem(title: responseError.status.reasonPhrase, status: responseError.status, detail: responseError.status.reasonPhrase)
        default:
            self = Problem(infrastructureError: error) ?? .internalError
        }
    }

    private init(httpError: HTTPError) {
        switch httpError.status {
        case .notFound:
            self = .notFound()
        case .contentTooLarge:
            self = .contentTooLarge
        case .unsupportedMediaType:
            self = .unsupportedMediaType
        case .badRequest:
            self = .undecodableBody()
        case .unauthorized:
            self = .unauthenticated
        case let status where status.kind == .clientError:
            self = Problem(title: status.reasonPhrase, status: status, detail: status.reasonPhrase, headers: httpError.headers)
        case .serviceUnavailable:
            self = .unavailable
        default:
            self = .internalError
        }
    }
}
