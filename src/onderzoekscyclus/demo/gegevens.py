"""The invented names, themes and texts the large demo draws from."""

from __future__ import annotations

__all__ = [
    "ACHTERNAMEN",
    "FASEN",
    "KWALITEITEN",
    "LOGTEKSTEN",
    "OPLEIDING",
    "PLAATSEN",
    "PO",
    "SCHOOLNAMEN",
    "SO",
    "SOORTEN",
    "THEMAS",
    "VARIANTEN",
    "VISIE",
    "VO",
    "VOORNAMEN",
    "VOORVOEGSELS",
    "VRIJ",
    "WIJKEN",
]

PO = [
    "rekenen", "begrijpend lezen", "pedagogisch klimaat", "gedrag", "ontwikkelingsvoorsprong",
    "technisch lezen", "jonge kind", "wetenschap en techniek", "digitale geletterdheid",
    "burgerschap", "spelling", "formatief evalueren", "expliciete directe instructie",
    "woordenschat", "sociale veiligheid", "sociaal-emotionele ontwikkeling", "differentiatie",
    "eigenaarschap", "leesmotivatie", "executieve functies", "handelingsgericht werken", "NT2",
    "ouderbetrokkenheid", "kansengelijkheid", "coöperatief leren", "schrijven", "automatiseren",
    "dyslexie", "onderzoekend en ontwerpend leren", "kunst en cultuur", "bewegingsonderwijs",
    "gezondheid", "Engels", "meertaligheid", "mediawijsheid", "PBS", "klassenmanagement",
    "collegiaal leren", "duurzaamheid", "wereldoriëntatie", "VVE", "spelend leren",
    "computational thinking", "redactiesommen", "gepersonaliseerd leren", "anders organiseren",
    "dyscalculie", "muziek", "inclusief onderwijs", "leren leren", "aanvankelijk lezen",
    "mondelinge taalvaardigheid", "meten en meetkunde",
]  # fmt: skip
SO = [
    "gedrag", "pedagogisch klimaat", "passend onderwijs", "PBS", "handelingsgericht werken",
    "sociaal-emotionele ontwikkeling", "rekenen", "begrijpend lezen", "executieve functies",
    "inclusief onderwijs", "dyslexie", "technisch lezen", "ouderbetrokkenheid", "klassenmanagement",
]  # fmt: skip
VO = [
    "taalbeleid", "formatief evalueren", "burgerschap", "digitale geletterdheid",
    "loopbaanoriëntatie", "gepersonaliseerd leren", "wiskunde", "differentiatie", "Engels",
    "sociale veiligheid", "leesmotivatie", "eigenaarschap", "executieve functies",
    "wereldburgerschap", "duurzaamheid", "mediawijsheid", "opbrengstgericht werken",
]  # fmt: skip
OPLEIDING = [
    "samen opleiden", "praktijkonderzoek", "inductie", "collegiaal leren", "leiderschap",
    "onderzoekend en ontwerpend leren", "begrijpend lezen", "rekenen", "burgerschap",
]  # fmt: skip
THEMAS = {"po": PO, "so": SO, "vo": VO, "opleiding": OPLEIDING}

# how people also type a theme: synonyms, capitals, abbreviations
VARIANTEN = {
    "ontwikkelingsvoorsprong": ["hoogbegaafdheid", "Hoogbegaafdheid", "meerbegaafdheid"],
    "begrijpend lezen": ["Begrijpend lezen", "tekstbegrip", "Begrijpend Lezen"],
    "wetenschap en techniek": ["W&T", "techniek", "Wetenschap & Techniek"],
    "digitale geletterdheid": ["digitale vaardigheden", "ICT-geletterdheid"],
    "rekenen": ["Rekenen", "rekenen-wiskunde", "rekenonderwijs"],
    "pedagogisch klimaat": ["Pedagogisch klimaat", "schoolklimaat"],
    "jonge kind": ["kleuters", "Jonge kind"],
    "sociaal-emotionele ontwikkeling": ["sociaal emotionele ontwikkeling", "welbevinden"],
    "expliciete directe instructie": ["EDI", "directe instructie"],
    "formatief evalueren": ["formatief handelen", "Formatief evalueren"],
}
VRIJ = ["Kanjertraining", "Rots en Water", "thematisch werken", "Groepsdoorbraak", "Leefstijl"]
KWALITEITEN = [
    "coachen", "organiseren", "leidinggeven", "conflicten oplossen", "ondernemen",
    "creativiteit", "onderzoek",
]  # fmt: skip

