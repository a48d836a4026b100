from django.urls import path

from . import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("tijdlijn/", views.timeline, name="timeline"),
    path("contact/", views.contact_preferences, name="contact_preferences"),
    path("oefenen/start/", views.practice_start, name="practice_start"),
    path("oefenen/stoppen/", views.practice_stop, name="practice_stop"),
]
