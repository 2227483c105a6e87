import Foundation
import Taaktoedeling

/// Receives a `multipart/form-data` upload as it streams in: the file part (`bestandsveld`) goes
/// into a `DocumentUpload`, every other part is kept as a short text field.
public final class MultipartUpload {
    /// The longest text field, and all text fields together.
    static let maximaleVeldomvang = 64 * 1024
    private var lezer: MultipartReader
    private let upload: DocumentUpload
    private let bestandsveld: String
    private var huidig: (naam: String, isBestand: Bool)?
    private var veldbytes: [UInt8] = []
    private var tekstomvang = 0
    /// The text fields received, by name.
    public private(set) var velden: [String: String] = [:]
    /// The text fields in the order received.
    public private(set) var veldenInVolgorde: [(naam: String, waarde: String)] = []
    /// The file part's name and declared type, once its part began.
    public private(set) var bestand: (naam: String?, type: String?)?

    /// Receives into `upload`; nil when `contentType` is not multipart/form-data with a boundary.
    public init?(contentType: String?, upload: DocumentUpload, bestandsveld: String) {
        guard let contentType, let lezer = MultipartReader(contentType: contentType) else { return nil }
        self.lezer = lezer
        self.upload = upload
        self.bestandsveld = bestandsveld
    }

    /// Feeds the next bytes of the body.
    public func voed<C: Collection<UInt8>>(_ bytes: C) async throws {
        let gebeurtenissen: [MultipartReader.Gebeurtenis]
        do { gebeurtenissen = try lezer.voed(bytes) } catch {
            throw DocumentUploadError.invalid(InvalidInput("body", "is geen geldige multipart/form-data: \(error.reden)"))
        }
        for gebeurtenis in gebeurtenissen {
            switch gebeurtenis {
            case .deel(let koppen):
                let dispositie = MultipartReader.parameters(koppen["content-disposition"] ?? "")
                guard dispositie.essence == "form-data", let naam = dispositie.parameters["name"] else {
                    throw DocumentUploadError.invalid(InvalidInput("body", "een deel heeft geen Content-Disposition: form-data met een name"))
                }
                let isBestand = naam == bestandsveld
                if isBestand {
                    guard bestand == nil else { throw DocumentUploadError.invalid(InvalidInput(naam, "komt meer dan eens voor")) }
                    bestand = (dispositie.parameters["filename"], koppen["content-type"])
                } else if velden[naam] != nil {
                    throw DocumentUploadError.invalid(InvalidInput(naam, "komt meer dan eens voor"))
                }
                huidig = (naam, isBestand)
                veldbytes = []
            case .inhoud(let bytes):
                guard let huidig else { continue }
                if huidig.isBestand {
                    try await upload.schrijf(bytes)
                } else {
                    tekstomvang += bytes.count
                    guard tekstomvang <= Self.maximaleVeldomvang else {
                        throw DocumentUploadError.invalid(InvalidInput(huidig.naam, "is te lang"))
                    }
                    veldbytes.append(contentsOf: bytes)
                }
            case .deelKlaar:
                if let huidig, !huidig.isBestand {
                    guard let tekst = String(validating: veldbytes, as: UTF8.self) else {
                        throw DocumentUploadError.invalid(InvalidInput(huidig.naam, "is geen UTF-8-tekst"))
                    }
                    velden[huidig.naam] = tekst
                    veldenInVolgorde.append((huidig.naam, tekst))
                }
                huidig = nil
            }
        }
    }

    /// Checks that the body ended properly (its closing delimiter read): a body cut off is refused.
    public func afsluiten() throws {
        guard lezer.isKlaar else {
            throw DocumentUploadError.invalid(InvalidInput("body", "is onvolledig: de afsluitende scheidingslijn ontbreekt"))
        }
    }
}
