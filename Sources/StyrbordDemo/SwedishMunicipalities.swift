/// One of Sweden's municipalities, as the demo names it.
public struct SwedishMunicipality: Sendable, Hashable {
    /// The short name SCB uses ("Upplands Väsby", "Malung-Sälen").
    public var name: String
    /// Lower-case ASCII, hyphenated: the tenant's slug ("upplands-vasby").
    public var slug: String
    /// The county (län) it belongs to.
    public var county: String

    /// What the organisation calls itself: "Ale kommun", "Tanums kommun", "Falu kommun", "Malmö stad".
    public var officialName: String {
        if let special = Self.specialOfficialNames[name] { return special }
        // Genitive: names ending in a vowel or an s-sound take no extra s ("Ale kommun", "Borås kommun").
        let last = name.last.map { Character($0.lowercased()) }
        let takesNoS = last.map { "aeiouyåäösxz".contains($0) } ?? true
        return name + (takesNoS ? "" : "s") + " kommun"
    }

    /// Municipalities whose chosen name does not follow the rule (most call themselves stad).
    private static let specialOfficialNames: [String: String] = [
        "Falun": "Falu kommun", "Gotland": "Region Gotland", "Stockholm": "Stockholms stad",
        "Göteborg": "Göteborgs Stad", "Malmö": "Malmö stad", "Borås": "Borås Stad",
        "Helsingborg": "Helsingborgs stad", "Landskrona": "Landskrona stad", "Lidingö": "Lidingö stad",
        "Mölndal": "Mölndals stad", "Solna": "Solna stad", "Sundbyberg": "Sundbybergs stad",
        "Trollhättan": "Trollhättans stad", "Vaxholm": "Vaxholms stad", "Västerås": "Västerås stad",
        "Haparanda": "Haparanda stad",
    ]
}

extension DemoData {
    /// Sweden's 290 municipalities (kommunindelningen since 2003) in Swedish alphabetical order, Ale to
    /// Övertorneå. `generated(index:…)` takes its name from here.
    public static let swedishMunicipalities: [SwedishMunicipality] = countyTable.flatMap { county, names in
        names.map { SwedishMunicipality(name: $0, slug: slugOverrides[$0] ?? $0.slug, county: county) }
    }.sorted { swedishSortKey($0.name) < swedishSortKey($1.name) }

    /// Habo and Håbo fold to the same slug; Håbo keeps "habo" as it has habo.se, Habo uses habokommun.se.
    private static let slugOverrides = ["Habo": "habokommun"]

    /// Swedish collation for these names: å, ä and ö come after z, in that order.
    private static func swedishSortKey(_ name: String) -> String {
        String(
            name.lowercased().map { character -> Character in
                switch character {
                case "å": "{"
                case "ä": "|"
                case "ö": "}"
                default: character
                }
            })
    }

    /// The table as SCB groups it: county by county.

