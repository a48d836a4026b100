"""Every Werkverkenner page × every role (see maatwerk.core.tests.permissions). The client fills
it in; the contact person and the office manager see it in the file."""

from maatwerk.core.tests.permissions import (
    CLIENT_FILE,
    client_pk,
    expect,
    get,
    matrix,
    matrix_test,
    pk_of,
    post,
)

# Steps of the adviser's flow send everyone who may open the file to its first page.
STAFF_STEP = expect(adviser=302, other_adviser=302, manager=302)


def _triage_item(world):
    """An open Werkverkenner invitation for the world's client (the client asked for one)."""
    from maatwerk.werkverkenner import actions
    from maatwerk.werkverkenner.queries import open_item

    client = world["client"]
    return open_item(client) or actions.request_conversation(client=client, user=client.user)


MATRIX = matrix(
    get("werkverkenner:start", expect(client=200)),
    post("werkverkenner:begin", expect(client=302)),
    get("werkverkenner:page", expect(client=302), args=lambda w: [1]),
    get("werkverkenner:check", expect(client=302)),
    get("werkverkenner:result", expect(client=302)),
    post("werkverkenner:request", expect(client=302)),
    get("werkverkenner:staff_start", CLIENT_FILE, args=client_pk),
    post("werkverkenner:staff_begin", STAFF_STEP, args=client_pk),
    get("werkverkenner:staff_page", STAFF_STEP, args=lambda w: [w["client"].pk, 1]),
    get("werkverkenner:staff_check", STAFF_STEP, args=client_pk),
    get("werkverkenner:staff_result", STAFF_STEP, args=client_pk),
    get("werkverkenner:worklist", expect(adviser=200, other_adviser=200, manager=200)),
    get("werkverkenner:item", expect(adviser=200, manager=200), args=pk_of(_triage_item)),
    get("werkverkenner:batch", expect(administrator=200)),
)

test_permission_matrix = matrix_test(MATRIX)
