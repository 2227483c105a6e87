import Dossiers
import Foundation

/// An e-mail as RFC 5322 text with MIME: a plain-text part and an HTML alternative, both UTF-8 in
/// base64, the subject as an encoded word when it is not ASCII, and the stored `Message-ID`.
enum MIMEMessage {
    static func tekst(_ bericht: EmailQueue.Bericht, afzender: String) -> String {
        let grens = "=_toedeling_" + bericht.id.uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let kop = [
            "From: \(afzender)",
            "To: <\(bericht.ontvanger)>",
            "Subject: \(koptekst(bericht.onderwerp))",
            "Date: \(datum(bericht.aangemaaktOp))",
            "Message-ID: \(bericht.messageID)",
            "MIME-Version: 1.0",
            "Auto-Submitted: auto-generated",
            "Content-Type: multipart/alternative; boundary=\"\(grens)\"",
        ]
        let delen = [
            "--\(grens)", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", "", base64(bericht.tekst),
            "--\(grens)", "Content-Type: text/html; charset=utf-8", "Content-Transfer-Encoding: base64", "", base64(bericht.html),
            "--\(grens)--",
        ]
        return (kop + [""] + delen).joined(separator: "\r\n") + "\r\n"
    }

    /// A header value: as it is when it is printable ASCII, else RFC 2047 encoded words (base64).
    static func koptekst(_ tekst: String) -> String {
        let enkeleRegel = tekst.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        if enkeleRegel.utf8.allSatisfy({ $0 >= 32 && $0 < 127 }) { return enkeleRegel }
        // Words of at most 45 bytes of UTF-8, split on character boundaries.
        var woorden: [String] = []
        var stuk = ""
        for character in enkeleRegel {
            if stuk.utf8.count + String(character).utf8.count > 45 {
                woorden.append(stuk)
                stuk = ""
            }
            stuk.append(character)
        }
        if !stuk.isEmpty { woorden.append(stuk) }
        return woorden.map { "=?utf-8?B?\(Data($0.utf8).base64EncodedString())?=" }.joined(separator: "\r\n ")
    }

    static func base64(_ tekst: String) -> String {
        Data(tekst.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
    }

    /// An RFC 5322 date in UTC.
    static func datum(_ moment: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: moment)
        let dagen = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let maanden = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func twee(_ n: Int?) -> String { String(format: "%02d", n ?? 0) }
        return "\(dagen[(c.weekday ?? 1) - 1]), \(c.day ?? 1) \(maanden[(c.month ?? 1) - 1]) \(c.year ?? 1970) \(twee(c.hour)):\(twee(c.minute)):\(twee(c.second)) +0000"
    }

    /// The message body as sent after DATA: lines starting with a dot get another (RFC 5321 4.5.2).
    static func gevuld(_ tekst: String) -> String {
        tekst.components(separatedBy: "\r\n").map { $0.hasPrefix(".") ? "." + $0 : $0 }.joined(separator: "\r\n")
    }
}
