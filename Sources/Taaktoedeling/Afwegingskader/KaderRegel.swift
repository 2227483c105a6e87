/// The rules of the afwegingskader, each with the sentence(s) of the Kamerbrief it rests on, quoted
/// verbatim.
public enum KaderRegel: String, Sendable, CaseIterable {
    /// Much freedom, local scale → gemeente.
    case r1 = "R1"
    /// Much freedom, regional scale → provincie first.
    case r2 = "R2"
    /// Little freedom, regional → gemeenschappelijke regeling, voluntary.
    case r3 = "R3"
    /// Mandatory cooperation → provincie first; congruent regions.
    case r4 = "R4"
    /// Little freedom, ministry steering → rijksuitvoeringsorganisatie first.
    case r5 = "R5"
    /// Specific policy field → functioneel bestuur as alternative.
    case r6 = "R6"
    /// Water management → waterschap.
    case r7 = "R7"
    /// Semi-mandatory cooperation → warning.
    case r8 = "R8"
    /// Decentral advice → UDO required.
    case r9 = "R9"

    /// The sentence(s) from the letter, verbatim.
    public var citaat: String {
        switch self {
        case .r1:
            "Voor taken met veel beleidsvrijheid die passen bij de lokale schaal is taaktoedeling aan gemeenten passend."
        case .r2:
            "Voor taken op een regionale schaal en veel beleidsvrijheid dient eerst te worden afgewogen of de taak passend is voor de provincies als het primaire regionale bestuur met een gekozen volksvertegenwoordiging aan het hoofd, voordat naar andere regionale bestuurslichamen wordt gekeken."
        case .r3:
            "Regionale samenwerking op grond van de Wet gemeenschappelijke regelingen is in de eerste plaats een hulpstructuur om beleidsarme taken efficiënt uit te voeren en dient in beginsel vrijwillig plaats te vinden."
        case .r4:
            "Als verplichte samenwerking wordt overwogen dient eerst te worden bekeken of de taak aan de provincie als primair bovengemeentelijk bestuur kan worden toebedeeld. Het waarborgen van een congruente regio-indeling is daarbij het uitgangspunt."
        case .r5:
            "Voor uitvoerende taken met weinig beleidsvrijheid voor decentrale besturen, waarbij veel sturing door vakdepartementen gewenst is, dient ook eerst te worden afgewogen of de taak past bij -gedeconcentreerde- rijksuitvoeringsorganisaties."
        case .r6:
            "Ook kunnen voor specifieke beleidsterreinen functionele bestuursvormen worden overwogen."
        case .r7:
            "De decentralisatie van taken aan het waterschap wordt geregeld in de Waterschapswet."
        case .r8:
            "In die gevallen moet aan de hand van het beleidskader worden afgewogen of de taak daar wel past of beter elders kan worden belegd."
        case .r9:
            "Voor de vormgeving van een nieuwe wettelijke taak wordt, zoals genoemd in het coalitieakkoord, een UDO uitgevoerd als op basis van dit beleidskader blijkt dat de taak bij een decentrale overheid past."
        }
    }
}
