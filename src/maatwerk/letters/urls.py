from django.urls import path

from . import views

app_name = "letters"

urlpatterns = [
    path("werk/brieven/", views.book, name="book"),
    path("werk/brieven/meegeleverd/", views.install_shipped, name="install_shipped"),
    path("werk/brieven/nieuw/", views.new, name="new"),
    path("werk/brieven/voorbeeld/", views.preview, name="preview"),
    path("werk/brieven/<int:pk>/", views.template_detail, name="template"),
    path("werk/brieven/<int:pk>/bewerken/", views.edit, name="edit"),
    path("werk/brieven/<int:pk>/vergelijken/", views.compare, name="compare"),
    path("werk/brieven/versies/<int:pk>/", views.version, name="version"),
    path("werk/brieven/versies/<int:pk>/indienen/", views.submit, name="submit"),
    path("werk/brieven/versies/<int:pk>/juridisch/", views.legal, name="legal"),
    path("werk/brieven/versies/<int:pk>/meelezers/", views.invite, name="invite"),
    path("werk/brieven/versies/<int:pk>/reactie/", views.comment, name="comment"),
    path("werk/brieven/versies/<int:pk>/terugsturen/", views.send_back, name="send_back"),
    path("werk/brieven/versies/<int:pk>/publiceren/", views.publish, name="publish"),
    path("werk/brieven/clienten/<int:pk>/", views.client_letters, name="client_letters"),
    path(
        "werk/brieven/clienten/<int:pk>/versturen/<int:template_pk>/",
        views.compose,
        name="compose",
    ),
    path("werk/brieven/verzonden/<int:pk>/", views.sent, name="sent"),
    path("werk/brieven/verzonden/<int:pk>/pdf/", views.sent_pdf, name="sent_pdf"),
    path("mijn/brieven/", views.mine, name="mine"),
    path("mijn/brieven/<int:pk>/", views.mine_detail, name="mine_detail"),
    path("mijn/brieven/<int:pk>/pdf/", views.mine_pdf, name="mine_pdf"),
]
