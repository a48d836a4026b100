from django.urls import path

from . import views

app_name = "appointments"

urlpatterns = [
    path("mijn/afspraken/", views.mine, name="mine"),
    path("mijn/afspraken/nieuw/", views.choose, name="choose"),
    path("mijn/afspraken/nieuw/tijden/", views.slots, name="slots"),
    path("mijn/afspraken/nieuw/bevestigen/", views.confirm, name="confirm"),
    path("mijn/afspraken/<int:pk>/", views.detail, name="detail"),
    path("mijn/afspraken/<int:pk>/annuleren/", views.cancel, name="cancel"),
    path("mijn/afspraken/<int:pk>/verzetten/", views.move, name="move"),
    path("werk/afspraken/", views.agenda, name="agenda"),
    path("werk/afspraken/<int:pk>/", views.staff_detail, name="staff_detail"),
    path("werk/afspraken/<int:pk>/uitkomst/", views.outcome, name="outcome"),
    path("werk/afspraken/<int:pk>/annuleren/", views.staff_cancel, name="staff_cancel"),
    path("werk/afspraken/clienten/<int:pk>/nieuw/", views.staff_choose, name="staff_choose"),
    path("werk/afspraken/clienten/<int:pk>/tijden/", views.staff_slots, name="staff_slots"),
    path(
        "werk/afspraken/clienten/<int:pk>/bevestigen/",
        views.staff_confirm,
        name="staff_confirm",
    ),
    path("werk/afspraken/beschikbaarheid/", views.availability, name="availability"),
    path(
        "werk/afspraken/beschikbaarheid/blokken/",
        views.availability_add,
        name="availability_add",
    ),
    path(
        "werk/afspraken/beschikbaarheid/blokken/<int:pk>/verwijderen/",
        views.availability_remove,
        name="availability_remove",
    ),
    path("werk/afspraken/beschikbaarheid/afwezig/", views.absence_add, name="absence_add"),
    path(
        "werk/afspraken/beschikbaarheid/afwezig/<int:pk>/verwijderen/",
        views.absence_remove,
        name="absence_remove",
    ),
]
