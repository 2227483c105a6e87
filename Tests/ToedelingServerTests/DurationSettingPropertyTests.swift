import PropertyBased
import Testing
@testable import toedeling_server

/// A duration setting fed arbitrary text: a duration of zero or more, or a refusal naming the
/// setting, never a trap.
@Suite("Duration settings never trap")
struct DurationSettingPropertyTests {
    static let alfabet: [Unicode.Scalar] = Array("0123456789\"W/*,; =qh.-_:abcxyzTZ/+msd".unicodeScalars)
        + [0x00, 0x09, 0x7F, 0xE9, 0x1F600].compactMap(Unicode.Scalar.init)
    static let tekst = Gen.int(in: 0...(alfabet.count - 1)).array(of: 0...24).map { indices in
        String(String.UnicodeScalarView(indices.map { alfabet[$0] }))
    }

    @Test func aDurationIsReadOrRefused() async {
        await propertyCheck(count: 2000, input: Self.tekst) { text in
            do {
                #expect(try DurationSetting.parse(text, variable: "X", fallback: .seconds(1)) >= .zero)
            } catch let error as ConfigurationError {
                #expect(error.variable == "X")
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }
}
