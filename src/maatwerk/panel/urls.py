from django.urls import path

from . import views

app_name = "panel"

urlpatterns = [
    path("mijn/panel/", views.home, name="home"),
    path("mijn/panel/aanmelden/", views.join, name="join"),
    path("mijn/panel/afmelden/", views.leave, name="leave"),
    path("mijn/panel/uitnodiging/<str:token>/", views.invitation, name="invitation"),
    path("werk/panel/", views.plans, name="plans"),
    path("werk/panel/nieuw/", views.new, name="new"),
    path("werk/panel/<int:pk>/", views.plan, name="plan"),
    path("werk/panel/<int:pk>/versturen/", views.send, name="send"),
    path("werk/panel/<int:pk>/herinnering/", views.remind, name="remind"),
    path("werk/panel/<int:pk>/onzeker/", views.release, name="release"),
]
