"""Synthetic reference data for the demo-store builder and for tests.

Everything here is invented or public: street names of Milan's Aler estates, common first
names and surnames, Belfiore (cadastral) codes of municipalities and foreign states, and
short contact texts written the way a community manager would. No entry describes a real
private person; combining them yields plausible but fictitious residents and contacts.

The module is pure data: it imports nothing from ``casa_desk`` and performs no I/O, so the
builder (and any test) can use it without a store, a keyring or Qt.
"""

from __future__ import annotations

from typing import Final, TypedDict


class PresidioData(TypedDict):
    """One C.A.S.A. office (``presidi`` row) plus what the builder needs to fabricate units."""

    code: str
    name: str
    quartiere: str
    municipio: int
    address: str
    streets: tuple[str, ...]
    unit_prefix: str


class OriginData(TypedDict):
    """One origin group of residents, used to draw names, birthplace and languages together.

    ``place_codes`` are Belfiore codes for the codice fiscale birthplace; ``place_weights`` is
    aligned with it (same length) for ``random.choices``. ``weight`` is the group's share of
    residents, in percent.
    """

    key: str
    weight: float
    place_codes: tuple[str, ...]
    place_weights: tuple[int, ...]
    languages: tuple[str, ...]
    male_first: tuple[str, ...]
    female_first: tuple[str, ...]
    surnames: tuple[str, ...]


# ---------------------------------------------------------------------------------------------
# Offices (presidi)
# ---------------------------------------------------------------------------------------------

# Office addresses are indicative: a street of the estate with a plausible civic number, not
# the actual location of the C.A.S.A. desk.
PRESIDI: Final[tuple[PresidioData, ...]] = (
    {
        "code": "GRATOSOGLIO",
        "name": "Presidio C.A.S.A. Gratosoglio",
        "quartiere": "Gratosoglio",
        "municipio": 5,
        "address": "Via Saponaro 12, Milano",  # indicative
        "streets": (
            "Via dei Missaglia",
            "Via Saponaro",
            "Via Baroni",
            "Via Feraboli",
            "Via Biondi",
            "Via Fratelli Rosselli",
            "Via Sant'Abbondio",
            "Via Camporgnago",
        ),
        "unit_prefix": "GR",
    },
    {
        "code": "MOLISE-CALVAIRATE",
        "name": "Presidio C.A.S.A. Molise-Calvairate",
        "quartiere": "Molise-Calvairate",
        "municipio": 4,
        "address": "Via Tommei 6, Milano",  # indicative
        "streets": (
            "Viale Molise",
            "Via Ciceri Visconti",
            "Via Tommei",
            "Via Comacchio",
            "Piazza Insubria",
            "Via Lomellina",
            "Via Calvairate",
            "Viale Umbria",
        ),
        "unit_prefix": "MC",
    },
    {
        "code": "MAZZINI",
        "name": "Presidio C.A.S.A. Mazzini",
        "quartiere": "Corvetto",
        "municipio": 4,
        "address": "Via Mompiani 5, Milano",  # indicative
        "streets": (
            "Via Mompiani",
            "Via Gabriele Rosa",
            "Via dei Cinquecento",
            "Via Mincio",
            "Via Polesine",
            "Via Oglio",
            "Via Barzoni",
            "Via Ravenna",
            "Piazzale Corvetto",
        ),
        "unit_prefix": "MZ",
    },
    {
        "code": "SAN-SIRO",
        "name": "Presidio C.A.S.A. San Siro",
        "quartiere": "San Siro",
        "municipio": 7,
        "address": "Via Maratta 7, Milano",  # indicative
        "streets": (
            "Piazzale Selinunte",
            "Via Zamagna",
            "Via Civitali",
            "Via Paravia",
            "Via Maratta",
            "Via Tracia",
            "Via Preneste",
            "Via Mar Jonio",
            "Via Abbiati",
            "Via Ricciarelli",
            "Via Micene",
            "Via Morgantini",
        ),
        "unit_prefix": "SS",
    },
)

# ---------------------------------------------------------------------------------------------
# Residents' origins and names
# ---------------------------------------------------------------------------------------------

