from django.urls import path

from . import views

app_name = "messaging"
urlpatterns = [
    path("mijn/berichten/", views.client_inbox, name="client_inbox"),
    path("mijn/berichten/nieuw/", views.client_new, name="client_new"),
    path("mijn/berichten/<int:pk>/", views.client_thread, name="client_thread"),
    path(
        "mijn/berichten/<int:pk>/bijlagen/<int:attachment_pk>/",
        views.client_attachment,
        name="client_attachment",
    ),
    path("werk/berichten/", views.inbox, name="inbox"),
    path("werk/berichten/<int:pk>/", views.staff_thread, name="staff_thread"),
    path("werk/berichten/<int:pk>/reden/", views.access_reason, name="access_reason"),
    path("werk/berichten/<int:pk>/oppakken/", views.take, name="take"),
    path("werk/berichten/<int:pk>/overdragen/", views.hand_over, name="hand_over"),
    path(
        "werk/berichten/<int:pk>/bijlagen/<int:attachment_pk>/",
        views.staff_attachment,
        name="staff_attachment",
    ),
    path(
        "werk/berichten/taken/<int:pk>/afgerond/",
        views.complete_follow_up,
        name="complete_follow_up",
    ),
]
