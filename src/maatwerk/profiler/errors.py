class ModelError(Exception):
    """Bad input data, or a model directory that is missing, incomplete or tampered with.

    The message is meant for the user: it names the file, column or row at fault.
    """
