class InsightError(Exception):
    """Bad training data, an unreadable file, or a model directory that is missing, incomplete or
    tampered with. The message is Dutch and meant for the user: it names the file, column, code or
    row at fault."""
