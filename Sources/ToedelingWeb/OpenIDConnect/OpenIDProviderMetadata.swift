/// What the provider's discovery document (`/.well-known/openid-configuration`) says, as far as
/// Toedeling uses it.
struct OpenIDProviderMetadata: Decodable, Sendable, Equatable {
    var issuer: String
    var authorizationEndpoint: String
    var tokenEndpoint: String
    var jwksURI: String
    var endSessionEndpoint: String?
    var tokenEndpointAuthMethodsSupported: [String]?
    var codeChallengeMethodsSupported: [String]?

    enum CodingKeys: String, CodingKey {
        case issuer
        case authorizationEndpoint = "authorization_endpoint"
        case tokenEndpoint = "token_endpoint"
        case jwksURI = "jwks_uri"
        case endSessionEndpoint = "end_session_endpoint"
        case tokenEndpointAuthMethodsSupported = "token_endpoint_auth_methods_supported"
        case codeChallengeMethodsSupported = "code_challenge_methods_supported"
    }

    /// How the client authenticates at the token endpoint: `client_secret_basic` unless the provider
    /// lists only `client_secret_post` (RFC 8414: basic is the default when the list is absent).
    var usesPostedSecret: Bool {
        guard let methods = tokenEndpointAuthMethodsSupported else { return false }
        return !methods.contains("client_secret_basic") && methods.contains("client_secret_post")
    }
}
