/// The afwegingskader of the *Beleidskader decentraal en gedeconcentreerd bestuur* as rules R1–R9.
///
/// Precedence (the Kamerbrief, §1.1, read as rules R1–R9): R7 (water) decides first; else R5 (little freedom and ministry steering);
/// else the scale: R1 (much freedom, local), R2 (much freedom, regional), R3 (little freedom,
/// regional, voluntary cooperation). R6 adds `functioneelBestuur` as an alternative and R8 a warning
/// whatever decided; R9 sets `udoVereist` when the first choice is decentral.
///
/// Ambiguities and how they are resolved:
/// - R4 ("als verplichte samenwerking wordt overwogen") fires whenever `samenwerking` is `verplicht`,
///   the scale is local or regional and neither R7 nor R5 decided. It makes `provincie` the first
///   choice; the scale rule's layer (gemeente for R1, gemeenschappelijke regeling otherwise) becomes
///   an alternative. With little freedom R4 replaces R3 (R3 is about *voluntary* cooperation and is
///   then not named); with much freedom R1 or R2 is named too. At national scale there is no
///   regional body to cooperate in, so R4 does not apply.
/// - R4 warns about a non-congruent regional division only when `congruenteRegioIndeling` is
///   explicitly `false` (unknown is not warned about).
/// - R2's "other regional bodies" is the gemeenschappelijke regeling, given as alternative.
/// - Where no rule decides (national scale outside R5/R7, or little freedom at local scale without
///   ministry steering) the advice is `rijk` with a warning that the kader gives no decentral fit.
/// - R9 looks only at the first choice; a decentral alternative does not require a UDO by itself.
public enum Afwegingskader {
    /// The advice for the given task characteristics.
    public static func advies(voor kenmerken: Taakkenmerken) -> Advies {
        var eerste: Bestuurslaag?
        var alternatieven: [Bestuurslaag] = []
        var gevuurd: [AdviesRegel] = []
        var waarschuwingen: [String] = []

        if kenmerken.waterbeheer {
            eerste = .waterschap
            gevuurd.append(regel(.r7, "Waterbeheer: de taak past bij het waterschap; de toedeling loopt via de Waterschapswet en de minister van IenW coördineert."))
        } else if kenmerken.beleidsvrijheid == .weinig && kenmerken.sturingVakdepartement {
            eerste = .rijksuitvoeringsorganisatie
            gevuurd.append(regel(.r5, "Weinig beleidsvrijheid en veel sturing door het vakdepartement: eerst een (gedeconcentreerde) rijksuitvoeringsorganisatie afwegen."))
        } else {
            let verplicht = kenmerken.samenwerking == .verplicht && kenmerken.schaal != .landelijk
            switch (kenmerken.beleidsvrijheid, kenmerken.schaal) {
            case (.veel, .lokaal):
                eerste = .gemeente
                gevuurd.append(regel(.r1, "Veel beleidsvrijheid op lokale schaal: de gemeente."))
            case (.veel, .regionaal):
                eerste = .provincie
                alternatieven.append(.gemeenschappelijkeRegeling)
                gevuurd.append(regel(.r2, "Veel beleidsvrijheid op regionale schaal: eerst de provincie, daarna andere regionale bestuurslichamen."))
            case (.weinig, .regionaal) where !verplicht:
                eerste = .gemeenschappelijkeRegeling
                gevuurd.append(regel(.r3, "Weinig beleidsvrijheid op regionale schaal: een gemeenschappelijke regeling, in beginsel vrijwillig."))
            default:
                break
            }
            if verplicht {
                let schaalkeuze = eerste ?? .gemeenschappelijkeRegeling
                eerste = .provincie
                alternatieven = [schaalkeuze == .provincie ? .gemeenschappelijkeRegeling : schaalkeuze]
                gevuurd.append(regel(.r4, "Verplichte samenwerking: eerst bezien of de taak aan de provincie kan worden toebedeeld."))
                if kenmerken.congruenteRegioIndeling == false {
                    waarschuwingen.append("De regio-indeling is niet congruent; een congruente regio-indeling is bij verplichte samenwerking het uitgangspunt (R4).")
                }
            }
        }

        if kenmerken.specifiekBeleidsterrein {
            gevuurd.append(regel(.r6, "Specifiek beleidsterrein: een functionele bestuursvorm kan worden overwogen."))
            if eerste != .functioneelBestuur && !alternatieven.contains(.functioneelBestuur) {
                alternatieven.append(.functioneelBestuur)
            }
        }
        if kenmerken.samenwerking == .semiVerplicht {
            gevuurd.append(regel(.r8, "Semi-verplichte samenwerking: afwegen of de taak daar past of beter elders kan worden belegd."))
            waarschuwingen.append("Semi-verplichte samenwerking: weeg af of de taak in dat samenwerkingsverband past of beter elders kan worden belegd (R8).")
        }
        let bestuurslaag: Bestuurslaag
        if let eerste {
            bestuurslaag = eerste
        } else {
            bestuurslaag = .rijk
            waarschuwingen.append("Het afwegingskader wijst geen passende decentrale bestuurslaag aan; het advies is daarom het Rijk.")
        }
        alternatieven.removeAll { $0 == bestuurslaag }
        if bestuurslaag.isDecentraal {
            gevuurd.append(regel(.r9, "De geadviseerde bestuurslaag (\(bestuurslaag.weergave)) is decentraal: een UDO is vereist."))
        }
        gevuurd.sort { volgorde($0.id) < volgorde($1.id) }
        return Advies(bestuurslaag: bestuurslaag, alternatieven: alternatieven, regels: gevuurd, udoVereist: bestuurslaag.isDecentraal, waarschuwingen: waarschuwingen)
    }

    /// The number of a rule id `R<n>`, for ordering R1…R9.
    private static func volgorde(_ id: String) -> Int {
        Int(id.dropFirst()) ?? 0
    }

    private static func regel(_ id: KaderRegel, _ toelichting: String) -> AdviesRegel {
        AdviesRegel(id: id.rawValue, citaat: id.citaat, toelichting: toelichting)
    }
}
