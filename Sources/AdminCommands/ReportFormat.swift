import Rapportage
import ArgumentParser
import Taaktoedeling

/// `--format` of a report: the renderings of the domain, byte for byte as the API serves them.
extension Rapportformaat: ExpressibleByArgument {}
