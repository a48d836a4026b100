from django.urls import path

from . import views

app_name = "werkverkenner"
urlpatterns = [
    path("mijn/werkverkenner/", views.start, name="start"),
    path("mijn/werkverkenner/beginnen/", views.begin, name="begin"),
    path("mijn/werkverkenner/vragen/<int:page>/", views.page, name="page"),
    path("mijn/werkverkenner/controleren/", views.check, name="check"),
    path("mijn/werkverkenner/uitkomst/", views.result, name="result"),
    path("mijn/werkverkenner/gesprek/", views.request_conversation, name="request"),
    path("werk/clienten/<int:pk>/werkverkenner/", views.staff_start, name="staff_start"),
    path("werk/clienten/<int:pk>/werkverkenner/beginnen/", views.staff_begin, name="staff_begin"),
    path(
        "werk/clienten/<int:pk>/werkverkenner/vragen/<int:page>/",
        views.staff_page,
        name="staff_page",
    ),
    path(
        "werk/clienten/<int:pk>/werkverkenner/controleren/", views.staff_check, name="staff_check"
    ),
    path("werk/clienten/<int:pk>/werkverkenner/uitkomst/", views.staff_result, name="staff_result"),
    path("werk/werkverkenner/", views.worklist, name="worklist"),
    path("werk/werkverkenner/<int:item_pk>/", views.item, name="item"),
    path("werk/werkverkenner/berekenen/", views.batch, name="batch"),
]
