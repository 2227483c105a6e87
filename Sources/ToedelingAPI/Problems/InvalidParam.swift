import Taaktoedeling

/// One problem with one field of the request, as listed in a 400 problem's `invalidParams`: the
/// domain's `FieldProblem` itself, so a refusal reaches the client without conversion.
public typealias InvalidParam = FieldProblem
