"""Dutch people for the demo: names, addresses, phone numbers and citizen service numbers.

Faker's nl_NL lists are read once into pools and combined with a seeded ``random.Random``:
calling Faker for every one of 300,000 clients would cost more than the database inserts.
"""

import random
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from faker.providers.person.nl_NL import Provider as DutchNames

# Faker's first names are today's baby names; clients are 18 to 66, so add names of their age.
ADULT_FIRST_NAMES_FEMALE = (
    "Anja", "Marieke", "Sandra", "Linda", "Monique", "Petra", "Esther", "Ingrid", "Karin", "Wendy",
    "Saskia", "Fatima", "Yvonne", "Miriam", "Nicole", "Ilse", "Marloes", "Kim", "Naima", "Samira",
    "Ayse", "Joyce", "Mariska", "Annemiek", "Els", "Ria",
)  # fmt: skip
ADULT_FIRST_NAMES_MALE = (
    "Jan", "Peter", "Mark", "Erik", "Hans", "Kees", "Johan", "Marco", "Dennis", "Patrick", "Rob",
    "Mohamed", "Ahmed", "Sander", "Bas", "Wim", "Ruud", "Jeroen", "Martijn", "Vincent", "Mustafa",
    "Hakan", "Ricardo", "Frank", "Arjen", "Henk", "Youssef", "Rachid",
)  # fmt: skip

# The most common Dutch surnames, many with a prefix (tussenvoegsel), plus a few names that are
# as Dutch today as any other.
COMMON_SURNAMES = (
    "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser",
    "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks",
    "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer",
    "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel", "van der Veen",
    "van den Broek", "de Bruijn", "van der Heijden", "Schouten", "van Beek", "Willems",
    "van Vliet", "van de Ven", "Hoekstra", "Maas", "Verhoeven", "Koster", "van Dam", "van der Wal",
    "Prins", "Blom", "Huisman", "de Haas", "Kuipers", "van Veen", "Post", "Veenstra", "Kramer",
    "van den Brink", "Scholten", "van Wijk", "Postma", "Vink", "de Ridder", "van de Pol",
    "de Koning", "in 't Veld", "ter Horst", "van 't Hof", "Yilmaz", "Kaya", "Demir", "Şahin",
    "El Amrani", "Bakkali", "Pinas", "Kartosen", "Nguyen", "Kowalski", "Nowak", "Wijnaldum",
    "Doğan", "Ouali",
)  # fmt: skip
PREFIXES = ("van der", "van den", "van de", "van 't", "in 't", "van", "de", "ter", "te", "den")

# Faker's list also holds medieval, foreign and made-up names: keep the plain Dutch-looking ones.
ODD_SURNAMES = {
    "Adryaens", "Aeije", "Alpaidis", "Amalrada", "Billung", "Blewanus", "Boddaugh", "Brandon",
    "Breugelensis", "Brumleve", "Chrodtrud", "Doyle", "Drysdale", "Ellis", "Estey", "Freshour",
    "Galenzone", "Garret", "Glasses", "Haengreve", "Horrocks", "Jaceps", "Jdotte", "Jeggij",
    "Jones", "Keltenie", "Lankle", "Lathrope", "Luboch", "Matthews", "Miner", "Mosley", "Oemencs",
    "Oennen", "Olykan", "Perkins", "Pratt", "Rackham", "Recer", "Recers", "Rippey", "Saxo",
    "Scuylenborchs", "Segerszoen", "Shupe", "Slaetsdochter", "Smith", "Steinmeiern", "Terry",
    "Thatcher", "Tillmanno", "Totwiller", "Welf", "Wilson", "Winnrich", "Wright", "Wutke",
}  # fmt: skip
FAKER_SURNAMES = tuple(
    sorted(
        name
        for name in set(DutchNames.last_names)
        if re.fullmatch(r"[A-Z][a-z]{3,}", name)
        and not name.endswith(("dr", "z"))
        and name not in ODD_SURNAMES
    )
)
FIRST_NAMES_FEMALE = tuple(DutchNames.first_names_female) + tuple(ADULT_FIRST_NAMES_FEMALE) * 4
FIRST_NAMES_MALE = tuple(DutchNames.first_names_male) + tuple(ADULT_FIRST_NAMES_MALE) * 4

