"""The site's own pages × every role (see maatwerk.core.tests.permissions)."""

from maatwerk.core.tests.permissions import expect, get, matrix, matrix_test, post

MATRIX = matrix(
    # Everyone with a role is sent to their first page; without a role there is nothing to open.
    get("core:home", expect(302, no_role=403)),
    get("core:health", expect(200, anonymous=200)),
    # The client council's start page: for members of the council only.
    get("core:council", expect(council_member=200)),
    post("set_language", expect(302, anonymous=302)),
    get("serve-media", expect(404), args=lambda w: ["staff/none.png"]),
)

test_permission_matrix = matrix_test(MATRIX)
