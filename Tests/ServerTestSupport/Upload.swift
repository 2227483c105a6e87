import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore

/// A `multipart/form-data` body with a `metadata` part and an `inhoud` part.
public struct Upload {
    public static let boundary = "toedeling-test-grens-7f3a"
    public var metadata: String?
    public var bestandsnaam: String?
    public var contentType: String?
    public var inhoud: [UInt8]?
    public var afsluiten: Bool

    /// An upload; every part is the default PDF's unless given (nil leaves a part out).
    public init(
        metadata: String? = #"{"titel": "Concept wetsvoorstel", "documentsoort": "voorstel", "vertrouwelijkheid": "openbaar"}"#,
        bestandsnaam: String? = "wetsvoorstel.pdf", contentType: String? = "application/pdf", inhoud: [UInt8]? = Upload.pdf("Eerste versie"),
        afsluiten: Bool = true
    ) {
        self.metadata = metadata
        self.bestandsnaam = bestandsnaam
        self.contentType = contentType
        self.inhoud = inhoud
        self.afsluiten = afsluiten
    }

    public static func pdf(_ tekst: String) -> [UInt8] {
        Array("%PDF-1.7\n1 0 obj << /Titel (\(tekst)) >> endobj\n%%EOF\n".utf8)
    }

    public var body: ByteBuffer {
        var bytes: [UInt8] = []
        if let metadata {
            bytes += Array("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"metadata\"\r\nContent-Type: application/json\r\n\r\n\(metadata)\r\n".utf8)
        }
        if let inhoud {
            var kop = "--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"inhoud\""
            if let bestandsnaam { kop += "; filename=\"\(bestandsnaam)\"" }
            kop += "\r\n"
            if let contentType { kop += "Content-Type: \(contentType)\r\n" }
            bytes += Array((kop + "\r\n").utf8) + inhoud + Array("\r\n".utf8)
        }
        if afsluiten { bytes += Array("--\(Self.boundary)--\r\n".utf8) }
        return ByteBuffer(bytes: bytes)
    }
}

extension TestClientProtocol {
    public func upload(_ upload: Upload, to id: String, token: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        var headers = headers
        headers[.authorization] = "Bearer \(token)"
        headers[.contentType] = "multipart/form-data; boundary=\(Upload.boundary)"
        return try await execute(uri: "/v1/dossiers/\(id)/documenten", method: .post, headers: headers, body: upload.body)
    }
}
