import Crypto
import Foundation
import Taaktoedeling

/// The shape of a bearer token: `tdl_` followed by 32 random bytes in unpadded base64url (43 characters).
/// Only the SHA-256 of a token is ever stored.
public enum BearerToken {
    static let prefix = "tdl_"
    static let length = prefix.count + 43

    /// A new random token.
    static func generate() -> String {
        prefix + randomBase64URL()
    }

    /// 256 random bits as unpadded base64url (43 characters): the body of a bearer token, and the
    /// activation links, session CSRF tokens and form cookies of the web application.
    public static func randomBase64URL() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.base64URLEncodedString()
    }

    /// The stored form of a token.
    static func hash(_ token: String) -> Data {
        Data(SHA256.hash(data: Data(token.utf8)))
    }

    /// Whether a presented string can be a token at all (checked before any database look-up).
    public static func isWellFormed(_ token: String) -> Bool {
        token.utf8.count == length && token.hasPrefix(prefix)
            && token.utf8.dropFirst(prefix.count).allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                    return true
                default:
                    return false
                }
            }
    }
}
