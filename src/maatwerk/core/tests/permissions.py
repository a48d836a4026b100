"""Shared parts of the permission matrix. Each app keeps its own rows in
``maatwerk/<app>/tests/test_permissions.py`` as a ``MATRIX`` dict::

    MATRIX = {
        "letters:edit": ("get", lambda w: reverse("letters:edit", args=[...]),
                         expect(editor=200, administrator=403)),
    }

    @pytest.mark.parametrize("route", sorted(MATRIX))
    @pytest.mark.parametrize("role", ROLES)
    def test_permission_matrix(client, role_world, route, role):
        check_route(client, role_world, role, *MATRIX[route])

``tests/test_permission_matrix.py`` fails for any route that is in no app's MATRIX.
"""

from django.urls import reverse

from . import factories

LOGIN = "login"  # a redirect to the log-in page

ROLES = [
    "anonymous",
    "client",
    "adviser",
    "other_adviser",
    "manager",
    "administrator",
    "no_role",
    "editor",
    "legal_reviewer",
    "researcher",
    "council_member",
]


def expect(default=403, *, anonymous=LOGIN, **statuses) -> dict[str, object]:
    """Expected status per role: ``default`` for every logged-in role not named."""
    unknown = set(statuses) - set(ROLES)
    if unknown:
        raise ValueError(f"Unknown roles in the matrix: {sorted(unknown)}")
    return {"anonymous": anonymous} | dict.fromkeys(ROLES[1:], default) | statuses


def make_role_world(office) -> dict:
    """One person per role, all at ``office``; ``client`` is the adviser's own client."""
    adviser = factories.make_staff("Adviseur werk", offices=[office])

    def staff(role, job_title, first_name):
        return factories.make_staff(
            role, offices=[office], job_title=job_title, first_name=first_name
        )

    return {
        "office": office,
        "adviser": adviser,
        "other_adviser": staff("E-werkcoach", "E-werkcoach", "Eva"),
        "manager": staff("Vestigingsmanager", "Vestigingsmanager", "Mira"),
        "administrator": staff("Beheerder", "Functioneel beheerder", "Bram"),
        "no_role": staff(None, "Stagiair", "Sam"),
        "editor": staff("Briefredacteur", "Briefredacteur", "Ria"),
        "legal_reviewer": staff("Juridisch controleur", "Juridisch adviseur", "Jurre"),
        "researcher": staff("Klantonderzoeker", "Klantonderzoeker", "Otto"),
        "council_member": staff("Lid cliëntenraad", "Lid cliëntenraad", "Cor"),
        "client": factories.make_client(contact_person=adviser, user=True),
    }


def user_for(world, role):
    if role == "anonymous":
        return None
    if role == "client":
        return world["client"].user
    return world[role].user


def check_route(client, world, role, method, build_url, expected) -> None:
    user = user_for(world, role)
    if user is not None:
        client.force_login(user)
    response = getattr(client, method)(build_url(world))
    want = expected[role]
    if want == LOGIN:
        assert response.status_code == 302, f"{role}: {response.status_code}"
        assert response.url.startswith(reverse("accounts:login")), response.url
    else:
        assert response.status_code == want, f"as {role}: {response.status_code}"
