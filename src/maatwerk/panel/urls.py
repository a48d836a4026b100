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
    path("werk/panel/tablet/", views.kiosk, name="kiosk"),
    path("werk/panel/tablet/verlaten/", views.kiosk_leave, name="kiosk_leave"),
    path("werk/panel/<int:pk>/", views.plan, name="plan"),
    path("werk/panel/<int:pk>/versturen/", views.send, name="send"),
    path("werk/panel/<int:pk>/herinnering/", views.remind, name="remind"),
    path("werk/panel/<int:pk>/onzeker/", views.release, name="release"),
    path("werk/panel/<int:pk>/papier/", views.paper_answers, name="paper_answers"),
    path("werk/panel/<int:pk>/tablet/", views.kiosk_open, name="kiosk_open"),
]
