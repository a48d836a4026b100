from django.urls import path

from . import views, views_build, views_interview, views_phone, views_results

app_name = "surveys"
urlpatterns = [
    # Clients
    path("mijn/vragenlijsten/", views.mine, name="mine"),
    path("mijn/vragenlijsten/<int:survey_pk>/", views.answer, name="answer"),
    path("mijn/vragenlijsten/<int:survey_pk>/pagina/<int:number>/", views.page, name="page"),
    path("mijn/vragenlijsten/<int:survey_pk>/versturen/", views.review, name="review"),
    path("mijn/vragenlijsten/<int:survey_pk>/bedankt/", views.done, name="done"),
    path("mijn/vragenlijsten/na-contact/<str:token>/", views.contact, name="contact"),
    # Researchers
    path("werk/onderzoek/", views_build.research, name="research"),
    path("werk/onderzoek/nieuw/", views_build.new, name="new"),
    path("werk/onderzoek/<int:pk>/", views_build.detail, name="detail"),
    path("werk/onderzoek/<int:pk>/bewerken/", views_build.edit, name="edit"),
    path("werk/onderzoek/<int:pk>/pagina/nieuw/", views_build.page_new, name="page_new"),
    path("werk/onderzoek/<int:pk>/pagina/<int:page_pk>/", views_build.page_edit, name="page_edit"),
    path(
        "werk/onderzoek/<int:pk>/pagina/<int:page_pk>/verwijderen/",
        views_build.page_delete,
        name="page_delete",
    ),
    path("werk/onderzoek/<int:pk>/vraag/nieuw/", views_build.question_new, name="question_new"),
    path(
        "werk/onderzoek/<int:pk>/vraag/<int:question_pk>/",
        views_build.question_edit,
        name="question_edit",
    ),
    path(
        "werk/onderzoek/<int:pk>/vraag/<int:question_pk>/verwijderen/",
        views_build.question_delete,
        name="question_delete",
    ),
    path("werk/onderzoek/<int:pk>/voorbeeld/", views_build.preview, name="preview"),
    path("werk/onderzoek/<int:pk>/publiceren/", views_build.publish, name="publish"),
    path("werk/onderzoek/<int:pk>/sluiten/", views_build.close, name="close"),
    path("werk/onderzoek/<int:pk>/kopie/", views_build.copy, name="copy"),
    path("werk/onderzoek/na-contact/", views_build.rules, name="rules"),
    path(
        "werk/onderzoek/na-contact/<int:rule_pk>/uitzetten/",
        views_build.rule_deactivate,
        name="rule_deactivate",
    ),
    # After-contact questions answered by phone, typed in by staff
    path(
        "werk/clienten/<int:client_pk>/vragen-na-contact/",
        views_phone.contact_phone_list,
        name="contact_phone_list",
    ),
    path(
        "werk/vragen-na-contact/<int:question_pk>/telefonisch/",
        views_phone.contact_phone,
        name="contact_phone",
    ),
    path("werk/onderzoek/<int:pk>/resultaten/", views_results.results, name="results"),
    path("werk/onderzoek/<int:pk>/export/", views_results.export, name="export"),
    # Interviews on an office tablet
    path("interview/", views_interview.interviews, name="interviews"),
    path("interview/<int:session_pk>/", views_interview.session, name="session"),
    path("interview/<int:session_pk>/opsturen/", views_interview.sync, name="sync"),
    path("interview/<int:session_pk>/sluiten/", views_interview.close, name="session_close"),
    path(
        "interview/<int:session_pk>/vrijgeven/",
        views_interview.kiosk_leave,
        name="kiosk_leave",
    ),
]
