from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "maatwerk.demo"
    verbose_name = "Demo"

    def ready(self):
        # The demo timeline uses a few kinds that no other app registers (yet).
        from . import timeline_kinds  # noqa: F401