ORIGINS: Final[tuple[OriginData, ...]] = (
    {
        "key": "italia",
        "weight": 55.0,
        # Milan first and heaviest, then the southern cities of the post-war migration.
        "place_codes": (
            "F205",  # Milano
            "I690",  # Sesto San Giovanni
            "F839",  # Napoli
            "G273",  # Palermo
            "A662",  # Bari
            "C351",  # Catania
            "D643",  # Foggia
            "H224",  # Reggio Calabria
            "D086",  # Cosenza
            "F158",  # Messina
            "L049",  # Taranto
            "E506",  # Lecce
            "A089",  # Agrigento
            "H703",  # Salerno
            "C352",  # Catanzaro
            "H501",  # Roma
        ),
        "place_weights": (60, 3, 8, 5, 4, 4, 3, 3, 2, 2, 2, 2, 2, 2, 2, 1),
        "languages": ("it",),
        "male_first": (
            "Giuseppe", "Giovanni", "Antonio", "Mario", "Francesco", "Luigi", "Angelo",
            "Vincenzo", "Pietro", "Salvatore", "Carlo", "Franco", "Domenico", "Bruno", "Paolo",
            "Michele", "Giorgio", "Sergio", "Luciano", "Roberto", "Marco", "Alessandro",
            "Andrea", "Luca", "Matteo", "Lorenzo", "Davide", "Stefano", "Massimo", "Fabio",
            "Gabriele", "Riccardo", "Nicolò", "Niccolò", "Simone", "Daniele", "Emanuele",
            "Raffaele", "Gennaro", "Rocco", "Cosimo", "Carmelo", "Filippo", "Federico",
            "Tommaso", "Leonardo",
        ),
        "female_first": (
            "Maria", "Anna", "Giuseppina", "Rosa", "Angela", "Giovanna", "Teresa", "Lucia",
            "Carmela", "Caterina", "Francesca", "Antonietta", "Concetta", "Rita", "Franca",
            "Laura", "Paola", "Giulia", "Chiara", "Sara", "Martina", "Valentina", "Alessandra",
            "Elena", "Silvia", "Federica", "Sofia", "Aurora", "Alice", "Giorgia", "Emma",
            "Beatrice", "Greta", "Immacolata", "Assunta", "Filomena", "Grazia", "Patrizia",
            "Daniela", "Roberta", "Monica", "Barbara",
        ),
        "surnames": (
            "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci",
            "Marino", "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa",
            "Giordano", "Rizzo", "Lombardi", "Moretti", "Barbieri", "Fontana", "Santoro",
            "Mariani", "Rinaldi", "Caruso", "Ferrara", "Galli", "Martini", "Leone", "Longo",
            "Gentile", "Martinelli", "Vitale", "Lombardo", "Serra", "Coppola", "De Santis",
            "D'Angelo", "Marchetti", "Ferraro", "Amato", "Sorrentino", "Messina", "Cattaneo",
            "Brambilla", "Villa", "Pellegrini", "Palumbo", "Sanna", "Fiore", "De Rosa",
        ),
    },
    {
        "key": "egitto",
        "weight": 10.0,
        "place_codes": ("Z336",),
        "place_weights": (1,),
        "languages": ("ar", "it"),
        "male_first": (
            "Mohamed", "Ahmed", "Mahmoud", "Mostafa", "Hassan", "Ali", "Ibrahim", "Omar",
            "Khaled", "Tarek", "Amr", "Karim", "Youssef", "Hany", "Sameh", "Ayman", "Walid",
            "Ashraf", "Sherif", "Hossam", "Islam", "Abdelrahman",
        ),
        "female_first": (
            "Fatma", "Mona", "Nour", "Heba", "Amira", "Yasmin", "Mariam", "Shaimaa", "Doaa",
            "Rania", "Aya", "Salma", "Dina", "Eman", "Asmaa", "Noha", "Sara", "Reem", "Hend",
        ),
        "surnames": (
            "Mohamed", "Ahmed", "Hassan", "Ali", "Ibrahim", "Mahmoud", "Abdelrahman", "Salem",
            "Farouk", "Mostafa", "Abdelaziz", "Ismail", "Youssef", "Saleh", "Khalil",
            "Soliman", "Mansour", "El Sayed", "Abdallah", "Fathy", "Gamal", "Hussein",
            "Shehata", "Ramadan", "Attia",
        ),
    },
    {
        "key": "marocco",
        "weight": 6.0,
        "place_codes": ("Z330",),
        "place_weights": (1,),
        "languages": ("ar", "fr", "it"),
        "male_first": (
            "Mohammed", "Youssef", "Hamza", "Rachid", "Said", "Abdelaziz", "Mustapha",
            "Hassan", "Khalid", "Aziz", "Abdellah", "Omar", "Mehdi", "Yassine", "Nabil",
            "Karim", "Driss", "Ayoub", "Adil", "Hicham",
        ),
        "female_first": (
            "Fatima", "Khadija", "Aicha", "Naima", "Samira", "Malika", "Latifa", "Zineb",
            "Salma", "Imane", "Hanane", "Nadia", "Souad", "Meryem", "Houda", "Siham", "Loubna",
        ),
        "surnames": (
            "El Amrani", "Benali", "Alaoui", "El Idrissi", "Bennani", "Tazi", "Chraibi",
            "Berrada", "El Fassi", "Ouali", "Bouzid", "El Khatib", "Haddad", "Lahlou",
            "Ziani", "Naciri", "Kabbaj", "El Mansouri", "Bakkali", "Ouazzani", "Hajji",
            "Filali",
        ),
    },
    {
        "key": "peru",
        "weight": 5.0,
        "place_codes": ("Z611",),
        "place_weights": (1,),
        "languages": ("es", "it"),
        "male_first": (
            "José", "Luis", "Carlos", "Juan", "Jorge", "Miguel", "César", "Víctor", "Julio",
            "Pedro", "Manuel", "Jesús", "Raúl", "Fernando", "Ricardo", "Alberto", "Edwin",
            "Wilmer", "Percy", "Óscar",
        ),
        "female_first": (
            "María", "Rosa", "Carmen", "Ana", "Luz", "Juana", "Elizabeth", "Gladys",
            "Milagros", "Patricia", "Rocío", "Yolanda", "Sonia", "Nelly", "Flor", "Lucía",
            "Marisol", "Janet",
        ),
        "surnames": (
            "Quispe", "Huamán", "Flores", "Mamani", "Rojas", "Chávez", "Ramírez", "Torres",
            "Sánchez", "García", "Rodríguez", "López", "Díaz", "Mendoza", "Vásquez",
            "Gonzales", "Castillo", "Vargas", "Gutiérrez", "Espinoza", "Condori", "Salazar",
            "Paredes", "Cruz",
        ),
    },
    {
        "key": "filippine",
        "weight": 4.0,
        "place_codes": ("Z216",),
        "place_weights": (1,),
        "languages": ("tl", "en", "it"),
        "male_first": (
            "Jose", "Juan", "Mark", "John Paul", "Jerome", "Ramon", "Rodel", "Arnel",
            "Rolando", "Eduardo", "Ricardo", "Romeo", "Reynaldo", "Joel", "Jonathan",
            "Christian", "Michael", "Ronaldo", "Danilo", "Renato",
        ),
        "female_first": (
            "Maria", "Rosalie", "Jocelyn", "Marites", "Analyn", "Lorna", "Maricel", "Grace",
            "Mary Jane", "Rowena", "Cristina", "Gemma", "Jennifer", "Rosario", "Evelyn",
            "Leonora", "Erlinda", "Marilou", "Joy",
        ),
        "surnames": (
            "Santos", "Reyes", "Cruz", "Bautista", "Garcia", "Mendoza", "Dela Cruz",
            "Villanueva", "Ramos", "Aquino", "Castillo", "Flores", "Gonzales", "Torres",
            "Mercado", "Navarro", "Aguilar", "Pascual", "Manalo", "Soriano", "Del Rosario",
            "Fernandez", "Lopez", "Tolentino", "De Guzman",
        ),
    },
    {
        "key": "romania",
        "weight": 4.0,
        "place_codes": ("Z129",),
        "place_weights": (1,),
        "languages": ("ro", "it"),
        "male_first": (
            "Ion", "Gheorghe", "Constantin", "Vasile", "Nicolae", "Mihai", "Andrei",
            "Alexandru", "Ștefan", "Florin", "Marian", "Cristian", "Adrian", "Daniel", "Ionuț",
            "Bogdan", "Gabriel", "Cătălin", "Dorin", "Costel", "Răzvan", "Sorin",
        ),
        "female_first": (
            "Maria", "Elena", "Ioana", "Ana", "Mihaela", "Andreea", "Cristina", "Daniela",
            "Gabriela", "Florentina", "Alina", "Nicoleta", "Georgiana", "Ramona", "Simona",
            "Loredana", "Violeta", "Mariana", "Rodica", "Ștefania",
        ),
        "surnames": (
            "Popescu", "Ionescu", "Popa", "Stan", "Dumitru", "Constantin", "Stoica",
            "Gheorghe", "Rusu", "Munteanu", "Matei", "Ciobanu", "Lungu", "Marin", "Ilie",
            "Florea", "Tudor", "Dinu", "Mocanu", "Barbu", "Radu", "Nistor", "Moldovan",
            "Dobre", "Toma", "Sârbu", "Cristea", "Oprea", "Lazăr", "Țurcanu",
        ),
    },
    {
        "key": "ecuador",
        "weight": 3.0,
        "place_codes": ("Z605",),
        "place_weights": (1,),
        "languages": ("es", "it"),
        "male_first": (
            "Luis", "José", "Carlos", "Jorge", "Juan Carlos", "Segundo", "Manuel",
            "Washington", "Fabián", "Wilson", "Darwin", "Byron", "Fausto", "Patricio",
            "Marcelo", "Diego", "Andrés",
        ),
        "female_first": (
            "María", "Rosa", "Mercedes", "Blanca", "Gloria", "Martha", "Narcisa", "Mayra",
            "Verónica", "Jessica", "Karina", "Silvia", "Lorena", "Paola", "Fernanda",
            "Gabriela", "Tatiana",
        ),
        "surnames": (
            "Zambrano", "Vera", "Cedeño", "Mendoza", "Moreira", "Chávez", "Guerrero", "Ortiz",
            "Sánchez", "Macías", "Castro", "Loor", "Bravo", "Espinoza", "Delgado", "Suárez",
            "Andrade", "Cevallos", "Guamán", "Toapanta", "Morales", "Pazmiño",
        ),
    },
    {
        "key": "albania",
        "weight": 2.5,
        "place_codes": ("Z100",),
        "place_weights": (1,),
        "languages": ("sq", "it"),
        "male_first": (
            "Arben", "Artan", "Ilir", "Gentian", "Erion", "Besnik", "Fatmir", "Agron",
            "Klodian", "Elton", "Altin", "Dritan", "Edmond", "Gëzim", "Ardit", "Alban",
            "Sokol", "Flamur", "Luan",
        ),
        "female_first": (
            "Elona", "Anila", "Ermira", "Mimoza", "Blerina", "Elda", "Jonida", "Klaudia",
            "Mirela", "Valbona", "Drita", "Lindita", "Arjola", "Entela", "Brunilda", "Alketa",
        ),
        "surnames": (
            "Hoxha", "Shehu", "Gjoka", "Leka", "Prifti", "Dervishi", "Çela", "Kola", "Marku",
            "Hysa", "Basha", "Gjoni", "Mema", "Kaçi", "Meta", "Dushku", "Kurti", "Berisha",
            "Lleshi", "Hasani", "Duka",
        ),
    },
    {
        "key": "cina",
        "weight": 2.0,
        "place_codes": ("Z210",),
        "place_weights": (1,),
        "languages": ("zh", "it"),
        "male_first": (
            "Wei", "Jian", "Jun", "Hao", "Lei", "Ming", "Qiang", "Yong", "Jie", "Bin", "Tao",
            "Feng", "Chao", "Zhiwei", "Jianhua", "Xiaolong", "Haitao", "Guoqiang",
        ),
        "female_first": (
            "Li", "Mei", "Fang", "Jing", "Yan", "Ying", "Hong", "Xiaoyan", "Lina", "Min", "Xia",
            "Hui", "Lan", "Qing", "Xiaomei", "Yun", "Lihua",
        ),
        "surnames": (
            "Hu", "Chen", "Zhou", "Wang", "Lin", "Zhang", "Ye", "Jin", "Li", "Zheng", "Wu",
            "Xu", "Huang", "Pan", "Zhu", "Yang", "Liu", "Ji", "Dong", "Ma", "Shi",
        ),
    },
    {
        "key": "sri_lanka",
        "weight": 2.0,
        "place_codes": ("Z209",),
        "place_weights": (1,),
        "languages": ("si", "it"),
        "male_first": (
            "Nuwan", "Chaminda", "Sampath", "Ruwan", "Pradeep", "Kasun", "Nalin", "Saman",
            "Asanka", "Dinesh", "Lasantha", "Chamara", "Prasanna", "Tharindu", "Mahesh",
            "Sunil", "Nimal", "Upul",
        ),
        "female_first": (
            "Nadeesha", "Dilani", "Chathurika", "Sanduni", "Nirosha", "Kumari", "Dilrukshi",
            "Shiromi", "Chandani", "Ishara", "Nilmini", "Anoma", "Sachini", "Malani",
            "Thilini", "Hasini",
        ),
        "surnames": (
            "Perera", "Fernando", "De Silva", "Jayawardena", "Wickramasinghe", "Dissanayake",
            "Bandara", "Kumara", "Rathnayake", "Gunasekara", "Herath", "Wijesinghe",
            "Jayasinghe", "Karunaratne", "Weerasinghe", "Ranasinghe", "Liyanage",
            "Samarasinghe", "Mendis", "Peiris",
        ),
    },
    {
        "key": "bangladesh",
        "weight": 2.0,
        "place_codes": ("Z249",),
        "place_weights": (1,),
        "languages": ("bn", "it"),
        "male_first": (
            "Mohammad", "Abdul", "Rahim", "Karim", "Rafiq", "Shahid", "Jahangir", "Kamal",
            "Sohel", "Rubel", "Mizanur", "Habib", "Anwar", "Sumon", "Jamal", "Faruk", "Masud",
            "Nazrul",
        ),
        "female_first": (
            "Fatema", "Nasrin", "Shirin", "Rokeya", "Sultana", "Taslima", "Jesmin", "Rina",
            "Shahnaz", "Nargis", "Ayesha", "Salma", "Farzana", "Sharmin", "Rupa", "Parvin",
        ),
        "surnames": (
            "Hossain", "Rahman", "Islam", "Ahmed", "Uddin", "Akter", "Begum", "Khan", "Miah",
            "Alam", "Chowdhury", "Sarkar", "Haque", "Ali", "Kabir", "Mollah", "Talukder",
            "Sheikh", "Bhuiyan", "Karim",
        ),
    },
    {
        "key": "senegal",
        "weight": 1.5,
        "place_codes": ("Z343",),
        "place_weights": (1,),
        "languages": ("wo", "fr", "it"),
        "male_first": (
            "Mamadou", "Moussa", "Ibrahima", "Cheikh", "Abdoulaye", "Ousmane", "Modou",
            "Babacar", "Amadou", "Aliou", "Serigne", "Pape", "Malick", "Lamine", "Saliou",
            "Omar", "Assane", "Souleymane",
        ),
        "female_first": (
            "Fatou", "Aminata", "Awa", "Mariama", "Aissatou", "Khady", "Ndeye", "Coumba",
            "Adama", "Astou", "Bineta", "Rokhaya", "Sokhna", "Maimouna", "Seynabou",
        ),
        "surnames": (
            "Diop", "Ndiaye", "Fall", "Sow", "Diallo", "Gueye", "Faye", "Ba", "Mbaye", "Sarr",
            "Thiam", "Seck", "Sy", "Cissé", "Kane", "Niang", "Diouf", "Ndoye", "Sène", "Wade",
            "Dieng", "Mbengue", "Touré", "Camara",
        ),
    },
    {
        "key": "ucraina",
        "weight": 1.5,
        "place_codes": ("Z138",),
        "place_weights": (1,),
        "languages": ("uk", "ru", "it"),
        "male_first": (
            "Oleksandr", "Serhii", "Volodymyr", "Andrii", "Mykola", "Ivan", "Vasyl", "Yurii",
            "Dmytro", "Oleh", "Ihor", "Petro", "Viktor", "Taras", "Bohdan", "Roman", "Vitalii",
        ),
        "female_first": (
            "Olena", "Tetiana", "Nataliia", "Iryna", "Svitlana", "Oksana", "Halyna",
            "Liudmyla", "Mariia", "Yuliia", "Kateryna", "Valentyna", "Nadiia", "Anna",
            "Larysa", "Olha", "Viktoriia",
        ),
        "surnames": (
            "Melnyk", "Shevchenko", "Boiko", "Kovalenko", "Bondarenko", "Tkachenko",
            "Kovalchuk", "Kravchenko", "Oliinyk", "Shevchuk", "Koval", "Polishchuk", "Bondar",
            "Tkachuk", "Moroz", "Marchenko", "Lysenko", "Rudenko", "Savchenko", "Petrenko",
        ),
    },
    {
        "key": "tunisia",
        "weight": 1.5,
        "place_codes": ("Z352",),
        "place_weights": (1,),
        "languages": ("ar", "fr", "it"),
        "male_first": (
            "Mohamed", "Ahmed", "Ali", "Mehdi", "Sami", "Karim", "Nabil", "Hichem", "Walid",
            "Slim", "Anis", "Bilel", "Amine", "Fethi", "Moez", "Chokri", "Lotfi", "Sofiene",
            "Habib",
        ),
        "female_first": (
            "Fatma", "Amel", "Leila", "Sonia", "Ines", "Salma", "Rim", "Nadia", "Olfa", "Hela",
            "Mouna", "Sana", "Imen", "Samia", "Asma", "Wafa", "Khaoula", "Rania",
        ),
        "surnames": (
            "Ben Ali", "Trabelsi", "Gharbi", "Hammami", "Ben Salah", "Jebali", "Mejri",
            "Ayari", "Dridi", "Jlassi", "Sassi", "Chaabane", "Bouazizi", "Ben Ammar", "Riahi",
            "Khelifi", "Mansouri", "Ben Youssef", "Hamdi", "Tlili",
        ),
    },
)

