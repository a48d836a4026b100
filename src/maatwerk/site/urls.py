from django.urls import path

from . import views

# The namespace stays "core" (it was core's before the site app existed): templates, tests and
# LOGIN_REDIRECT_URL name "core:home" and "core:health".
app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("health", views.health, name="health"),
    path("werk/clientenraad/", views.council, name="council"),
]
