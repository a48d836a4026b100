from django.apps import AppConfig


class ProfilerConfig(AppConfig):
    name = "maatwerk.profiler"
    label = "profiler"
    verbose_name = "Profiler"
