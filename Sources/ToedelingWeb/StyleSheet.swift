import Crypto
import Foundation
import Taaktoedeling

/// The one style sheet (`Resources/toedeling.css`), served from `/static/` under a name with its
/// content hash, so it can be cached for a year. Colours, spacing and type scale follow the public
/// Rijkshuisstijl community design tokens of NL Design System (`--rhc-…`); fonts are the system's.
struct StyleSheet: Sendable {
    /// The style sheet's bytes.
    let bytes: Data
    /// `/static/toedeling-<first 12 hex digits of SHA-256>.css`.
    let path: String

    init(bytes: Data) {
        self.bytes = bytes
        self.path = "/static/toedeling-\(SHA256.hash(data: bytes).hexadecimaal.prefix(12)).css"
    }
}