# ---------------------------------------------------------------------------------------------
# Flats
# ---------------------------------------------------------------------------------------------

#: Floor numbers: 0 is the ground floor (piano terra / rialzato); the towers go higher.
FLOORS: Final[range] = range(0, 13)
#: Stair letters (scala A, scala B, ...).
STAIRS: Final[tuple[str, ...]] = ("A", "B", "C", "D", "E", "F")
#: Typical number of flats per floor and stair: 4, 5 or 6.
INTERNAL_COUNT: Final[range] = range(4, 7)

EMAIL_DOMAINS: Final[tuple[str, ...]] = (
    "gmail.com",
    "libero.it",
    "hotmail.it",
    "yahoo.it",
    "outlook.it",
    "virgilio.it",
)

# ---------------------------------------------------------------------------------------------
# Contacts
# ---------------------------------------------------------------------------------------------

#: Category codes, as in the ``categories`` table (DESIGN.md §3).
CATEGORIES: Final[tuple[str, ...]] = (
    "manutenzione",
    "amministrativo",
    "morosita",
    "mobilita",
    "sociale",
    "salute",
    "violenza_domestica",
    "conflitti_vicinato",
    "occupazioni_abusive",
    "altro",
)

#: Contact channels, as in ``contacts.channel``.
CHANNELS: Final[tuple[str, ...]] = (
    "sportello",
    "telefono",
    "email",
    "visita_domiciliare",
    "evento",
)

