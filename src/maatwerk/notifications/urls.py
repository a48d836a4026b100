from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("werk/post/", views.print_queue, name="print_queue"),
    path("werk/berichten-aan-clienten/<int:pk>/", views.staff_detail, name="staff_detail"),
    path("werk/berichten-aan-clienten/<int:pk>/pdf/", views.staff_pdf, name="staff_pdf"),
    path("werk/berichten-aan-clienten/<int:pk>/afgerond/", views.staff_done, name="staff_done"),
    path("mijn/brieven/post/<int:pk>/", views.mine_detail, name="mine_detail"),
    path("mijn/brieven/post/<int:pk>/pdf/", views.mine_pdf, name="mine_pdf"),
]
