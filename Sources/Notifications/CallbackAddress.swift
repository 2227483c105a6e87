import Foundation
import NIOPosix
#if canImport(Glibc)
import Glibc
#endif

/// Where webhooks may go: `https` only, and never to a loopback, private, link-local or otherwise
/// special address, unless the settings allow that (tests, closed networks). Checked when a
/// subscription is made and again before every batch of deliveries, since a name may resolve elsewhere later.
public enum CallbackAddress {
    /// Threads of their own for name lookups, which block: a slow resolver holds up nothing else.
    private static let opzoekers: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 2)
        pool.start()
        return pool
    }()

    /// What is wrong with `url` as a target, in Dutch, or nil when it may be used.
    public static func probleem(_ url: URL, privaatToegestaan: Bool) async -> String? {
        guard let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else { return "is geen volledige URL" }
        if privaatToegestaan { return scheme == "https" || scheme == "http" ? nil : "moet een http- of https-URL zijn" }
        guard scheme == "https" else { return "moet een https-URL zijn" }
        let naam = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        let adressen: [[UInt8]]
        do {
            adressen = try await withThrowingTaskGroup(of: [[UInt8]]?.self) { group in
                group.addTask { try await opzoekers.runIfActive { try resolve(naam) } }
                group.addTask {
                    try await Task.sleep(for: .seconds(5))
                    return nil
                }
                let eerste = try await group.next() ?? nil
                group.cancelAll()
                guard let eerste else { throw CocoaError(.fileReadUnknown) }
                return eerste
            }
        } catch {
            return "verwijst naar een host die niet te vinden is"
        }
        guard !adressen.isEmpty else { return "verwijst naar een host die niet te vinden is" }
        if adressen.contains(where: isBijzonder) {
            return "verwijst naar een loopback-, privé- of link-local-adres; dat is niet toegestaan"
        }
        return nil
    }

    /// Whether an address (4 or 16 bytes) is loopback, private, link-local, unspecified, shared,
    /// multicast, reserved or documentation space: anything that is not a public unicast address.
    public static func isBijzonder(_ adres: [UInt8]) -> Bool {
        if adres.count == 4 {
            let (a, b) = (adres[0], adres[1])
            switch a {
            case 0, 10, 127: return true
            case 100 where (64...127).contains(b): return true  // shared address space
            case 169 where b == 254: return true  // link-local
            case 172 where (16...31).contains(b): return true
            case 192 where b == 168: return true
            case 192 where b == 0 && (adres[2] == 0 || adres[2] == 2): return true
            case 198 where b == 18 || b == 19: return true  // benchmarking
            case 198 where b == 51 && adres[2] == 100, 203 where b == 0 && adres[2] == 113: return true  // documentation
            case 224...255: return true  // multicast, reserved, broadcast
            default: return false
            }
        }
        guard adres.count == 16 else { return true }
        if adres.allSatisfy({ $0 == 0 }) { return true }  // ::
        if adres[0..<15].allSatisfy({ $0 == 0 }) && adres[15] == 1 { return true }  // ::1
        if adres[0..<10].allSatisfy({ $0 == 0 }) && adres[10] == 0xFF && adres[11] == 0xFF { return isBijzonder(Array(adres[12..<16])) }  // ::ffff:a.b.c.d
        if adres[0] & 0xFE == 0xFC { return true }  // unique local fc00::/7
        if adres[0] == 0xFE && adres[1] & 0xC0 == 0x80 { return true }  // link-local fe80::/10
        if adres[0] == 0xFF { return true }  // multicast
        if adres[0] == 0x20 && adres[1] == 0x01 && adres[2] == 0x0D && adres[3] == 0xB8 { return true }  // documentation
        if adres[0] == 0x00 && adres[1] == 0x64 && adres[2] == 0xFF && adres[3] == 0x9B { return isBijzonder(Array(adres[12..<16])) }  // NAT64
        return false
    }

    /// Every address `host` resolves to (or the literal itself).
    static func resolve(_ host: String) throws -> [[UInt8]] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &result) == 0, let first = result else { throw CocoaError(.fileNoSuchFile) }
        defer { freeaddrinfo(first) }
        var adressen: [[UInt8]] = []
        var current: UnsafeMutablePointer<addrinfo>? = first
        while let info = current {
            if let address = info.pointee.ai_addr {
                if info.pointee.ai_family == AF_INET {
                    address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                        var ip = pointer.pointee.sin_addr
                        adressen.append(withUnsafeBytes(of: &ip) { Array($0) })
                    }
                } else if info.pointee.ai_family == AF_INET6 {
                    address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                        var ip = pointer.pointee.sin6_addr
                        adressen.append(withUnsafeBytes(of: &ip) { Array($0) })
                    }
                }
            }
            current = info.pointee.ai_next
        }
        return adressen
    }
}
