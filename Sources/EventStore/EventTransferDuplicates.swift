import Foundation

/// What an import has read so far, to name the line that repeats an earlier event.
struct EventTransferDuplicates {
    private var positions = Set<Int64>()
    private var eventIDs = Set<UUID>()
    private var versions: [String: Set<Int64>] = [:]

    /// Streams seen so far.
    var streamCount: Int { versions.count }

    /// Records a line's keys; throws when one of them was seen before.
    mutating func record(_ line: EventTransferLine, number: Int) throws {
        guard positions.insert(line.position).inserted else {
            throw EventTransferError.duplicateEvent(number: number, reason: "position \(line.position)")
        }
        guard eventIDs.insert(line.eventId).inserted else {
            throw EventTransferError.duplicateEvent(number: number, reason: "event id \(line.eventId.uuidString.lowercased())")
        }
        guard versions[line.streamId, default: []].insert(line.version).inserted else {
            throw EventTransferError.duplicateEvent(number: number, reason: "version \(line.version) of stream \(line.streamId)")
        }
    }
}
