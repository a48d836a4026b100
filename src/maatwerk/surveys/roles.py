"""Default grants for new databases (merged by ``maatwerk.access.roles.default_roles``)."""

DEFAULT_GRANTS = {
    "Klantonderzoeker": [
        "surveys.build_survey",
        "surveys.view_survey_results",
        "surveys.export_survey_results",
        "surveys.conduct_interview",
    ],
    "Vestigingsmanager": ["surveys.view_survey_results", "surveys.conduct_interview"],
    "Lid cliëntenraad": ["surveys.view_survey_results", "surveys.conduct_interview"],
}
