"""`check(text)`: measure a Dutch text and decide whether it meets B1. See the package docstring."""

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import passive
from . import rules as rules_module
from . import text as text_module
from .findings import Finding, Report
from .lexicon import find_officialese
from .syllables import count_token
from .words import abbreviation_suggestion, hard_word


def flesch_douma(words: int, sentences: int, syllables: int) -> float:
    """206.84 − 0.77 × syllables per 100 words − 0.93 × words per sentence."""
    return 206.84 - 0.77 * (syllables / words * 100) - 0.93 * (words / sentences)


def brouwer(words: int, sentences: int, syllables: int) -> float:
    """195 − 2 × words per sentence − 0.67 × syllables per 100 words."""
    return 195 - 2 * (words / sentences) - 0.67 * (syllables / words * 100)


def warm_up() -> None:
    """Load pyphen's dictionary, wordfreq's Dutch list and our word lists now."""
    check("Wij verstrekken u graag een sollicitatiebrief. Het wordt betaald, bijv. morgen.")


def check(text: str, *, rules: rules_module.Rules | None = None) -> Report:
    """Measure `text` (plain text, HTML or a template with `{{ placeholders }}`)."""
    rules = rules or rules_module.from_settings()
    _cleaned, sentences = text_module.analyse(text or "")
    words = syllables = 0
    long_sentences, hard_words, officialese, passives = [], [], [], []
    for sentence in sentences:
        tokens = sentence.tokens
        words += len(tokens)
        counts = [count_token(token.text, token.kind) for token in tokens]
        syllables += sum(counts)
        lowered = [token.text.lower() for token in tokens]

        covered = set()
        for matched, entry in find_officialese(lowered):
            start, end = tokens[matched[0]].start, tokens[matched[-1]].end
            covered.update(matched)
            officialese.append(
                Finding(
                    "officialese",
                    text[start:end],
                    start,
                    end,
                    sentence.index,
                    _("Ambtelijk: schrijf liever „%(plain)s”.") % {"plain": entry.plain},
                    entry.plain,
                )
            )
        for position, (token, count) in enumerate(zip(tokens, counts, strict=True)):
            if position in covered:
                continue
            finding = _hard_word(text, sentence, position, token, count, rules)
            if finding:
                hard_words.append(finding)

        if len(tokens) > rules.long_sentence_words:
            long_sentences.append(_long_sentence(text, sentence, rules))
        span = passive.passive_span(lowered)
        if span:
            passives.append(
                Finding(
                    "passive",
                    text[sentence.start : sentence.end],
                    sentence.start,
                    sentence.end,
                    sentence.index,
                    _("Mogelijk lijdende vorm („%(words)s”). Schrijf liever wie iets doet.")
                    % {"words": f"{tokens[span[0]].text} … {tokens[span[1]].text}"},
                )
            )
    return _verdict(
        rules, sentences, words, syllables, long_sentences, hard_words, officialese, passives
    )


def _hard_word(text, sentence, position, token, count, rules) -> Finding | None:
    if token.kind == "abbreviation":
        full = abbreviation_suggestion(token.text)
        message = _("Afkorting: schrijf het woord voluit.")
        return Finding(
            "hard_word",
            text[token.start : token.end],
            token.start,
            token.end,
            sentence.index,
            message,
            full,
        )
    if token.kind != "word":
        return None
    found = hard_word(token.text, count, first_in_sentence=position == 0, rules=rules)
    if found is None:
        return None
    code, suggestion = found
    if code == "listed":
        message = _("Moeilijk woord: schrijf liever „%(plain)s”.") % {"plain": suggestion}
    elif code == "long":
        message = _(
            "Lang woord (%(syllables)d lettergrepen). Kan het korter of in meer woorden?"
        ) % {"syllables": count}
    else:
        message = _(
            "Weinig gebruikt woord. Kent iedereen het? Kies een gewoner woord of leg het uit."
        )
    return Finding(
        "hard_word",
        text[token.start : token.end],
        token.start,
        token.end,
        sentence.index,
        message,
        suggestion,
    )


def _long_sentence(text, sentence, rules) -> Finding:
    count = len(sentence.tokens)
    if count > rules.max_sentence_words:
        message = _("Te lange zin: %(count)d woorden. Maak er twee zinnen van.") % {"count": count}
    else:
        message = _("Lange zin: %(count)d woorden. Kan het korter?") % {"count": count}
    return Finding(
        "long_sentence",
        text[sentence.start : sentence.end],
        sentence.start,
        sentence.end,
        sentence.index,
        message,
        words=count,
    )


