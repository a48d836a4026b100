"""Every portal page × every role (see maatwerk.core.tests.permissions). Staff are sent to
their own pages, or practise as a client."""

from maatwerk.core.tests.permissions import PRACTICE, expect, get, matrix, matrix_test, post

MATRIX = matrix(
    get("portal:home", expect(client=200, **PRACTICE)),
    get("portal:timeline", expect(client=200, **PRACTICE)),
    get("portal:contact_preferences", expect(client=200, **PRACTICE)),
    post("portal:practice_start", expect(**PRACTICE)),
    post("portal:practice_stop", expect(**PRACTICE)),
)

test_permission_matrix = matrix_test(MATRIX)
