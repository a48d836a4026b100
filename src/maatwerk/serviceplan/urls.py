from django.urls import path

from . import views

app_name = "serviceplan"

urlpatterns = [
    path("mijn/plan/", views.mine, name="mine"),
    path("werk/plan/<int:pk>/", views.plan, name="plan"),
    path("werk/plan/<int:pk>/voorstel/", views.propose, name="propose"),
    path(
        "werk/plan/<int:pk>/gesprekken/<int:conversation_pk>/gehouden/",
        views.conversation_held,
        name="conversation_held",
    ),
    path("werk/beldag/", views.call_list_view, name="call_list"),
]