    private static let countyTable: [(county: String, names: [String])] = [
        (
            "Stockholms län",
            [
                "Botkyrka", "Danderyd", "Ekerö", "Haninge", "Huddinge", "Järfälla", "Lidingö", "Nacka", "Norrtälje",
                "Nykvarn", "Nynäshamn", "Salem", "Sigtuna", "Sollentuna", "Solna", "Stockholm", "Sundbyberg",
                "Södertälje", "Tyresö", "Täby", "Upplands-Bro", "Upplands Väsby", "Vallentuna", "Vaxholm", "Värmdö",
                "Österåker",
            ]
        ),
        ("Uppsala län", ["Enköping", "Heby", "Håbo", "Knivsta", "Tierp", "Uppsala", "Älvkarleby", "Östhammar"]),
        (
            "Södermanlands län",
            [
                "Eskilstuna", "Flen", "Gnesta", "Katrineholm", "Nyköping", "Oxelösund", "Strängnäs", "Trosa",
                "Vingåker",
            ]
        ),
        (
            "Östergötlands län",
            [
                "Boxholm", "Finspång", "Kinda", "Linköping", "Mjölby", "Motala", "Norrköping", "Söderköping",
                "Vadstena",
                "Valdemarsvik", "Ydre", "Åtvidaberg", "Ödeshög",
            ]
        ),
        (
            "Jönköpings län",
            [
                "Aneby", "Eksjö", "Gislaved", "Gnosjö", "Habo", "Jönköping", "Mullsjö", "Nässjö", "Sävsjö", "Tranås",
                "Vaggeryd", "Vetlanda", "Värnamo",
            ]
        ),
        (
            "Kronobergs län",
            ["Alvesta", "Lessebo", "Ljungby", "Markaryd", "Tingsryd", "Uppvidinge", "Växjö", "Älmhult"]
        ),
        (
            "Kalmar län",
            [
                "Borgholm", "Emmaboda", "Hultsfred", "Högsby", "Kalmar", "Mönsterås", "Mörbylånga", "Nybro",
                "Oskarshamn",
                "Torsås", "Vimmerby", "Västervik",
            ]
        ),
        ("Gotlands län", ["Gotland"]),
        ("Blekinge län", ["Karlshamn", "Karlskrona", "Olofström", "Ronneby", "Sölvesborg"]),
        (
            "Skåne län",
            [
                "Bjuv", "Bromölla", "Burlöv", "Båstad", "Eslöv", "Helsingborg", "Hässleholm", "Höganäs", "Hörby",
                "Höör",
                "Klippan", "Kristianstad", "Kävlinge", "Landskrona", "Lomma", "Lund", "Malmö", "Osby", "Perstorp",
                "Simrishamn", "Sjöbo", "Skurup", "Staffanstorp", "Svalöv", "Svedala", "Tomelilla", "Trelleborg",
                "Vellinge", "Ystad", "Åstorp", "Ängelholm", "Örkelljunga", "Östra Göinge",
            ]
        ),
        ("Hallands län", ["Falkenberg", "Halmstad", "Hylte", "Kungsbacka", "Laholm", "Varberg"]),
        (
            "Västra Götalands län",
            [
                "Ale", "Alingsås", "Bengtsfors", "Bollebygd", "Borås", "Dals-Ed", "Essunga", "Falköping", "Färgelanda",
                "Grästorp", "Gullspång", "Göteborg", "Götene", "Herrljunga", "Hjo", "Härryda", "Karlsborg", "Kungälv",
                "Lerum", "Lidköping", "Lilla Edet", "Lysekil", "Mariestad", "Mark", "Mellerud", "Munkedal", "Mölndal",
                "Orust", "Partille", "Skara", "Skövde", "Sotenäs", "Stenungsund", "Strömstad", "Svenljunga", "Tanum",
                "Tibro", "Tidaholm", "Tjörn", "Tranemo", "Trollhättan", "Töreboda", "Uddevalla", "Ulricehamn", "Vara",
                "Vårgårda", "Vänersborg", "Åmål", "Öckerö",
            ]
        ),
        (
            "Värmlands län",
            [
                "Arvika", "Eda", "Filipstad", "Forshaga", "Grums", "Hagfors", "Hammarö", "Karlstad", "Kil",
                "Kristinehamn",
                "Munkfors", "Storfors", "Sunne", "Säffle", "Torsby", "Årjäng",
            ]
        ),
        (
            "Örebro län",
            [
                "Askersund", "Degerfors", "Hallsberg", "Hällefors", "Karlskoga", "Kumla", "Laxå", "Lekeberg",
                "Lindesberg", "Ljusnarsberg", "Nora", "Örebro",
            ]
        ),
        (
            "Västmanlands län",
            [
                "Arboga", "Fagersta", "Hallstahammar", "Kungsör", "Köping", "Norberg", "Sala", "Skinnskatteberg",
                "Surahammar", "Västerås",
            ]
        ),
        (
            "Dalarnas län",
            [
                "Avesta", "Borlänge", "Falun", "Gagnef", "Hedemora", "Leksand", "Ludvika", "Malung-Sälen", "Mora",
                "Orsa",
                "Rättvik", "Smedjebacken", "Säter", "Vansbro", "Älvdalen",
            ]
        ),
        (
            "Gävleborgs län",
            [
                "Bollnäs", "Gävle", "Hofors", "Hudiksvall", "Ljusdal", "Nordanstig", "Ockelbo", "Ovanåker", "Sandviken",
                "Söderhamn",
            ]
        ),
        ("Västernorrlands län", ["Härnösand", "Kramfors", "Sollefteå", "Sundsvall", "Timrå", "Ånge", "Örnsköldsvik"]),
        ("Jämtlands län", ["Berg", "Bräcke", "Härjedalen", "Krokom", "Ragunda", "Strömsund", "Åre", "Östersund"]),
        (
            "Västerbottens län",
            [
                "Bjurholm", "Dorotea", "Lycksele", "Malå", "Nordmaling", "Norsjö", "Robertsfors", "Skellefteå",
                "Sorsele",
                "Storuman", "Umeå", "Vilhelmina", "Vindeln", "Vännäs", "Åsele",
            ]
        ),
        (
            "Norrbottens län",
            [
                "Arjeplog", "Arvidsjaur", "Boden", "Gällivare", "Haparanda", "Jokkmokk", "Kalix", "Kiruna", "Luleå",
                "Pajala", "Piteå", "Älvsbyn", "Överkalix", "Övertorneå",
            ]
        ),
    ]
}
