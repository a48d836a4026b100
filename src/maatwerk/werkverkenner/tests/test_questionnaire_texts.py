"""The questions are data in Dutch; their English comes from the catalogue, which only knows the
texts listed in ``questionnaire_texts`` (docs/adr/0041-english-follows-the-client.md)."""

from maatwerk.werkverkenner import questionnaire, questionnaire_texts


def test_every_shipped_questionnaire_text_reaches_the_catalogue():
    versions = sorted(
        int(path.stem.removeprefix("questionnaire_v"))
        for path in questionnaire.DATA_DIR.glob("questionnaire_v*.json")
    )
    assert versions
    listed = set(questionnaire_texts.TEXTS)
    missing = [
        text for version in versions for text in questionnaire.texts(questionnaire.read(version))
    ]
    missing = [text for text in missing if text not in listed]
    assert not missing, f"add these to werkverkenner/questionnaire_texts.py: {missing}"
