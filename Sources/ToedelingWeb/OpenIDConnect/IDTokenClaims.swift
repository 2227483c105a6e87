import Foundation
import JWTKit

/// The claims of an OpenID Connect ID token that Toedeling reads (OpenID Connect Core §2). jwt-kit
/// checks the signature and the audience; `OpenIDRelyingParty.check` checks the rest against its
/// own clock and the sign-in's nonce.
struct IDTokenClaims: JWTIdentityToken, Equatable {
    var issuer: IssuerClaim
    var subject: SubjectClaim
    var audience: AudienceClaim
    var expires: ExpirationClaim
    var issuedAt: IssuedAtClaim
    var nonce: String?
    var authorizedParty: String?
    var email: String?
    var emailVerified: BoolClaim?
    var name: String?

    enum CodingKeys: String, CodingKey {
        case issuer = "iss"
        case subject = "sub"
        case audience = "aud"
        case expires = "exp"
        case issuedAt = "iat"
        case nonce
        case authorizedParty = "azp"
        case email
        case emailVerified = "email_verified"
        case name
    }

    /// Called by jwt-kit once the signature holds; the time and nonce checks need the sign-in and
    /// the server's clock, so they follow in `OpenIDRelyingParty.check`.
    func verify(using _: some JWTAlgorithm) throws {}

    /// True only when the provider says the address is verified.
    var emailIsVerified: Bool { emailVerified?.value ?? false }
}
