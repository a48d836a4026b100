from django.urls import path

from . import views

app_name = "clients"
urlpatterns = [
    path("clienten/", views.caseload, name="caseload"),
    path(
        "clienten/zonder-contactpersoon/",
        views.without_contact_person,
        name="without_contact_person",
    ),
    path("clienten/<int:pk>/", views.client_file, name="file"),
    path("clienten/<int:pk>/reden/", views.access_reason, name="access_reason"),
    path("clienten/<int:pk>/overdragen/", views.reassign, name="reassign"),
    path("clienten/<int:pk>/notitie/", views.add_note, name="add_note"),
    path("clienten/<int:pk>/contactvoorkeuren/", views.edit_preferences, name="edit_preferences"),
]
