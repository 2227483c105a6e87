import Foundation
@testable import Dossiers
import Taaktoedeling
import Testing
import ToedelingTestSupport

/// The metadata stored beside every event is written by our own encoder: the bytes JSONEncoder
/// wrote before (sorted keys, slashes as they are), so that stored metadata keeps one form.
@Suite struct EventMetadataTests {
    @Test func theStoredBytesAreJSONEncodersWithSortedKeysAndUnescapedSlashes() throws {
        let namen = ["Coördinator BZK", "Afdeling A/B \"taken\"", "Twee\nregels\t\u{1}", "Scheiding\u{2028}", "Emoji 🙂 \\"]
        let actors = namen.map { Actor(tokenID: UUID(), naam: $0, hoedanigheid: .coordinator) }
            + [Actor(gebruikerID: UUID(), naam: "VNG/Den Haag", hoedanigheid: .koepel(.VNG)), koepel(.IPO)]
        let reference = JSONEncoder()
        reference.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for actor in actors {
            let metadata = EventMetadata(context: CommandContext(actor: actor, correlationID: "req/\(actor.naam.count):x"))
            let bytes = try metadata.encoded()
            #expect(bytes == (try reference.encode(metadata)), "\(actor.naam)")
            #expect(EventMetadata.decode(bytes) == metadata)
        }
    }
}
