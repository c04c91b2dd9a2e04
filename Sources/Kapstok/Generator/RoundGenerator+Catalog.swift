// The fixed tables the round generator draws from: departments, sites, language mixes, names.
//
// Everything here is plain data in a fixed order; changing a table changes every generated round
// (and so the benchmark instances), which is why the generator's fingerprint test pins them.

extension RoundGenerator {
    /// A department of the fictional company, its relative size and what its people are good at.
    struct Department {
        let name: String
        /// Relative headcount.
        let weight: Int
        /// Competency ids its mentors tend to be strong in (and its mentees a little less weak in).
        let competencies: [String]
        /// Domain ids its mentors have expertise in and its mentees tend to favour.
        let domains: [String]
    }

    /// The department of the CEO; it has no mentees.
    static let executiveDepartment = "General Management"

    /// The departments in the order the generator introduces them (most important first, so small
    /// rounds still get the big ones).
    static let departments: [Department] = [
        Department(
            name: "Operations", weight: 20,
            competencies: ["manager.planning", "manager.results"],
            domains: ["domain.change", "domain.customer"]),
        Department(
            name: "Sales", weight: 15,
            competencies: ["leader.vision", "manager.results"],
            domains: ["domain.customer", "domain.communication"]),
        Department(
            name: "Finance", weight: 10,
            competencies: ["manager.planning", "manager.decisions"],
            domains: ["domain.finance"]),
        Department(
            name: "IT", weight: 13,
            competencies: ["manager.decisions", "leader.strategy"],
            domains: ["domain.change"]),
        Department(
            name: "HR", weight: 5,
            competencies: ["coach.develop", "coach.feedback", "coach.listening"],
            domains: ["domain.people", "domain.communication"]),
        Department(
            name: "Marketing", weight: 7,
            competencies: ["leader.vision", "coach.listening"],
            domains: ["domain.customer", "domain.communication"]),
        Department(
            name: "R&D", weight: 9,
            competencies: ["leader.vision", "leader.strategy"],
            domains: ["domain.change"]),
        Department(
            name: "Legal", weight: 3,
            competencies: ["leader.integrity", "manager.decisions"],
            domains: ["domain.finance", "domain.communication"]),
        Department(
            name: "Supply Chain", weight: 8,
            competencies: ["manager.planning", "manager.decisions"],
            domains: ["domain.customer", "domain.change"]),
        Department(
            name: "Customer Service", weight: 7,
            competencies: ["coach.listening", "coach.feedback"],
            domains: ["domain.customer", "domain.people"]),
        Department(
            name: "Procurement", weight: 4,
            competencies: ["manager.decisions", "leader.integrity"],
            domains: ["domain.finance"]),
        Department(
            name: "Strategy", weight: 3,
            competencies: ["leader.vision", "leader.strategy"],
            domains: ["domain.change", "domain.finance"]),
    ]

    /// Which name pool a person's name is drawn from.
    enum NameCulture: Int {
        case dutch = 0
        case french = 1
        case international = 2
    }

    /// A site, its share of the staff, its language mixes and the cultural mix of its names.
    struct Site {
        let name: String
        /// Relative headcount.
        let weight: Int
        /// Language lists with their relative frequencies.
        let languageMixes: [(languages: [String], weight: Int)]
        /// Relative weights of `NameCulture` dutch, french, international.
        let nameCultures: [Int]
    }

    /// Index of the headquarters in ``sites``, where the CEO and the department heads sit.
    static let headquarters = 0

    static let sites: [Site] = [
        Site(
            name: "Brussels", weight: 28,
            languageMixes: [
                (["nl", "fr", "en"], 38), (["fr", "en"], 22), (["nl", "en"], 18), (["fr", "nl"], 7),
                (["en"], 6), (["fr"], 5), (["nl"], 3), ([], 1),
            ],
            nameCultures: [35, 45, 20]),
        Site(
            name: "Antwerp", weight: 17,
            languageMixes: [(["nl", "en"], 74), (["nl", "fr", "en"], 15), (["nl"], 8), (["en"], 2), ([], 1)],
            nameCultures: [80, 5, 15]),
        Site(
            name: "Ghent", weight: 12,
            languageMixes: [(["nl", "en"], 72), (["nl", "fr", "en"], 18), (["nl"], 8), (["en"], 1), ([], 1)],
            nameCultures: [82, 6, 12]),
        Site(
            name: "Leuven", weight: 6,
            languageMixes: [(["nl", "en"], 70), (["nl", "fr", "en"], 20), (["en"], 6), (["nl"], 3), ([], 1)],
            nameCultures: [72, 8, 20]),
        Site(
            name: "Liège", weight: 12,
            languageMixes: [(["fr", "en"], 62), (["fr"], 20), (["fr", "nl", "en"], 12), (["fr", "nl"], 5), ([], 1)],
            nameCultures: [6, 82, 12]),
        Site(
            name: "Namur", weight: 5,
            languageMixes: [(["fr", "en"], 60), (["fr"], 24), (["fr", "nl", "en"], 11), (["fr", "nl"], 4), ([], 1)],
            nameCultures: [5, 85, 10]),
        Site(
            name: "Amsterdam", weight: 11,
            languageMixes: [(["nl", "en"], 84), (["en"], 8), (["nl"], 5), (["nl", "fr", "en"], 2), ([], 1)],
            nameCultures: [75, 3, 22]),
        Site(
            name: "Paris", weight: 9,
            languageMixes: [(["fr", "en"], 55), (["fr"], 38), (["fr", "nl", "en"], 4), (["en"], 2), ([], 1)],
            nameCultures: [3, 85, 12]),
    ]

