from django.urls import path

from . import views

app_name = "feedback"

urlpatterns = [
    path("mijn/reacties/", views.client_overview, name="client_overview"),
    path("mijn/reacties/nieuw/", views.client_new, name="client_new"),
    path("mijn/reacties/<int:pk>/", views.client_item, name="client_item"),
    path("mijn/complimenten/nieuw/", views.compliment_new, name="compliment_new"),
    path("werk/complimenten/", views.my_compliments, name="my_compliments"),
    path("werk/complimenten/vestiging/", views.office_compliments, name="office_compliments"),
    path("werk/reacties/", views.staff_list, name="staff_list"),
    path("werk/reacties/overzicht/", views.office_overview, name="office_overview"),
    path("werk/reacties/vastleggen/", views.staff_record_choose, name="staff_record_choose"),
    path("werk/reacties/vastleggen/<int:client_pk>/", views.staff_record, name="staff_record"),
    path("werk/reacties/<int:pk>/", views.staff_item, name="staff_item"),
    path("werk/reacties/<int:pk>/behandelen/", views.staff_start, name="staff_start"),
    path("werk/reacties/<int:pk>/antwoorden/", views.staff_answer, name="staff_answer"),
    path("werk/reacties/<int:pk>/eigenaar/", views.staff_reassign, name="staff_reassign"),
    path("werk/reacties/<int:pk>/termijn/", views.staff_deadline, name="staff_deadline"),
    path("werk/spiegelgesprekken/", views.session_list, name="session_list"),
    path("werk/spiegelgesprekken/nieuw/", views.session_new, name="session_new"),
    path("werk/spiegelgesprekken/<int:pk>/", views.session_detail, name="session_detail"),
    path("werk/spiegelgesprekken/<int:pk>/verbeterpunten/", views.point_add, name="point_add"),
    path("werk/spiegelgesprekken/verbeterpunten/", views.my_points, name="my_points"),
    path(
        "werk/spiegelgesprekken/verbeterpunten/<int:pk>/", views.point_detail, name="point_detail"
    ),
]
