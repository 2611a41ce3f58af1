/// Name pools for generated people: common Swedish first names and surnames (SCB's most frequent,
/// with a few of the names newer Swedes brought), so that åäö turn up in e-mail folding.
enum SwedishNames {
    static let firstNames: [String] = [
        "Anna", "Eva", "Maria", "Karin", "Sara", "Christina", "Lena", "Emma", "Kerstin", "Marie", "Malin", "Ingrid",
        "Linnéa", "Sofia", "Elin", "Åsa", "Ulla", "Helena", "Johanna", "Camilla", "Annika", "Ida", "Hanna", "Cecilia",
        "Birgitta", "Margareta", "Susanne", "Jenny", "Frida", "Maja", "Märta", "Sanna", "Ylva", "Agneta", "Monica",
        "Fatima", "Amira", "Leila", "Tove", "Ebba", "Matilda", "Louise", "Therese", "Britt-Marie", "Gunilla",
        "Lars", "Mikael", "Anders", "Johan", "Per", "Erik", "Karl", "Peter", "Thomas", "Jan", "Daniel", "Fredrik",
        "Hans", "Bengt", "Magnus", "Stefan", "Mats", "Andreas", "Jonas", "Mattias", "Björn", "Håkan", "Göran",
        "Martin", "Niklas", "Henrik", "Oskar", "Viktor", "Gustav", "Emil", "Simon", "Ali", "Mohammed", "Ahmed",
        "Omar", "Jörgen", "Sören", "Åke", "Kjell", "Leif", "Tobias", "Robert", "Patrik", "Ulf", "Lars-Göran", "Olof",
    ]

    static let lastNames: [String] = [
        "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson",
        "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson", "Jönsson", "Lindberg", "Jakobsson",
        "Magnusson", "Olofsson", "Lindström", "Lindqvist", "Lindgren", "Berg", "Axelsson", "Bergström", "Lundberg",
        "Lind", "Lundgren", "Lundqvist", "Mattsson", "Berglund", "Fredriksson", "Sandberg", "Henriksson", "Forsberg",
        "Sjöberg", "Wallin", "Ali", "Engström", "Mohamed", "Eklund", "Danielsson", "Lundin", "Håkansson", "Björk",
        "Bergman", "Gunnarsson", "Holm", "Wikström", "Samuelsson", "Isaksson", "Fransson", "Bergqvist", "Nyström",
        "Holmberg", "Arvidsson", "Löfgren", "Söderberg", "Nyberg", "Blomqvist", "Claesson", "Nordström", "Mårtensson",
        "Lundström", "Viklund", "Björklund", "Eliasson", "Pålsson", "Berggren", "Sandström", "Lund", "Nordin",
        "Ström", "Åberg", "Hermansson", "Ekström", "Holmgren", "Sundberg", "Hedlund", "Dahlberg", "Hellström",
        "Sjögren", "Abrahamsson", "Falk", "Öberg", "Andreasson", "Blom", "Ek", "Månsson", "Strand", "Åström",
        "Öhman", "Sjöström", "Hassan", "Yilmaz", "Nguyen", "Kovačević", "Virtanen", "Mäkinen",
    ]

    /// The folded forms, computed once, so that e-mail addresses cost no Unicode work per person.
    static let foldedFirstNames: [String] = firstNames.map(\.asciiFolded)
    static let foldedLastNames: [String] = lastNames.map(\.asciiFolded)
}
