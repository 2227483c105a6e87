import Foundation

/// The payload every benchmark event carries: a small dossier-like JSON document.
enum BenchmarkPayload {
    static let data = Data(#"{"dossier": "D-2026-0001", "titel": "Toedeling van de taak jeugdzorg", "bestuurslaag": "gemeente", "fase": "verkenning"}"#.utf8)
    static let metadata = Data(#"{"actor": "bench", "correlation_id": "00000000-0000-0000-0000-000000000000"}"#.utf8)
    static let zeroHash = Data(repeating: 0, count: 32)
}