#: Service kinds, as in ``services.kind``.
SERVICE_KINDS: Final[tuple[str, ...]] = (
    "salute",
    "antiviolenza",
    "servizi_sociali",
    "legale",
    "lavoro",
    "casa",
    "altro",
)

CONTACT_SUMMARIES: Final[dict[str, tuple[str, ...]]] = {
    "manutenzione": (
        "Guasto al riscaldamento, termosifoni freddi",
        "Infiltrazione d'acqua dal soffitto del bagno",
        "Ascensore fermo scala B",
        "Muffa in camera da letto",
        "Citofono non funzionante",
        "Caldaia in blocco",
        "Perdita dallo scarico della cucina",
        "Luci del vano scala spente",
        "Portone d'ingresso che non si chiude",
        "Finestra con infisso rotto",
        "Presenza di topi in cantina",
        "Acqua calda assente da alcuni giorni",
    ),
    "amministrativo": (
        "Rinnovo anagrafe dell'utenza",
        "Richiesta copia contratto di locazione",
        "Voltura contratto dopo decesso del titolare",
        "Aiuto per la compilazione dell'ISEE",
        "Chiarimenti sul bollettino del canone",
        "Richiesta di ampliamento del nucleo familiare",
        "Comunicazione di cambio residenza di un familiare",
        "Domanda sul ricalcolo del canone",
        "Richiesta di ospitalità temporanea",
    ),
    "morosita": (
        "Richiesta di piano di rientro per morosità",
        "Avviso di sfratto per morosità, chiede chiarimenti",
        "Informazioni sul fondo per la morosità incolpevole",
        "Difficoltà a pagare il canone dopo perdita del lavoro",
        "Rate del piano di rientro non pagate",
        "Sollecito di pagamento ricevuto, chiede verifica",
        "Richiesta di rateizzazione delle spese condominiali",
    ),
    "mobilita": (
        "Richiesta di cambio alloggio per sovraffollamento",
        "Cambio alloggio per barriere architettoniche",
        "Richiesta di alloggio al piano terra per motivi di salute",
        "Informazioni sulla graduatoria di mobilità",
        "Proposta di scambio consensuale di alloggio",
        "Richiesta di alloggio più piccolo dopo uscita dei figli",
    ),
    "sociale": (
        "Persona anziana sola, chiede supporto per la spesa",
        "Richiesta di informazioni sul pacco alimentare",
        "Famiglia in difficoltà economica, chiede orientamento",
        "Supporto per iscrizione dei figli al centro estivo",
        "Richiesta di aiuto per pratiche del permesso di soggiorno",
        "Ricerca di un corso di italiano per adulti",
        "Segnalazione di persona fragile che vive da sola",
        "Richiesta di accompagnamento ai servizi del Municipio",
    ),
    "salute": (
        "Difficoltà a prenotare visite specialistiche",
        "Richiesta di informazioni sulla scelta del medico di base",
        "Supporto per la domanda di invalidità civile",
        "Informazioni sull'assistenza domiciliare",
        "Richiesta di orientamento ai servizi di salute mentale",
        "Aiuto per il rinnovo della tessera sanitaria",
    ),
    "violenza_domestica": (
        "Colloquio riservato",
        "Richiesta di informazioni sul centro antiviolenza",
        "Richiesta di informazioni sul numero 1522",
        "Colloquio riservato, concordato ricontatto",
        "Richiesta di orientamento ai servizi dedicati",
        "Accompagnamento ai servizi concordato",
    ),
    "conflitti_vicinato": (
        "Rumori molesti dall'appartamento superiore",
        "Lite per l'uso degli spazi comuni",
        "Sacchi di rifiuti lasciati sul pianerottolo",
        "Cattivi odori dall'alloggio vicino",
        "Richiesta di mediazione tra vicini",
        "Animali domestici lasciati nel cortile",
        "Biciclette e oggetti nel vano scala",
    ),
    "occupazioni_abusive": (
        "Segnalazione alloggio occupato senza titolo",
        "Porta di alloggio sfitto forzata",
        "Cantina occupata da estranei",
        "Segnalazione di alloggio sfitto da murare",
        "Richiesta di informazioni su regolarizzazione",
        "Movimenti sospetti in un alloggio vuoto",
    ),
    "altro": (
        "Richiesta di informazioni generali",
        "Informazioni sulle attività del laboratorio di quartiere",
        "Iscrizione a un evento del presidio",
        "Proposta di attività per il cortile",
        "Richiesta di orari degli uffici Aler",
        "Ritiro di documentazione lasciata allo sportello",
    ),
}

