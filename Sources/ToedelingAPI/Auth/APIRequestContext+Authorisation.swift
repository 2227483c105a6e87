import Dossiers
import Taaktoedeling

extension APIRequestContext {
    /// The authenticated actor, refused with 403 unless its role is one of `roles`.
    func actor(allowing roles: Set<Rol>) throws -> Actor {
        guard let actor else { throw Problem.unauthenticated }
        guard roles.contains(actor.rol) else {
            throw Problem.forbidden("De rol \(actor.rol.rawValue) mag dit niet doen.")
        }
        return actor
    }
}
