import Foundation

/// Nastavnik's own catalogue of typical anti-risk measures per risk factor
/// (`Seeds/programmes/catalogue.json`, written for this tool after the «500+» project's
/// structure of a programme: goal, tasks, measures with terms, responsible people, expected
/// results and indicators). `programmes draft` starts a school's programme from it.
public struct ProgrammeCatalogue: Sendable, Hashable, Codable {
    public var title: String
    public var factors: [ProgrammeTemplate]

    public init(title: String, factors: [ProgrammeTemplate]) {
        self.title = title
        self.factors = factors
    }

    /// The factor's typical programme.
    public func template(for factor: RiskFactor) -> ProgrammeTemplate? {
        factors.first { $0.factor == factor }
    }

    /// Reads and checks a catalogue: every one of the ten factors once, each with a goal, two to
    /// four tasks, five to eight measures, each measure under one of its factor's tasks, with a
    /// term pattern `SchoolYearTerm` reads and every field filled. Throws a Russian message.
    public static func decode(_ data: Data) throws -> ProgrammeCatalogue {
        let catalogue: ProgrammeCatalogue
        do {
            catalogue = try JSONDecoder().decode(ProgrammeCatalogue.self, from: data)
        } catch {
            throw CatalogueError(message: "каталог мер не прочитан: \(error)")
        }
        let problems = catalogue.problems()
        guard problems.isEmpty else {
            throw CatalogueError(message: "в каталоге мер ошибки: " + problems.joined(separator: "; "))
        }
        return catalogue
    }

    /// What is wrong with the catalogue, in Russian; empty when nothing is.
    public func problems() -> [String] {
        var out: [String] = []
        for factor in RiskFactor.allCases {
            let count = factors.filter { $0.factor == factor }.count
            if count != 1 { out.append("фактор \(factor.rawValue) описан \(count) раз(а), а должен один") }
        }
        for template in factors {
            let name = "фактор \(template.factor.rawValue)"
            if template.goal.isEmpty { out.append("\(name): нет цели") }
            if !(2...4).contains(template.tasks.count) {
                out.append("\(name): задач \(template.tasks.count), а нужно 2–4")
            }
            if !(5...8).contains(template.measures.count) {
                out.append("\(name): мер \(template.measures.count), а нужно 5–8")
            }
            for (index, measure) in template.measures.enumerated() {
                let where_ = "\(name), мера \(index + 1)"
                if !template.tasks.indices.contains(measure.task - 1) {
                    out.append("\(where_): нет задачи \(measure.task)")
                }
                if SchoolYearTerm.text(measure.term, schoolYear: 2000) == nil {
                    out.append("\(where_): срок «\(measure.term)» не по образцу")
                }
                if [measure.text, measure.responsible, measure.result, measure.indicator].contains(where: \.isEmpty) {
                    out.append("\(where_): не все поля заполнены")
                }
            }
        }
        return out
    }

    /// Why a catalogue cannot be used.
    public struct CatalogueError: Error, Sendable {
        public let message: String
    }
}