CONTACT_NOTES: Final[dict[str, tuple[str, ...]]] = {
    "manutenzione": (
        "Inoltrata segnalazione al numero verde Aler. L'inquilino ha il numero di pratica.",
        "Il guasto si ripete da settimane. Sollecitato il referente tecnico di zona.",
        "Sopralluogo fatto con l'inquilino, documentato con fotografie e allegato alla "
        "segnalazione.",
        "Problema comune a tutta la scala. Concordata segnalazione cumulativa con gli altri "
        "inquilini.",
        "Intervento programmato dal tecnico; l'inquilino chiede di essere avvisato il giorno "
        "prima.",
    ),
    "amministrativo": (
        "Spiegata la documentazione necessaria. Fissato appuntamento per la consegna.",
        "Aiutato a compilare il modulo online, la ricevuta è stata stampata e consegnata.",
        "Manca un documento di un componente del nucleo. Richiamare dopo la consegna.",
        "Pratica inviata agli uffici Aler, tempi di risposta indicati all'inquilino.",
        "L'inquilino non ha accesso allo SPID. Orientato al punto di assistenza del Comune.",
    ),
    "morosita": (
        "Ricostruito il debito con l'estratto conto. Proposto piano di rientro sostenibile.",
        "Nucleo con reddito ridotto. Verificati i requisiti per i contributi disponibili.",
        "Spiegate le conseguenze del mancato pagamento e le possibilità di rateizzazione.",
        "Inviata richiesta di sospensione temporanea in attesa della documentazione "
        "reddituale.",
    ),
    "mobilita": (
        "Verificata la composizione del nucleo rispetto alla superficie dell'alloggio.",
        "Spiegati requisiti e tempi della mobilità. Raccolta la certificazione medica.",
        "Domanda di cambio alloggio protocollata, in attesa di valutazione.",
        "Orientato verso lo scambio consensuale, più rapido della graduatoria.",
    ),
    "sociale": (
        "Attivata la rete di volontari del quartiere per la consegna della spesa.",
        "Concordato invio ai servizi sociali del Municipio con il consenso della persona.",
        "La famiglia è già seguita dai servizi; preso contatto con l'assistente sociale.",
        "Fornite informazioni sulle associazioni del quartiere e sui loro orari.",
        "Programmata visita domiciliare per valutare meglio la situazione.",
    ),
    "salute": (
        "Supportato nella prenotazione tramite il numero regionale. Appuntamento fissato.",
        "Fornite informazioni sulla casa di comunità di riferimento.",
        "Consegnato elenco dei documenti per la domanda. Richiamare tra due settimane.",
        "Concordato accompagnamento con un volontario per la prima visita.",
    ),
    "violenza_domestica": (
        "Colloquio svolto in spazio riservato. Fornite informazioni sui servizi dedicati.",
        "Comunicato il numero 1522, gratuito e attivo 24 ore su 24.",
        "La persona preferisce non lasciare recapiti. Concordata modalità di ricontatto "
        "sicura.",
        "Con il consenso della persona, avviato contatto con il centro antiviolenza.",
    ),
    "conflitti_vicinato": (
        "Ascoltate entrambe le parti. Proposto incontro di mediazione al presidio.",
        "Affisso avviso in portineria sul regolamento degli spazi comuni.",
        "Situazione già segnalata in passato. Informato il custode sociale.",
        "Le parti hanno concordato orari e regole. Verificare tra un mese.",
    ),
    "occupazioni_abusive": (
        "Segnalazione inoltrata agli uffici Aler competenti.",
        "Verificato che l'alloggio risulta sfitto negli elenchi disponibili.",
        "Chi segnala chiede di restare anonimo; nessun dato personale registrato.",
        "Presente un nucleo con minori. Informati i servizi sociali per le valutazioni del "
        "caso.",
    ),
    "altro": (
        "Fornite le informazioni richieste. Nessun seguito necessario.",
        "Consegnato il volantino delle attività del mese.",
        "Raccolta la proposta, sarà discussa alla prossima riunione di quartiere.",
        "Indicati orari e recapiti dell'ufficio competente.",
    ),
}

