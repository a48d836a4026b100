"""Client profiles for notification tests, registered through the real action."""

from maatwerk.core.tests import factories

ADDRESS = {
    "street": "Kastanjelaan",
    "house_number": "12",
    "postal_code": "3512 AB",
    "city": "Utrecht",
}

PROFILES = {
    "digital with e-mail": {},
    "digital without e-mail": {"email": ""},
    "non-digital with phone": {"uses_digital_channels": False, "phone": "06 12345678"},
    "non-digital without phone": {"uses_digital_channels": False, "email": ""},
    "prefers letter": {"preference": {"channel": "letter"}},
}


def client_for(profile: str, adviser, **extra):
    return factories.make_client(contact_person=adviser, **ADDRESS, **PROFILES[profile], **extra)