# Dutch streets are named after trees, flowers, birds, trades, places and famous people.
STREET_NAMES = (
    "Eiken", "Beuken", "Linden", "Kastanje", "Berken", "Wilgen", "Iepen", "Populieren", "Tulp",
    "Rozen", "Anjer", "Lelie", "Narcis", "Merel", "Lijster", "Spreeuw", "Zwaluw", "Reiger",
    "Molen", "Kerk", "School", "Dorps", "Haven", "Markt", "Bakker", "Smids", "Vissers", "Brouwers",
    "Stations", "Nieuwe", "Oude", "Hoog", "Kanaal", "Dijk", "Weide", "Rembrandt", "Vondel",
    "Thorbecke", "Multatuli", "Van Gogh", "Mozart", "Beethoven", "Erasmus", "Huygens", "Spinoza",
    "Juliana", "Beatrix", "Wilhelmina", "Emma", "Oranje", "Prins Hendrik", "Johan de Witt",
)  # fmt: skip
STREET_ENDINGS = ("straat", "laan", "weg", "singel", "plein", "hof", "kade", "dreef", "pad")
EMAIL_DOMAINS = ("example.com", "example.net", "example.org")
# Postal codes never use these letter pairs.
POSTCODE_LETTERS = tuple(
    a + b
    for a in "ABCDEFGHJKLMNPRSTVWXZ"
    for b in "ABCDEFGHJKLMNPRSTVWXZ"
    if a + b not in {"SA", "SD", "SS"}
)


@dataclass(frozen=True)
class Name:
    first_name: str
    surname_prefix: str
    surname: str

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.surname_prefix, self.surname) if p)


def split_surname(surname: str) -> tuple[str, str]:
    """'van den Berg' -> ('van den', 'Berg'): the prefix is its own field."""
    for prefix in PREFIXES:
        if surname.startswith(prefix + " "):
            return prefix, surname[len(prefix) + 1 :]
    return "", surname


def ascii_slug(text: str, separator: str = "") -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return separator.join(re.findall(r"[a-z0-9]+", plain.lower()))


class People:
    """Draws names, addresses and contact details from fixed pools with the caller's random."""

    def __init__(self):
        self.surnames = tuple(split_surname(s) for s in COMMON_SURNAMES) + tuple(
            ("", s) for s in FAKER_SURNAMES
        )
        # Common surnames carry more weight than the long tail, as in the real population.
        common = len(COMMON_SURNAMES)
        self.surname_weights = tuple(3.0 if i < common else 0.5 for i in range(len(self.surnames)))
        self._surname_cum = _cumulative(self.surname_weights)
        self.streets = tuple(f"{name}{end}" for name in STREET_NAMES for end in STREET_ENDINGS)

    def name(self, rng: random.Random) -> Name:
        first = rng.choice(FIRST_NAMES_FEMALE if rng.random() < 0.5 else FIRST_NAMES_MALE)
        prefix, surname = rng.choices(self.surnames, cum_weights=self._surname_cum)[0]
        return Name(first, prefix, surname)

    def email(self, rng: random.Random, name: Name) -> str:
        local = f"{ascii_slug(name.first_name)}.{ascii_slug(name.surname_prefix + name.surname)}"
        return f"{local}{rng.randrange(100)}@{rng.choice(EMAIL_DOMAINS)}"

    @staticmethod
    def mobile(rng: random.Random) -> str:
        return f"06 {rng.randrange(10_000_000, 100_000_000)}"

    def street(self, rng: random.Random) -> str:
        return rng.choice(self.streets)

    @staticmethod
    def house_number(rng: random.Random) -> str:
        number = str(rng.randint(1, 250))
        return number + rng.choice("ABC") if rng.random() < 0.1 else number

    @staticmethod
    def postal_code(rng: random.Random, area: str) -> str:
        """A code in the same two-digit area as the office: clients live near their werkplein."""
        return f"{area}{rng.randrange(100):02d} {rng.choice(POSTCODE_LETTERS)}"

    @staticmethod
    def date_of_birth(rng: random.Random, at: date) -> date:
        age = int(rng.triangular(18, 67, 38))
        born = at.toordinal() - age * 365 - rng.randrange(365)
        return date.fromordinal(born)


def _cumulative(weights) -> tuple[float, ...]:
    total, out = 0.0, []
    for weight in weights:
        total += weight
        out.append(total)
    return tuple(out)


class BsnSequence:
    """Unique, valid, scattered BSNs without keeping a set of those already handed out.

    The k-th number's first eight digits are an affine map of k onto 10,000,000..99,999,999;
    the multiplier shares no factor with the range, so the map never repeats. The ninth digit
    makes the eleven-test pass; the one prefix in eleven that would need a '10' is skipped.
    """

    SPAN = 90_000_000
    MULTIPLIER = 61_728_407  # odd, not a multiple of 3 or 5: coprime with SPAN

    def __init__(self, seed: int):
        self.offset = random.Random(f"bsn-{seed}").randrange(self.SPAN)
        self.k = 0

    def __next__(self) -> str:
        while True:
            prefix = str(10_000_000 + (self.MULTIPLIER * self.k + self.offset) % self.SPAN)
            self.k += 1
            total = sum(int(d) * w for d, w in zip(prefix, range(9, 1, -1), strict=True))
            check = total % 11
            if check < 10:
                return prefix + str(check)

    def __iter__(self):
        return self
