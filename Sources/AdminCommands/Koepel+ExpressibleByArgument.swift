import ArgumentParser
import Taaktoedeling

/// `--koepel VNG|IPO|UvW`.
extension Koepel: ExpressibleByArgument {}
