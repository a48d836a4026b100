"""The Dutch words that fill the demo timelines. Plain language, addressed to the client."""

PHONE_TOPICS = (
    "uw sollicitaties",
    "een vacature bij u in de buurt",
    "uw werkplan",
    "de workshop Solliciteren",
    "uw afspraak op het werkplein",
    "een opleiding die bij u past",
    "uw vragen over werk zoeken",
    "hoe het met u gaat",
)
MESSAGE_SUBJECTS = (
    "Tips voor uw cv",
    "Vacatures die bij u passen",
    "Uw afspraak van volgende week",
    "Hoe gaat het met solliciteren?",
    "Een workshop die u kan helpen",
    "Uw vraag over de online training",
    "Goed nieuws over uw sollicitatie",
    "Uw werkplan is klaar",
)
CLIENT_SUBJECTS = (
    "Vraag over mijn afspraak",
    "Mijn cv is klaar",
    "Ik kan niet op mijn afspraak komen",
    "Vraag over de workshop",
    "Ik heb een sollicitatiegesprek",
    "Graag een gesprek op het werkplein",
)
WORKSHOPS = (
    "Solliciteren met LinkedIn",
    "Netwerken",
    "Sollicitatiegesprek oefenen",
    "Ontdek uw talenten",
    "Werken in de zorg",
)
TRAININGS = (
    "Werken aan uw cv",
    "Solliciteren in 5 stappen",
    "Digitale vaardigheden",
    "Omgaan met stress tijdens het zoeken naar werk",
    "Uw sterke punten in beeld",
)
VACANCIES = (
    "magazijnmedewerker",
    "administratief medewerker",
    "verkoopmedewerker",
    "chauffeur",
    "zorgassistent",
    "klantenservicemedewerker",
    "monteur",
    "schoonmaker",
    "kok",
    "ICT-beheerder",
    "onderwijsassistent",
    "productiemedewerker",
)
# Notes are for colleagues only (not shown to the client), so they speak about the client.
NOTES = (
    "Cliënt wil graag omscholen naar de zorg.",
    "Afgesproken: twee sollicitaties per week.",
    "Cliënt vindt digitale formulieren lastig; uitleg gegeven.",
    "Workshop Netwerken besproken; cliënt meldt zich aan.",
    "Cliënt heeft een sollicitatiegesprek volgende week.",
    "Cliënt zoekt werk in de buurt, geen lange reistijd.",
    "Cv samen doorgenomen; cliënt past het aan.",
)
HANDOVER_REASONS = (
    "Werkverdeling binnen het team",
    "Adviseur gaat met zwangerschapsverlof",
    "Op verzoek van de cliënt",
    "Cliënt heeft meer persoonlijke begeleiding nodig",
    "Adviseur werkt voortaan op een andere vestiging",
)
ACCESSIBILITY_NEEDS = (
    "Slechtziend: graag grote letters en documenten die een schermlezer kan voorlezen.",
    "Rolstoelgebruiker: graag een gespreksruimte op de begane grond.",
    "Slechthorend: liever niet bellen, wel beeldbellen met ondertiteling of een gesprek "
    "op het werkplein.",
    "Dyslexie: graag korte teksten en uitleg in een gesprek.",
    "Snel moe: graag korte gesprekken met een pauze.",
)
