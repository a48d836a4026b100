"""The default questionnaire ships as data (``data/questionnaire_v1.json``), loaded by a data
migration. A new version is a new JSON file and a new migration: published versions never change.
"""

import json
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def read(version: int = 1) -> dict:
    return json.loads((DATA_DIR / f"questionnaire_v{version}.json").read_text(encoding="utf-8"))


def texts(data: dict) -> list[str]:
    """Every text of a questionnaire version a client reads, in order, each once. They are Dutch
    source text: ``questionnaire_texts`` puts them in the catalogue so they can be translated."""
    found = [data["title"], *data["page_titles"]]
    for item in data["questions"]:
        found += [item["text"], item.get("help_text", ""), item.get("unit", "")]
        found += [item["explain_helps"], item["explain_harder"]]
        found += [label for _code, label, _value in item.get("options", [])]
    return list(dict.fromkeys(text for text in found if text))


def install(data: dict, Questionnaire, Question, AnswerOption, *, published: bool = True):
    """Create one questionnaire version from its JSON description (works with historical
    models in a migration, too)."""
    questionnaire = Questionnaire.objects.create(
        version=data["version"],
        title=data["title"],
        page_titles=data["page_titles"],
        published=published,
    )
    for order, item in enumerate(data["questions"], start=1):
        question = Question.objects.create(
            questionnaire=questionnaire,
            code=item["code"],
            order=order,
            page=item["page"],
            text=item["text"],
            help_text=item.get("help_text", ""),
            kind=item["kind"],
            optional=item.get("optional", False),
            is_health=item.get("health", False),
            from_records=item.get("from_records", False),
            changeable_by_client=item.get("changeable", False),
            feature=item["feature"],
            min_value=item.get("min"),
            max_value=item.get("max"),
            unit=item.get("unit", ""),
            explain_helps=item["explain_helps"],
            explain_harder=item["explain_harder"],
        )
        for option_order, (code, label, value) in enumerate(item.get("options", []), start=1):
            AnswerOption.objects.create(
                question=question, code=code, label=label, value=value, order=option_order
            )
    return questionnaire
