"""Werkpleinen in real Dutch towns, grouped in their labour-market regions (arbeidsmarktregio's).

The addresses are plausible, not the addresses of any real office.
"""

from dataclasses import dataclass
from datetime import time


@dataclass(frozen=True)
class Place:
    city: str
    region: str
    street: str
    house_number: str
    postal_code: str
    size: int = 2  # relative number of clients, roughly after the town's population
    late_evening: bool = False  # open again on Thursday evening
    short_friday: bool = False  # a small office, closed on Friday afternoon

    @property
    def office_name(self) -> str:
        # Just the town: timeline texts already say "werkplein {office}".
        return "Den Bosch" if self.city == "'s-Hertogenbosch" else self.city

    @property
    def postal_area(self) -> str:
        return self.postal_code[:2]


PLACES = (
    Place(
        "Amsterdam", "Groot Amsterdam", "Stationsplein", "10", "1012 AB", size=9, late_evening=True
    ),
    Place("Rotterdam", "Rijnmond", "Weena", "70", "3012 CM", size=7, late_evening=True),
    Place("Den Haag", "Haaglanden", "Prinses Beatrixlaan", "23", "2595 AK", size=6),
    Place("Utrecht", "Midden-Utrecht", "Croeselaan", "30", "3521 BJ", size=4, late_evening=True),
    Place("Eindhoven", "Zuidoost-Brabant", "Vestdijk", "45", "5611 CA", size=3),
    Place("Groningen", "Groningen", "Stationsweg", "12", "9726 AC", size=3),
    Place("Tilburg", "Midden-Brabant", "Spoorlaan", "350", "5038 CC", size=3),
    Place("Almere", "Flevoland", "Stationsstraat", "8", "1315 JA", size=3, late_evening=True),
    Place("Breda", "West-Brabant", "Claudius Prinsenlaan", "5", "4811 DJ", size=2),
    Place("Nijmegen", "Rijk van Nijmegen", "Kronenburgersingel", "20", "6511 AR", size=2),
    Place("Apeldoorn", "Stedendriehoek en Noordwest-Veluwe", "Stationsplein", "4", "7311 NZ"),
    Place("Arnhem", "Midden-Gelderland", "Willemsplein", "12", "6811 KB"),
    Place("Haarlem", "Zuid-Kennemerland en IJmond", "Kenaupark", "22", "2011 MT"),
    Place("Enschede", "Twente", "Hengelosestraat", "60", "7514 AG"),
    Place("Zwolle", "Regio Zwolle", "Burgemeester Roelenweg", "9", "8021 EV"),
    Place("Leeuwarden", "Friesland", "Tesselschadestraat", "2", "8913 HA"),
    Place("Maastricht", "Zuid-Limburg", "Stationsplein", "3", "6221 BT"),
    Place("'s-Hertogenbosch", "Noordoost-Brabant", "Stationsplein", "15", "5211 AP"),
    Place("Amersfoort", "Amersfoort", "Stationsplein", "30", "3818 LE"),
    Place("Leiden", "Holland Rijnland", "Schipholweg", "55", "2316 XC"),
    Place("Dordrecht", "Drechtsteden", "Johan de Wittstraat", "40", "3311 KJ"),
    Place("Zaandam", "Zaanstreek/Waterland", "Ankersmidplein", "2", "1506 CK"),
    Place("Heerlen", "Zuid-Limburg", "Geleenstraat", "10", "6411 HP"),
    Place("Emmen", "Drenthe", "Hondsrugweg", "18", "7811 AV", size=1, short_friday=True),
    Place("Middelburg", "Zeeland", "Stationsstraat", "1", "4331 JA", size=1, short_friday=True),
    Place("Alkmaar", "Noord-Holland Noord", "Stationsweg", "60", "1815 CD"),
    Place("Deventer", "Stedendriehoek en Noordwest-Veluwe", "Brink", "90", "7411 BZ"),
    Place("Venlo", "Noord-Limburg", "Nijmeegseweg", "6", "5916 PT", size=1, short_friday=True),
    Place("Gouda", "Midden-Holland", "Burgemeester Jamessingel", "1", "2803 PV"),
    Place("Roermond", "Midden-Limburg", "Bredeweg", "2", "6042 GE", size=1, short_friday=True),
)

# The office where the demo log-ins work: central, so every demo starts in the same place.
DEMO_CITY = "Utrecht"

OPENS, CLOSES = time(8, 30), time(17, 0)
FRIDAY_CLOSES = time(12, 30)
EVENING = (time(18, 0), time(20, 30))
THURSDAY, FRIDAY = 3, 4


def opening_hours(place: Place) -> list[tuple[int, time, time]]:
    """(weekday, opens, closes) rows: Monday to Friday 08:30-17:00, with local variations."""
    rows = []
    for weekday in range(5):
        closes = FRIDAY_CLOSES if place.short_friday and weekday == FRIDAY else CLOSES
        rows.append((weekday, OPENS, closes))
    if place.late_evening:
        rows.append((THURSDAY, *EVENING))
    return rows
