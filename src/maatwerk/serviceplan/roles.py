"""Default grants of the service plan for new databases (see maatwerk.access.roles)."""

PLAN_WORK = ["serviceplan.decide_plan", "serviceplan.view_call_list"]
CATALOGUE = [
    "serviceplan.add_servicetype",
    "serviceplan.change_servicetype",
    "serviceplan.view_servicetype",
    "serviceplan.add_cyclerule",
    "serviceplan.change_cyclerule",
    "serviceplan.view_cyclerule",
]

DEFAULT_GRANTS = {
    "Adviseur werk": PLAN_WORK,
    "E-werkcoach": PLAN_WORK,
    "Vestigingsmanager": PLAN_WORK,
    "Beheerder": CATALOGUE,
}