def _verdict(
    rules, sentences, words, syllables, long_sentences, hard_words, officialese, passives
) -> Report:
    count = len(sentences)
    if words == 0:
        return Report(
            meets_b1=False,
            flesch_douma=None,
            brouwer=None,
            words=0,
            sentences=0,
            syllables=0,
            average_sentence_words=None,
            hard_word_share=None,
            reasons=[_("Er staat geen tekst in om te controleren.")],
            scores_count=False,
            rules=rules.as_dict(),
        )
    fd = round(flesch_douma(words, count, syllables), 1)
    br = round(brouwer(words, count, syllables), 1)
    average = round(words / count, 1)
    share = round(len(hard_words) / words, 3)
    scores_count = words >= rules.min_words_for_scores
    too_long = [finding for finding in long_sentences if finding.words > rules.max_sentence_words]

    problems: list[str] = []
    if scores_count and rules.min_flesch_douma is not None and fd < rules.min_flesch_douma:
        problems.append(
            _(
                "De leesbaarheid is te laag: Flesch-Douma %(score)s, dat moet minstens "
                "%(minimum)s zijn. Gebruik kortere zinnen en kortere woorden."
            )
            % {"score": _number(fd), "minimum": _number(rules.min_flesch_douma)}
        )
    if scores_count and rules.min_brouwer is not None and br < rules.min_brouwer:
        problems.append(
            _(
                "De leesbaarheid is te laag: Brouwer %(score)s, dat moet minstens "
                "%(minimum)s zijn. Gebruik kortere zinnen en kortere woorden."
            )
            % {"score": _number(br), "minimum": _number(rules.min_brouwer)}
        )
    if average > rules.max_average_sentence_words:
        problems.append(
            _(
                "De zinnen zijn gemiddeld %(average)s woorden lang. Dat is te lang: "
                "houd het op %(maximum)s woorden of minder."
            )
            % {"average": _number(average), "maximum": _number(rules.max_average_sentence_words)}
        )
    if too_long:
        problems.append(
            ngettext(
                "%(count)d zin heeft meer dan %(maximum)d woorden. Maak er twee zinnen van.",
                "%(count)d zinnen hebben meer dan %(maximum)d woorden. Maak er kortere zinnen van.",
                len(too_long),
            )
            % {"count": len(too_long), "maximum": rules.max_sentence_words}
        )
    if len(officialese) > rules.max_officialese:
        problems.append(
            ngettext(
                "Er staat %(count)d ambtelijk woord in. Gebruik een gewoon woord.",
                "Er staan %(count)d ambtelijke woorden in. Gebruik gewone woorden.",
                len(officialese),
            )
            % {"count": len(officialese)}
        )
    if share > rules.max_hard_word_share:
        problems.append(
            _(
                "Te veel moeilijke woorden: %(share)s%% van de woorden. Dat mag niet meer zijn dan "
                "%(maximum)s%%. Kies gewone, korte woorden."
            )
            % {"share": _number(share * 100), "maximum": _number(rules.max_hard_word_share * 100)}
        )
    if rules.max_passive_share is not None and len(passives) / count > rules.max_passive_share:
        problems.append(
            ngettext(
                "%(count)d van de %(total)d zinnen staat in de lijdende vorm. "
                "Schrijf wie iets doet: „Wij sturen u een brief” "
                "in plaats van „U wordt een brief gestuurd”.",
                "%(count)d van de %(total)d zinnen staan in de lijdende vorm. "
                "Schrijf wie iets doet: „Wij sturen u een brief” "
                "in plaats van „U wordt een brief gestuurd”.",
                len(passives),
            )
            % {"count": len(passives), "total": count}
        )

    if problems:
        reasons = [_("De tekst voldoet nog niet aan taalniveau B1."), *problems]
    else:
        reasons = [
            _("De tekst voldoet aan taalniveau B1."),
            _("De zinnen zijn gemiddeld %(average)s woorden lang.") % {"average": _number(average)},
        ]
        if scores_count:
            reasons.append(_("Flesch-Douma: %(score)s.") % {"score": _number(fd)})
    if not scores_count:
        reasons.append(
            ngettext(
                "De tekst is kort (%(words)d woord). De leesbaarheidsscore telt daarom niet mee.",
                "De tekst is kort (%(words)d woorden). De leesbaarheidsscore telt daarom niet mee.",
                words,
            )
            % {"words": words}
        )
    return Report(
        meets_b1=not problems,
        flesch_douma=fd,
        brouwer=br,
        words=words,
        sentences=count,
        syllables=syllables,
        average_sentence_words=average,
        hard_word_share=share,
        long_sentences=long_sentences,
        hard_words=hard_words,
        officialese=officialese,
        passive_sentences=passives,
        reasons=reasons,
        scores_count=scores_count,
        rules=rules.as_dict(),
    )


def _number(value: float) -> str:
    """In the active language's format, one decimal only when needed: 12,5 and 60 (not 60,0)."""
    rounded = round(value, 1)
    return number_format(rounded, 0 if rounded == int(rounded) else 1)