VOORNAMEN = [
    "Anna", "Daan", "Emma", "Sem", "Julia", "Lucas", "Mila", "Finn", "Sophie", "Levi", "Tess",
    "Noah", "Sara", "Milan", "Fenna", "Bram", "Lotte", "Thijs", "Eva", "Ruben", "Noor", "Jesse",
    "Fleur", "Luuk", "Iris", "Sven", "Lieke", "Stijn", "Roos", "Tim", "Fatima", "Mohamed",
    "Yasmina", "Mehmet", "Aylin", "Youssef", "Sanne", "Joris", "Marloes", "Kees", "Ingrid",
    "Peter", "Monique", "Hans", "Petra", "Marco", "Wendy", "Erik", "Linda", "Ahmed",
]  # fmt: skip
ACHTERNAMEN = [
    "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser",
    "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks",
    "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer",
    "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel", "Schouten", "Willems", "Hoekstra",
    "Verhoeven", "Koster", "Prins", "Maas", "Yilmaz", "El Amrani", "Kaya", "Aarts", "Coenen",
    "Peeters", "Wouters", "van Beek", "Postma", "Kuipers", "Huisman", "Veenstra", "Claassen",
]  # fmt: skip
SCHOOLNAMEN = [
    "De Regenboog", "De Vlinder", "De Klimop", "De Wereldwijzer", "De Springplank",
    "Het Octopus", "De Fonkelsteen", "De Zonnewijzer", "De Kameleon", "Het Kompas",
    "De Ontdekking", "De Horizon", "De Vuurvogel", "De Wegwijzer", "De Sterrenkijker",
    "De Linde", "De Eik", "De Esdoorn", "Het Anker", "De Bron", "De Driesprong", "De Boomgaard",
    "De Zandloper", "Het Startblok", "De Windroos", "De Meander", "De Toermalijn", "De Piramide",
    "Het Mozaïek", "De Parel", "De Tweemaster", "De Lichtboog", "De Vlieger", "De Schatkist",
    "Het Palet", "De Brug", "De Kleine Prins", "De Notenkraker", "De Paddenstoel", "De Sprankel",
]  # fmt: skip
VOORVOEGSELS = ["", "", "", "Basisschool ", "Kindcentrum ", "IKC ", "OBS ", "CBS ", "RKBS "]
PLAATSEN = [
    "Eindhoven", "Veldhoven", "Best", "Oirschot", "Bladel", "Eersel", "Bergeijk", "Valkenswaard",
    "Waalre", "Geldrop", "Mierlo", "Nuenen", "Son", "Helmond", "Deurne", "Asten", "Someren",
    "Tilburg", "Goirle", "Oisterwijk", "Breda", "Etten-Leur", "Roosendaal", "Zwolle", "Kampen",
    "Deventer", "Apeldoorn", "Zutphen", "Arnhem", "Nijmegen", "Wijchen", "Ede", "Wageningen",
    "Utrecht", "Zeist", "Houten", "Amersfoort", "Leusden", "Gouda", "Alphen aan den Rijn",
    "Leiden", "Katwijk", "Haarlem", "Heemstede", "Alkmaar", "Heerhugowaard", "Hoorn", "Purmerend",
    "Groningen", "Haren", "Assen", "Emmen", "Leeuwarden", "Sneek", "Drachten", "Heerenveen",
    "Maastricht", "Sittard", "Heerlen", "Venlo", "Roermond", "Weert", "Middelburg", "Goes",
    "Vlissingen", "Almere", "Lelystad", "Dordrecht", "Zwijndrecht", "Delft", "Rijswijk",
    "Zoetermeer", "Den Bosch", "Oss", "Uden", "Veghel", "Boxtel", "Enschede", "Hengelo", "Almelo",
]  # fmt: skip
WIJKEN = ["Noord", "Oost", "Zuid", "West", "Centrum", "Buiten", "Dorp", "Haven"]
VISIE = [
    ("eigenaarschap", "Leerlingen sturen mee in hun eigen leerproces"),
    ("samen leren", "Leraren leren van en met elkaar, op de werkvloer"),
    ("kansengelijkheid", "Elk kind krijgt de ondersteuning die het nodig heeft"),
    ("nieuwsgierigheid", "We leren vanuit de vragen van kinderen"),
    ("veiligheid", "Een veilige groep is de basis voor leren"),
    ("vakmanschap", "Sterke basisvaardigheden voor iedere leerling"),
]
SOORTEN = [
    ("leerteam", "Leerteam", 5),
    ("plg", "PLG", 3),
    ("learning-community", "Leergroep", 1),
    ("gelegenheidscommunity", "Werkgroep", 2),
]
LOGTEKSTEN = [
    "Lesbezoek bij elkaar in groep {groep}, met de kijkwijzer {thema}",
    "Resultaten van de {thema}-toets besproken",
    "Artikel over {thema} samen gelezen en vertaald naar onze lessen",
    "Afspraken gemaakt over de volgende stap voor {thema}",
    "Leerlinggesprekken gevoerd over {thema}; de opbrengst gedeeld",
    "Collega van een andere school vertelde over hun aanpak van {thema}",
    "Nulmeting afgenomen in groep {groep}",
    "Studiemiddag {thema}: het team oefende met de nieuwe aanpak",
    "Observaties in groep {groep} vergeleken met de vorige ronde",
    "Tussenevaluatie: wat werkt, wat stoppen we mee",
]
FASEN = ["aanleiding", "beginsituatie", "doel", "verbeterplan", "uitvoering", "evaluatie", "afgerond"]  # fmt: skip
