import Foundation
import Taaktoedeling

/// A document version in JSON, as the API answers with it: every field present (`reactie` and
/// `vervangt` as null when absent), ids in lower case; with `versies` on the document's own route.
struct DocumentDocument: Encodable {
    let document: Document
    var versies: [Document]?

    private enum CodingKeys: String, CodingKey {
        case id, versie, titel, documentsoort, bestandsnaam, mediatype, omvang, sha256, vertrouwelijkheid, reactie, vervangt
        case toegevoegdOp, toegevoegdDoor, versies
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(document.id.uuidString.lowercased(), forKey: .id)
        try container.encode(document.versie, forKey: .versie)
        try container.encode(document.titel, forKey: .titel)
        try container.encode(document.documentsoort, forKey: .documentsoort)
        try container.encode(document.bestandsnaam, forKey: .bestandsnaam)
        try container.encode(document.mediatype, forKey: .mediatype)
        try container.encode(document.omvang, forKey: .omvang)
        try container.encode(document.sha256, forKey: .sha256)
        try container.encode(document.vertrouwelijkheid, forKey: .vertrouwelijkheid)
        try container.encode(document.reactie, forKey: .reactie)
        try container.encode(document.vervangt?.uuidString.lowercased(), forKey: .vervangt)
        try container.encode(document.toegevoegdOp, forKey: .toegevoegdOp)
        try container.encode(document.toegevoegdDoor, forKey: .toegevoegdDoor)
        if let versies { try container.encode(versies.map { DocumentDocument(document: $0) }, forKey: .versies) }
    }
}

/// `{"resultaten": [...]}`.
struct DocumentList: Encodable {
    let resultaten: [DocumentDocument]
}
