import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// A reply of an SMTP server: its code and text lines.
struct SMTPReply: Sendable, Equatable {
    let code: Int
    let regels: [String]
    var isPositief: Bool { (200..<400).contains(code) }
    var isPermanent: Bool { (500..<600).contains(code) }
    var samenvatting: String { "\(code) \(regels.first ?? "")" }
}

/// Why sending failed: the relay's reply (temporary or permanent) or the connection.
enum SMTPError: Error, Sendable {
    case geweigerd(SMTPReply)
    case verbinding(String)
    case geenAntwoord

    var isPermanent: Bool {
        if case .geweigerd(let antwoord) = self { return antwoord.isPermanent }
        return false
    }

    var omschrijving: String {
        switch self {
        case .geweigerd(let antwoord): "relay antwoordde \(antwoord.code)"
        case .verbinding(let reden): reden
        case .geenAntwoord: "geen antwoord van de relay binnen de tijd"
        }
    }
}

/// Splits the server's bytes into replies (multi-line replies joined) and hands each to the next
/// waiter. Lives on its channel's event loop.
final class SMTPReplyReader: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private var bytes: [UInt8] = []
    private var regels: [String] = []
    private var klaar: [SMTPReply] = []
    private var wachtenden: [EventLoopPromise<SMTPReply>] = []
    private var einde: SMTPError?

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        bytes += buffer.readBytes(length: buffer.readableBytes) ?? []
        guard bytes.count < 1 << 20 else {
            sluit(.verbinding("antwoord van de relay te lang"))
            context.close(promise: nil)
            return
        }
        while let lf = bytes.firstIndex(of: 10) {
            var regel = bytes[..<lf]
            if regel.last == 13 { regel = regel.dropLast() }
            bytes.removeFirst(lf + 1)
            let tekst = String(decoding: regel, as: UTF8.self)
            guard tekst.count >= 3, let code = Int(tekst.prefix(3)) else {
                sluit(.verbinding("onleesbaar antwoord van de relay"))
                context.close(promise: nil)
                return
            }
            regels.append(String(tekst.dropFirst(4)))
            if tekst.count < 4 || tekst[tekst.index(tekst.startIndex, offsetBy: 3)] != "-" {
                klaar.append(SMTPReply(code: code, regels: regels))
                regels = []
            }
        }
        lever()
    }

    func channelInactive(context: ChannelHandlerContext) {
        sluit(.verbinding("de relay sloot de verbinding"))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        sluit(.verbinding(error is NIOSSLError ? "TLS mislukt (certificaat of handshake)" : "verbinding met de relay mislukt"))
        context.close(promise: nil)
    }

    /// The next reply.
    func verwacht(_ promise: EventLoopPromise<SMTPReply>) {
        wachtenden.append(promise)
        lever()
    }

    private func lever() {
        while !wachtenden.isEmpty {
            if !klaar.isEmpty {
                wachtenden.removeFirst().succeed(klaar.removeFirst())
            } else if let einde {
                wachtenden.removeFirst().fail(einde)
            } else {
                return
            }
        }
    }

    private func sluit(_ fout: SMTPError) {
        if einde == nil { einde = fout }
        lever()
    }
}

/// One SMTP session with a relay (RFC 5321): greeting, EHLO, STARTTLS when offered (required
/// before AUTH), AUTH PLAIN when a user is configured, then any number of messages, then QUIT.
final class SMTPSession: Sendable {
    private let channel: any Channel
    private let lezer: NIOLoopBound<SMTPReplyReader>
    private let wachttijd: Duration

    private init(channel: any Channel, lezer: NIOLoopBound<SMTPReplyReader>, wachttijd: Duration) {
        self.channel = channel
        self.lezer = lezer
        self.wachttijd = wachttijd
    }

