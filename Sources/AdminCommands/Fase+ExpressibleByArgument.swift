import ArgumentParser
import Taaktoedeling

/// `--fase voorstel|consultatie|getoetst|udo|udoAfgerond|besloten|ingetrokken`.
extension Fase: ExpressibleByArgument {}
