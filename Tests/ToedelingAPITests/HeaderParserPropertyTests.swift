import EventStore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import PropertyBased
import Testing
@testable import ToedelingAPI
import ToedelingHTTP
import ServerTestSupport

/// The readers of headers, query values, cursors and keys, fed arbitrary text: a value or a refusal, never a trap.
@Suite("Header and setting parsers never trap")
struct HeaderParserPropertyTests {
    static let alfabet: [Unicode.Scalar] = Array("0123456789\"W/*,; =qh.-_:abcxyzTZ/+msd".unicodeScalars)
        + [0x00, 0x09, 0x7F, 0xE9, 0x1F600].compactMap(Unicode.Scalar.init)
    static let tekst = Gen.int(in: 0...(alfabet.count - 1)).array(of: 0...24).map { indices in
        String(String.UnicodeScalarView(indices.map { alfabet[$0] }))
    }

    @Test func ifMatchIsAVersionNothingOrA400() async {
        await propertyCheck(count: 2000, input: Self.tekst) { header in
            var fields = HTTPFields()
            fields[.ifMatch] = header
            let request = Request(head: HTTPRequest(method: .post, scheme: "http", authority: "t", path: "/", headerFields: fields), body: .init(buffer: ByteBuffer()))
            do {
                if let version = try EntityTag.expectedVersion(in: request) {
                    #expect(version >= EntityTag.unmatchable)
                }
            } catch let problem as Problem {
                #expect(problem.status == .badRequest)
                #expect(problem.invalidParams.map(\.name) == ["If-Match"])
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }

    /// The Authorization header read over its bytes: the same token as splitting it on its first
    /// space and trimming Foundation's whitespace did, for headers of scheme names, tokens, spaces,
    /// tabs and other text in any order (Unicode spaces other than these two are not trimmed now).
    @Test func theBearerTokenIsWhatSplittingAndTrimmingGave() async {
        let stukken = ["Bearer", "bearer", "BEARER", "BeArEr", "Bearerx", "Basic", " ", "  ", "\t", "tdl_abc", "x", "é", "\u{0}", ""]
        func referentie(_ header: String) -> String? {
            let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
            let token = parts[1].trimmingCharacters(in: .whitespaces)
            return token.isEmpty ? nil : token
        }
        await propertyCheck(count: 3000, input: Gen.int(in: 0...(stukken.count - 1)).array(of: 0...6)) { indices in
            let header = indices.map { stukken[$0] }.joined()
            #expect(AuthenticationMiddleware.bearerToken(in: header) == referentie(header), "\(header.debugDescription)")
        }
        #expect(AuthenticationMiddleware.bearerToken(in: nil) == nil)
    }

    @Test func negotiationPicksAnOfferedTypeOrNone() async {
        let offered = ["application/json", "text/csv", "text/markdown", "text/html"]
        await propertyCheck(count: 2000, input: Self.tekst) { accept in
            if let chosen = ContentNegotiation.best(accept: accept, offered: offered) {
                #expect(offered.contains(chosen))
            }
        }
    }

    @Test func settingsCursorsAndKeysAreReadOrRefused() async {
        await propertyCheck(count: 2000, input: Self.tekst) { text in
            if let cursor = FeedCursor(token: text) { #expect(FeedCursor(token: cursor.token)?.token == cursor.token) }
            if let id = RequestIDMiddleware<APIRequestContext>.acceptable(text) { #expect(id == text && id.utf8.count <= 128) }
            if IdempotencyMiddleware.isAcceptable(text) { #expect(text.utf8.allSatisfy { (0x21...0x7E).contains($0) }) }
        }
    }
}
