import Taaktoedeling

/// Why an upload is refused before anything is recorded; the front ends map each to its answer.
public enum DocumentUploadError: Error, Sendable, Equatable {
    /// The file is larger than the limit (413).
    case tooLarge(maximum: Int64)
    /// The file's type is not accepted, or not the declared one (415).
    case unsupportedType(TypeWeigering)
    /// The body is not a valid multipart upload, or a part is missing or malformed (400).
    case invalid(InvalidInput)
}
