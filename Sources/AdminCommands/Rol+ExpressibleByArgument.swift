import ArgumentParser
import Taaktoedeling

/// `--rol coordinator|koepel|liaison`.
extension Rol: ExpressibleByArgument {}
