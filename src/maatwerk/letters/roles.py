"""Default grants of the letter book (see maatwerk.access.roles.default_roles)."""

READ_BOOK = "letters.view_letter_book"
EDIT = "letters.edit_letters"
LEGAL = "letters.review_legal"
READ_ALONG = "letters.comment_as_reader"
SEND = "letters.send_letters"

DEFAULT_GRANTS = {
    "Briefredacteur": [READ_BOOK, EDIT],
    "Juridisch controleur": [READ_BOOK, LEGAL],
    "Lid cliëntenraad": [READ_BOOK, READ_ALONG],
    "Adviseur werk": [SEND],
    "E-werkcoach": [SEND],
    "Vestigingsmanager": [SEND],
    "Beheerder": [
        "letters.view_lettertemplate",
        "letters.view_templateversion",
        "letters.view_reviewstep",
    ],
}
