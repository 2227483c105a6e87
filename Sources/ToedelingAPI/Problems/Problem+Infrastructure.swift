import Dossiers
import Taaktoedeling

extension Problem {
    /// The problem for an error of the domain, the application service or the storage layer, or nil
    /// when the error is none of those.
    init?(infrastructureError error: any Error) {
        switch error {
        case let domainError as DomainError:
            self = Problem(domainError: domainError)
        case let invalid as InvalidInput:
            self = .invalidInput(invalid.problems)
        case DocumentUploadError.tooLarge(let maximum):
            self = .documentTooLarge(maximum: maximum)
        case DocumentUploadError.unsupportedType(let refusal):
            self = .unsupportedDocumentType(refusal.reden)
        case DocumentUploadError.invalid(let invalid):
            self = .invalidInput(invalid.problems, detail: "De upload is ongeldig. Er is niets opgeslagen.")
        case let fout as VernietigingError:
            switch fout {
            case .onbekend: self = .notFound(fout.description)
            case .ongeldigeLijst(let reden): self = .invalidInput([FieldProblem(name: "dossiers", reason: reden)])
            case .geenCoordinator, .eigenLijst: self = .forbidden(fout.description)
            case .alBeoordeeld, .alOpLijst: self = .conflict(fout.description)
            }
        case DocumentenVernietigd.vernietigd:
            self = Problem(title: "Gone", status: .gone, detail: "Dit dossier is vernietigd; zijn documenten bestaan niet meer.")
        case ServiceError.staleVersion(let current):
            self = .staleVersion(current: current)
        case ServiceError.commandIDReused:
            self = .idempotencyKeyReused
        case ServiceError.tooMuchContention:
            self = Problem(
                title: "Service Unavailable",
                status: .serviceUnavailable,
                detail: "Het dossier wordt nu door te veel verzoeken tegelijk gewijzigd; probeer het opnieuw.",
                headers: [.retryAfter: "1"]
            )
        default:
            switch StorageCondition(error) {
            case .commandAlreadyProcessed:
                self = .conflict(
                    "Dit verzoek is met deze Idempotency-Key al verwerkt; vraag de actuele stand van het dossier op."
                )
            case .kenmerkenUitgeput(let jaar):
                self = .conflict(
                    "De kenmerken van \(jaar) zijn op: er kunnen dit jaar niet meer dan 9999 dossiers worden geopend. Er is niets vastgelegd."
                )
            case .unavailable:
                self = .unavailable
            case .busy:
                self = .busy
            case nil:
                return nil
            }
        }
    }

    private init(domainError: DomainError) {
        switch domainError {
        case .ongeldigeInvoer(let invalid):
            self = .invalidInput(invalid.problems)
        case .nietToegestaan(let reason):
            self = .forbidden(reason)
        case .nietGevonden:
            self = .notFound()
        case .conflict(let reason):
            self = .conflict(reason)
        }
    }
}
