import Foundation

/// The body of `GET /v1/dossiers`: `{"resultaten":[…]}` around the stored views' bytes, as the
/// API's encoder would write it (sorted keys, no spaces).
enum DossierList {
    static func document(of items: [Data]) -> Data {
        var body = Data(#"{"resultaten":["#.utf8)
        body.reserveCapacity(body.count + items.reduce(2) { $0 + $1.count + 1 })
        for (index, item) in items.enumerated() {
            if index > 0 { body.append(UInt8(ascii: ",")) }
            body.append(item)
        }
        body.append(contentsOf: "]}".utf8)
        return body
    }
}
