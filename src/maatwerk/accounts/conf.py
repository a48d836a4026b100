"""Log-in settings, each with its default; ``settings.py`` maps the environment variable of the
same name onto it.

- ``CLIENT_IP_HEADER`` (""): the header a TLS proxy in front of Maatwerk writes the visitor's
  address into (``X-Forwarded-For`` or ``X-Real-IP``). Empty: the address of the connection
  itself, right for a server without a proxy. Log-in throttling (django-axes) counts failures per
  username *and* this address, so behind a proxy without it every visitor has the proxy's address.
"""

from maatwerk.core.conf import AppSettings, text

app_settings = AppSettings(
    CLIENT_IP_HEADER=text(""),
)
