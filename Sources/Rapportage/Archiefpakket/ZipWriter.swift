/// Writes a ZIP archive (stored, no compression: most documents are compressed already) as it goes,
/// each entry's CRC-32 and size in a data descriptor after its bytes, so nothing is held back; the
/// central directory follows the last entry. Names are UTF-8 (flag bit 11). Classic ZIP: at most
/// 65,535 entries and 4 GiB in all.
public final class ZipWriter: PackageTarget {
    /// Why the archive cannot be written.
    public struct TeGroot: Error, CustomStringConvertible {
        public var description: String { "het pakket is groter dan een ZIP-archief toestaat (4 GiB of 65.535 bestanden)" }
    }

    private struct Ingang {
        let naam: [UInt8]
        let offset: UInt32
        var crc: UInt32 = 0
        var omvang: UInt32 = 0
    }

    private let uit: ([UInt8]) async throws -> Void
    private var offset: UInt64 = 0
    private var ingangen: [Ingang] = []
    private var huidig: (ingang: Ingang, crc: UInt32, omvang: UInt64)?
    private let tijd: UInt16
    private let datum: UInt16

    /// A writer that hands every piece of the archive to `uit`; entries get the modification time
    /// `moment` (UTC, DOS format).
    public init(moment: (jaar: Int, maand: Int, dag: Int, uur: Int, minuut: Int, seconde: Int), uit: @escaping ([UInt8]) async throws -> Void) {
        self.uit = uit
        tijd = UInt16(moment.uur << 11 | moment.minuut << 5 | moment.seconde / 2)
        datum = UInt16(max(0, moment.jaar - 1980) << 9 | moment.maand << 5 | moment.dag)
    }

    public func begin(_ pad: String) async throws {
        guard ingangen.count < 65_535, offset < UInt64(UInt32.max) else { throw TeGroot() }
        let naam = Array(pad.utf8)
        let ingang = Ingang(naam: naam, offset: UInt32(offset))
        var kop: [UInt8] = []
        kop += le32(0x0403_4B50) + le16(20) + le16(0x0808) + le16(0) + le16(tijd) + le16(datum)
        kop += le32(0) + le32(0) + le32(0) + le16(UInt16(naam.count)) + le16(0) + naam
        try await schrijfRuw(kop)
        huidig = (ingang, 0xFFFF_FFFF, 0)
    }

    public func schrijf(_ bytes: [UInt8]) async throws {
        guard var stand = huidig else { return }
        stand.crc = Self.crc32(bytes, start: stand.crc)
        stand.omvang += UInt64(bytes.count)
        guard stand.omvang < UInt64(UInt32.max) else { throw TeGroot() }
        huidig = stand
        try await schrijfRuw(bytes)
    }

    public func eind() async throws {
        guard let stand = huidig else { return }
        var ingang = stand.ingang
        ingang.crc = stand.crc ^ 0xFFFF_FFFF
        ingang.omvang = UInt32(stand.omvang)
        try await schrijfRuw(le32(0x0807_4B50) + le32(ingang.crc) + le32(ingang.omvang) + le32(ingang.omvang))
        ingangen.append(ingang)
        huidig = nil
    }

    /// Writes the central directory and its end record.
    public func sluit() async throws {
        guard offset < UInt64(UInt32.max) else { throw TeGroot() }
        let begin = UInt32(offset)
        var map: [UInt8] = []
        for ingang in ingangen {
            map += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0x0808) + le16(0) + le16(tijd) + le16(datum)
            map += le32(ingang.crc) + le32(ingang.omvang) + le32(ingang.omvang) + le16(UInt16(ingang.naam.count))
            map += le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(ingang.offset) + ingang.naam
        }
        try await schrijfRuw(map)
        let einde = le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(ingangen.count)) + le16(UInt16(ingangen.count))
            + le32(UInt32(map.count)) + le32(begin) + le16(0)
        try await schrijfRuw(einde)
    }

    private func schrijfRuw(_ bytes: [UInt8]) async throws {
        offset += UInt64(bytes.count)
        try await uit(bytes)
    }

    private func le16(_ waarde: UInt16) -> [UInt8] { [UInt8(waarde & 0xFF), UInt8(waarde >> 8)] }
    private func le32(_ waarde: UInt32) -> [UInt8] { [UInt8(waarde & 0xFF), UInt8(waarde >> 8 & 0xFF), UInt8(waarde >> 16 & 0xFF), UInt8(waarde >> 24)] }

    private static let tabel: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// CRC-32 (ISO 3309, as ZIP uses it) continued from `start` (pre-inverted state).
    static func crc32(_ bytes: [UInt8], start: UInt32) -> UInt32 {
        var c = start
        bytes.withUnsafeBufferPointer { buffer in
            for byte in buffer { c = tabel[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
        }
        return c
    }
}

/// Where an archive package is written: a ZIP stream, or a folder.
public protocol PackageTarget: AnyObject {
    /// Starts the file at `pad` (folders separated by `/`).
    func begin(_ pad: String) async throws
    /// Bytes of the current file.
    func schrijf(_ bytes: [UInt8]) async throws
    /// Ends the current file.
    func eind() async throws
    /// Ends the package.
    func sluit() async throws
}
