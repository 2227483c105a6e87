import Crypto
import Foundation

/// The Standard Webhooks signature: `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`
/// with the subscription's secret (the 32 bytes behind `whsec_`).
public enum WebhookSignature {
    /// The signature header value for a message.
    public static func waarde(id: String, timestamp: Int, body: Data, geheim: Data) -> String {
        var bericht = Data("\(id).\(timestamp).".utf8)
        bericht.append(body)
        let mac = HMAC<SHA256>.authenticationCode(for: bericht, using: SymmetricKey(data: geheim))
        return "v1," + Data(mac).base64EncodedString()
    }

    /// The key bytes of a `whsec_…` secret, nil when it is not one.
    public static func sleutel(uit geheim: String) -> Data? {
        guard geheim.hasPrefix("whsec_") else { return nil }
        return Data(base64Encoded: String(geheim.dropFirst("whsec_".count)))
    }
}
