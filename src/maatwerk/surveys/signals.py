"""Hooks other apps use to react to surveys without this app knowing them."""

from django.dispatch import Signal

# Sent on commit when a response is completed, once per response:
# ``response=Response, survey=Survey, client=Client|None, invitation_token=str`` ("" when the
# client did not come through an invitation link). The client panel marks its invitation answered.
response_completed = Signal()
