/// Whether a roadmap activity's «Ответственные» name the schools themselves — «Руководители
/// ОО», «директора ОУ», «ОУ Яковлевского городского округа», «Куратор ОО» in the seed
/// roadmaps — so that the activity concerns every school of the program, not a named person.
public enum SchoolResponsibility {
    /// The abbreviations the seeds write for a school (общеобразовательная организация, учреждение).
    static let abbreviations: Set<String> = ["ОО", "ОУ"]
    /// The beginnings of words that name schools or their heads.
    static let stems = ["школ", "директор", "образовательн"]

    /// Whether `responsible` names the schools (a judgement on the seeds' wording: an
    /// upper-case «ОО»/«ОУ» as a word, or a word beginning with «школ», «директор», «образовательн»).
    public static func namesSchools(_ responsible: String?) -> Bool {
        guard let responsible else { return false }
        let words = responsible.split { !$0.isLetter }.map(String.init)
        return words.contains { word in
            abbreviations.contains(word) || stems.contains { word.lowercased().hasPrefix($0) }
        }
    }
}