FOLLOW_UP_ACTIONS: Final[tuple[str, ...]] = (
    "Richiamare la persona",
    "Sollecitare l'intervento tecnico",
    "Verificare l'esito della segnalazione",
    "Fissare appuntamento allo sportello",
    "Programmare visita domiciliare",
    "Inviare la documentazione via email",
    "Contattare l'assistente sociale",
    "Verificare la presa in carico del servizio",
    "Controllare la risposta degli uffici Aler",
    "Ritirare i documenti mancanti",
    "Proporre incontro di mediazione",
)

# Relative weights by month (January..December) for picking a contact's category. Heating
# faults push maintenance up from November to February; administrative requests rise in
# January-February (new ISEE) and around the anagrafe dell'utenza campaign, assumed here to
# run in spring. Health and domestic violence stay at roughly 2-4% of contacts.
MONTHLY_CATEGORY_WEIGHTS: Final[dict[str, tuple[int, ...]]] = {
    "manutenzione": (40, 38, 30, 24, 22, 20, 20, 18, 22, 28, 36, 42),
    "amministrativo": (24, 24, 20, 28, 32, 28, 18, 12, 18, 20, 18, 14),
    "morosita": (10, 10, 11, 10, 10, 10, 9, 8, 11, 10, 10, 11),
    "mobilita": (6, 6, 6, 6, 6, 6, 6, 5, 6, 6, 6, 6),
    "sociale": (12, 11, 11, 11, 11, 11, 12, 12, 11, 11, 12, 13),
    "salute": (4, 4, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4),
    "violenza_domestica": (3, 3, 3, 3, 3, 3, 3, 2, 3, 3, 3, 3),
    "conflitti_vicinato": (7, 7, 7, 8, 9, 10, 11, 10, 9, 8, 7, 7),
    "occupazioni_abusive": (4, 4, 4, 4, 4, 4, 4, 5, 4, 4, 4, 4),
    "altro": (5, 5, 5, 5, 6, 6, 5, 4, 6, 5, 5, 6),
}

