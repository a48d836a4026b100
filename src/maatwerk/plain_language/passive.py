"""A heuristic for the passive voice (lijdende vorm) in one sentence.

Dutch passives are "worden" or "zijn" + a past participle: "Uw uitkering wordt betaald",
"Het formulier is verstuurd door uw adviseur". Without a parser we look for a form of
worden/zijn and, anywhere in the same sentence, a word shaped like a participle:
- ge- + stem + -d/-t/-en (gestuurd, gemaakt, gegeven), also after a separable prefix
  (opgestuurd, aangevraagd, uitbetaald);
- be-/ver-/ont-/her-/er- + stem + -d/-t (betaald, verstuurd, verstrekt);
- a listed strong participle (ontvangen, verzonden, toegekend).
"zijn" + a participle of a verb that takes "zijn" in the active ("u bent gestopt", "het is
gelukt") is not passive. Words that only look like participles (gesprek, gezondheid, verplicht)
are excluded. It misses passives without such a participle and finds a few false ones; that is
why passives are reported per sentence as "mogelijk" and count only through a share.
"""

import re

from .lexicon import passive_words

_SEPARABLE = "aan|af|bij|door|in|mee|na|om|op|over|terug|toe|uit|vast|voor|weg|samen|thuis|vrij"
_GE_PARTICIPLE = re.compile(rf"(?:{_SEPARABLE})?ge[^\W\d_]{{2,}}(?:d|t|en)")
# Without ge- the -t must follow a voiceless consonant ('t kofschip: verstrekt, bedankt): a -t
# after anything else is a present tense (betekent, verandert, vertelt). Strong ones are listed.
_PREFIX_PARTICIPLE = re.compile(r"(?:be|ver|ont|her|er)[^\W\d_]{2,}(?:d|(?:[tkfsp]|ch)t)")


def is_participle(word: str) -> bool:
    lists = passive_words()
    if word in lists["not_participles"]:
        return False
    if word in lists["strong_participles"]:
        return True
    return bool(_GE_PARTICIPLE.fullmatch(word) or _PREFIX_PARTICIPLE.fullmatch(word))


def passive_span(words: list[str]) -> tuple[int, int] | None:
    """(auxiliary index, participle index) of the first likely passive, or None."""
    lists = passive_words()
    for at, word in enumerate(words):
        if word in lists["worden"]:
            allowed_after_zijn = False
        elif word in lists["zijn"]:
            allowed_after_zijn = True
        else:
            continue
        for other, candidate in enumerate(words):
            if other == at or not is_participle(candidate):
                continue
            if allowed_after_zijn and candidate in lists["active_with_zijn"]:
                continue
            return (min(at, other), max(at, other))
    return None
