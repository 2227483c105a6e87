import Foundation

extension Sequence where Element == UInt8 {
    /// The bytes as lowercase hexadecimal digits, two a byte: the one spelling of a hash in the product.
    public var hexadecimaal: String {
        let cijfers = Array("0123456789abcdef".utf8)
        var uit: [UInt8] = []
        uit.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            uit.append(cijfers[Int(byte >> 4)])
            uit.append(cijfers[Int(byte & 0x0F)])
        }
        return String(decoding: uit, as: UTF8.self)
    }
}

extension Data {
    /// The bytes of an even number of hexadecimal digits (either case); nil for anything else.
    public init?(hexadecimaal tekst: String) {
        let cijfers = Array(tekst.utf8)
        guard cijfers.count % 2 == 0 else { return nil }
        func waarde(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: c - 48
            case 97...102: c - 87
            case 65...70: c - 55
            default: nil
            }
        }
        var bytes = Data(capacity: cijfers.count / 2)
        var index = 0
        while index < cijfers.count {
            guard let hoog = waarde(cijfers[index]), let laag = waarde(cijfers[index + 1]) else { return nil }
            bytes.append(hoog << 4 | laag)
            index += 2
        }
        self = bytes
    }
}