    /// First names per ``NameCulture``.
    static let firstNames: [[String]] = [
        [
            "Jan", "Pieter", "Koen", "Bart", "Wouter", "Tom", "Stijn", "Lotte", "Sofie", "Anneleen",
            "Els", "Griet", "Hanne", "Jolien", "Lieve", "Marieke", "Nele", "Joris", "Dries", "Ruben",
            "Thijs", "Sander", "Femke", "Ilse", "Inge", "Kaat", "Lien", "Maarten", "Jeroen", "Niels",
            "Eline", "Zoë", "Annelies", "Wim", "Hilde", "Katrien", "Geert", "Bram", "Joke", "Ine",
        ],
        [
            "Sébastien", "Françoise", "Amélie", "Hélène", "Céline", "Élodie", "Jérôme", "François",
            "Benoît", "Stéphane", "Aurélie", "Mathilde", "Nathalie", "Julien", "Thibault", "Camille",
            "Léa", "Chloé", "Margaux", "Antoine", "Guillaume", "Olivier", "Isabelle", "Valérie",
            "Grégoire", "Noémie", "Gaëlle", "Loïc", "Maxime", "Laurent", "Jean-Pierre", "Anne-Sophie",
        ],
        [
            "James", "Emma", "Olivia", "Oliver", "Sarah", "David", "Michael", "Laura", "Daniel",
            "Hannah", "Rachel", "Thomas", "Sophie", "Ahmed", "Fatima", "Yusuf", "Priya", "Raj", "Mei",
            "Ana", "Marco", "Giulia", "Lukas", "Katarzyna", "Mehmet", "Leila", "Samir", "Elena",
        ],
    ]

    /// Last names per ``NameCulture``.
    static let lastNames: [[String]] = [
        [
            "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens",
            "Wouters", "De Smet", "Van den Broeck", "Vermeulen", "De Vos", "Verstraeten", "Van Damme",
            "Hermans", "Pauwels", "Declercq", "Vandenberghe", "D'Hondt", "Van Acker", "De Backer",
            "Cools", "Aerts", "Segers", "Bakker", "de Jong", "Visser", "van Dijk", "Smit", "Meijer",
            "de Boer", "Verhoeven", "Van Hoof",
        ],
        [
            "Dubois", "Lambert", "Dupont", "Martin", "Simon", "Laurent", "Lefèvre", "Leclercq",
            "Renard", "Fontaine", "Denis", "Lejeune", "Collignon", "Gérard", "Mathieu", "François",
            "Lemaire", "Marchal", "Dumont", "Rousseau", "Moreau", "Bernard", "Petit", "Girard",
            "Lefebvre", "Delvaux", "Thiry", "Halleux", "Bodart", "Noël",
        ],
        [
            "Smith", "Johnson", "Brown", "Taylor", "Wilson", "O'Brien", "Murphy", "Khan", "Patel",
            "Yılmaz", "Nowak", "Rossi", "García", "Müller", "Schmidt", "Kowalski", "El Amrani",
            "Benali", "Chen", "Nguyen", "Okafor", "Silva",
        ],
    ]

    /// Reasons written on generated `forbid` rules.
    static let forbidReasons = [
        "conflict of interest", "personal relationship", "former manager", "same project team",
        "requested by the mentee", "ongoing reorganisation",
    ]

    /// Reasons written on generated `require` rules.
    static let requireReasons = [
        "succession plan", "requested by both", "continuation of a pilot pairing",
        "sponsor request from the executive committee", "international mobility track",
    ]

    /// Labels of earlier rounds in generated history, oldest first.
    static let historyRounds = ["2025-Q1", "2025-Q3", "2026-Q1"]

    /// The domain of the generated e-mail addresses.
    static let emailDomain = "company.example"

    /// The part of an e-mail address made from a name: lowercase ASCII letters, digits and hyphens.
    ///
    /// Accented Latin letters are folded to their base letter (`é` → `e`, `ß` → `ss`); spaces,
    /// apostrophes and anything else are dropped.
    static func emailPart(_ name: String) -> String {
        var result = ""
        for character in name.lowercased() {
            switch character {
            case "a" ... "z", "0" ... "9", "-": result.append(character)
            case "à", "á", "â", "ã", "ä", "å": result.append("a")
            case "æ": result.append("ae")
            case "ç": result.append("c")
            case "è", "é", "ê", "ë": result.append("e")
            case "ì", "í", "î", "ï", "ı": result.append("i")
            case "ñ": result.append("n")
            case "ò", "ó", "ô", "õ", "ö", "ø": result.append("o")
            case "œ": result.append("oe")
            case "ù", "ú", "û", "ü": result.append("u")
            case "ý", "ÿ": result.append("y")
            case "ß": result.append("ss")
            default: break
            }
        }
        return result
    }
}
