"""The Dutch words that fill the demo timelines. Plain language, addressed to the client.

Words a client reads inside a timeline sentence are Dutch source text in the catalogue, so they
are shown in the reader's language (core.source_text)."""

from django.utils.translation import gettext_noop

PHONE_TOPICS = (
    gettext_noop("uw sollicitaties"),
    gettext_noop("een vacature bij u in de buurt"),
    gettext_noop("uw werkplan"),
    gettext_noop("de workshop Solliciteren"),
    gettext_noop("uw afspraak op het werkplein"),
    gettext_noop("een opleiding die bij u past"),
    gettext_noop("uw vragen over werk zoeken"),
    gettext_noop("hoe het met u gaat"),
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
    gettext_noop("Solliciteren met LinkedIn"),
    gettext_noop("Netwerken"),
    gettext_noop("Sollicitatiegesprek oefenen"),
    gettext_noop("Ontdek uw talenten"),
    gettext_noop("Werken in de zorg"),
)
TRAININGS = (
    gettext_noop("Werken aan uw cv"),
    gettext_noop("Solliciteren in 5 stappen"),
    gettext_noop("Digitale vaardigheden"),
    gettext_noop("Omgaan met stress tijdens het zoeken naar werk"),
    gettext_noop("Uw sterke punten in beeld"),
)
VACANCIES = (
    gettext_noop("magazijnmedewerker"),
    gettext_noop("administratief medewerker"),
    gettext_noop("verkoopmedewerker"),
    gettext_noop("chauffeur"),
    gettext_noop("zorgassistent"),
    gettext_noop("klantenservicemedewerker"),
    gettext_noop("monteur"),
    gettext_noop("schoonmaker"),
    gettext_noop("kok"),
    gettext_noop("ICT-beheerder"),
    gettext_noop("onderwijsassistent"),
    gettext_noop("productiemedewerker"),
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
