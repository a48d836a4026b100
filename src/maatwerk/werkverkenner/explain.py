"""Turning a score's explanation into short B1 sentences and an honest accuracy line, in the
reader's language."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from maatwerk.core.source_text import show

# Smaller effects than this (on the log-odds) are not worth a sentence.
MIN_EFFECT = 0.05
BAND_TEXT = {
    "0-25": gettext_lazy("0 tot 25%"),
    "25-50": gettext_lazy("25 tot 50%"),
    "50-75": gettext_lazy("50 tot 75%"),
    "75-100": gettext_lazy("75 tot 100%"),
}
# What advisers call a band: a name and a plain range, never the code ("0-25") or a bare number.
BAND_NAMES = {
    "0-25": gettext_lazy("kleine kans"),
    "25-50": gettext_lazy("redelijke kans"),
    "50-75": gettext_lazy("goede kans"),
    "75-100": gettext_lazy("grote kans"),
}


@dataclass(frozen=True)
class Factor:
    question: object
    effect: float
    sentence: str
    changeable: bool
    skipped: bool

    @property
    def topic(self) -> str:
        """The question's short name for staff: "Eerdere uitkering" for "eerdere-uitkering"."""
        return self.question.code.replace("-", " ").replace("_", " ").capitalize()

    @property
    def strength(self) -> str:
        return effect_words(self.effect)


def factors(score, questions) -> dict[str, list[Factor]]:
    """Factors of a score, split: helps / harder × can change / cannot change."""
    by_feature = {q.feature: q for q in questions}
    groups: dict[str, list[Factor]] = {
        "helps_change": [],
        "helps_fixed": [],
        "harder_change": [],
        "harder_fixed": [],
    }
    for item in score.explanation:
        question = by_feature.get(item["feature"])
        if question is None or item.get("skipped") or abs(item["effect"]) < MIN_EFFECT:
            continue
        helps = item["effect"] > 0
        sentence = show(question.explain_helps if helps else question.explain_harder)
        factor = Factor(question, item["effect"], sentence, question.changeable_by_client, False)
        key = ("helps_" if helps else "harder_") + (
            "change" if question.changeable_by_client else "fixed"
        )
        groups[key].append(factor)
    for values in groups.values():
        values.sort(key=lambda f: -abs(f.effect))
    return groups


def auc_of(metrics: dict) -> float | None:
    value = metrics.get("auc")
    return float(value) if isinstance(value, int | float) else None


def accuracy_sentence(metrics: dict) -> str:
    auc = auc_of(metrics)
    if auc is None:
        return _("Hoe goed deze schatting is, weten we voor dit model nog niet.")
    times = max(5, min(10, round(auc * 10)))
    return _(
        "Zo'n schatting is nooit zeker. Vergelijken we twee mensen, van wie één wel en één niet "
        "binnen een jaar werk vond, dan wijst de Werkverkenner ongeveer %(times)s van de 10 keer "
        "de goede persoon aan."
    ) % {"times": times}


def band_text(band: str) -> str:
    return str(BAND_TEXT.get(band, band))


def band_label(band: str | None) -> str:
    """For staff: "kleine kans (0 tot 25%)"; without a band, "nog geen Werkverkenner-uitslag"."""
    if band not in BAND_NAMES:
        return _("nog geen Werkverkenner-uitslag")
    return _("%(name)s (%(range)s)") % {"name": BAND_NAMES[band], "range": BAND_TEXT[band]}


def band_sentence(band: str | None) -> str:
    """For staff, what a proposal rests on: "Werkverkenner-uitslag: kleine kans (0 tot 25%)." """
    if band not in BAND_NAMES:
        return _("Nog geen Werkverkenner-uitslag.")
    return _("Werkverkenner-uitslag: %(band)s.") % {"band": band_label(band)}


def effect_words(effect: float) -> str:
    """How much an answer moves the estimate, in words: the log-odds stay on the model pages."""
    size = abs(effect)
    if effect > 0:
        if size >= 0.5:
            return _("verhoogt de kans sterk")
        return _("verhoogt de kans") if size >= 0.2 else _("verhoogt de kans iets")
    if size >= 0.5:
        return _("verlaagt de kans sterk")
    return _("verlaagt de kans") if size >= 0.2 else _("verlaagt de kans iets")