CHANNEL_WEIGHTS: Final[dict[str, int]] = {
    "sportello": 55,
    "telefono": 25,
    "email": 8,
    "visita_domiciliare": 8,
    "evento": 4,
}

# ---------------------------------------------------------------------------------------------
# Referrals
# ---------------------------------------------------------------------------------------------

REFERRAL_REASONS: Final[dict[str, tuple[str, ...]]] = {
    "salute": (
        "Orientamento al medico di base",
        "Prenotazione di visite specialistiche",
        "Domanda di invalidità civile",
        "Valutazione per assistenza domiciliare",
        "Orientamento ai servizi di salute mentale",
    ),
    "antiviolenza": (
        "Richiesta di colloquio con il centro antiviolenza",
        "Orientamento ai servizi dedicati",
        "Supporto concordato con la persona",
    ),
    "servizi_sociali": (
        "Persona anziana sola con bisogni di assistenza",
        "Nucleo in difficoltà economica",
        "Richiesta di contributo economico",
        "Supporto educativo per minori",
        "Valutazione della fragilità del nucleo",
    ),
    "legale": (
        "Consulenza su procedura di sfratto",
        "Assistenza per pratiche di soggiorno",
        "Consulenza su debiti e rateizzazioni",
        "Informazioni sul patrocinio a spese dello Stato",
    ),
    "lavoro": (
        "Ricerca attiva del lavoro",
        "Iscrizione al centro per l'impiego",
        "Orientamento a corsi di formazione",
        "Redazione del curriculum",
    ),
    "casa": (
        "Verifica dei requisiti per la mobilità",
        "Informazioni sui contributi per l'affitto",
        "Orientamento per la morosità incolpevole",
        "Emergenza abitativa",
    ),
    "altro": (
        "Corso di italiano per adulti",
        "Attività del laboratorio di quartiere",
        "Supporto digitale per SPID e pratiche online",
        "Doposcuola per i figli",
    ),
}
