"""Every log-in page × every role (see maatwerk.core.tests.permissions)."""

from maatwerk.core.tests.permissions import expect, get, matrix, matrix_test

MATRIX = matrix(
    get("accounts:login", expect(302, anonymous=200)),
    get("accounts:logout", expect(405)),
    get("accounts:otp_verify", expect(302)),
    get("accounts:otp_setup", expect(200, client=302)),
    # Client log-in through OIDC exists only when a DigiD broker is configured.
    get("oidc_authentication_init", expect(404, anonymous=404)),
    get("oidc_authentication_callback", expect(404, anonymous=404)),
)

test_permission_matrix = matrix_test(MATRIX)