    /// Connects, greets and logs in as `instelling` says.
    static func open(_ instelling: SMTPSettings, wachttijd: Duration = .seconds(30)) async throws -> SMTPSession {
        let tls = try context(instelling)
        let serverNaam = Self.isIPAdres(instelling.host) ? nil : instelling.host
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(.seconds(10))
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if instelling.impliciteTLS {
                            try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: tls, serverHostname: serverNaam))
                        }
                        try channel.pipeline.syncOperations.addHandler(SMTPReplyReader(), name: "smtp")
                    }
                }
                .connect(host: instelling.host, port: instelling.port).get()
        } catch {
            throw SMTPError.verbinding("geen verbinding met de relay \(instelling.host):\(instelling.port)")
        }
        let lezer = try await channel.eventLoop.submit {
            NIOLoopBound(try channel.pipeline.syncOperations.handler(type: SMTPReplyReader.self), eventLoop: channel.eventLoop)
        }.get()
        let sessie = SMTPSession(channel: channel, lezer: lezer, wachttijd: wachttijd)
        do {
            try await sessie.begin(instelling, tls: tls, serverNaam: serverNaam)
        } catch {
            channel.close(promise: nil)
            throw error
        }
        return sessie
    }

    private func begin(_ instelling: SMTPSettings, tls: NIOSSLContext, serverNaam: String?) async throws {
        try verwacht(try await antwoord(), 220)
        let naam = ProcessInfo.processInfo.hostName.isEmpty ? "toedeling" : ProcessInfo.processInfo.hostName
        var ehlo = try await opdracht("EHLO \(naam)")
        try verwacht(ehlo, 250)
        var beveiligd = instelling.impliciteTLS
        if !beveiligd, ehlo.regels.contains(where: { $0.uppercased().hasPrefix("STARTTLS") }) {
            try verwacht(try await opdracht("STARTTLS"), 220)
            let channel = channel
            try await channel.eventLoop.submit {
                try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: tls, serverHostname: serverNaam), position: .first)
            }.get()
            beveiligd = true
            ehlo = try await opdracht("EHLO \(naam)")
            try verwacht(ehlo, 250)
        }
        if let gebruiker = instelling.gebruiker {
            guard beveiligd else { throw SMTPError.verbinding("de relay biedt geen STARTTLS; inloggen zonder TLS geweigerd") }
            let plain = Data("\0\(gebruiker)\0\(instelling.wachtwoord ?? "")".utf8).base64EncodedString()
            try verwacht(try await opdracht("AUTH PLAIN \(plain)"), 235)
        }
    }

    /// Sends one message; returns when the relay accepted it (250 after the data).
    func verstuur(van afzender: String, aan ontvanger: String, bericht: String) async throws {
        try verwacht(try await opdracht("MAIL FROM:<\(afzender)>"), 250)
        try verwacht(try await opdracht("RCPT TO:<\(ontvanger)>"), 250, 251)
        try verwacht(try await opdracht("DATA"), 354)
        try verwacht(try await schrijf(MIMEMessage.gevuld(bericht) + ".\r\n"), 250)
    }

    /// Resets the transaction after a refused message, so the next one can start.
    func herstel() async {
        _ = try? await opdracht("RSET")
    }

    /// Says goodbye and closes.
    func sluit() async {
        _ = try? await opdracht("QUIT")
        try? await channel.close()
    }

    private func opdracht(_ regel: String) async throws -> SMTPReply {
        guard !regel.contains("\r"), !regel.contains("\n") else { throw SMTPError.verbinding("ongeldige opdracht") }
        return try await schrijf(regel + "\r\n")
    }

    private func schrijf(_ tekst: String) async throws -> SMTPReply {
        let channel = channel
        do {
            try await channel.writeAndFlush(ByteBuffer(string: tekst))
        } catch {
            throw SMTPError.verbinding("schrijven naar de relay mislukt")
        }
        return try await antwoord()
    }

    private func antwoord() async throws -> SMTPReply {
        let lezer = lezer
        let channel = channel
        let future = channel.eventLoop.flatSubmit {
            let promise = channel.eventLoop.makePromise(of: SMTPReply.self)
            lezer.value.verwacht(promise)
            return promise.futureResult
        }
        let wachttijd = wachttijd
        return try await withThrowingTaskGroup(of: SMTPReply?.self) { group in
            group.addTask { try await future.get() }
            group.addTask {
                try await Task.sleep(for: wachttijd)
                return nil
            }
            let eerste = try await group.next() ?? nil
            group.cancelAll()
            guard let eerste else {
                channel.close(promise: nil)
                throw SMTPError.geenAntwoord
            }
            return eerste
        }
    }

    private func verwacht(_ antwoord: SMTPReply, _ codes: Int...) throws {
        guard codes.contains(antwoord.code) else { throw SMTPError.geweigerd(antwoord) }
    }

    private static func context(_ instelling: SMTPSettings) throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let ca = instelling.caBestand {
            configuration.additionalTrustRoots = [.file(ca)]
        }
        return try NIOSSLContext(configuration: configuration)
    }

    static func isIPAdres(_ host: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
    }
}
