"""Werkverkenner's statistical core: train, calibrate, explain, audit and store a model.

The public surface is :mod:`maatwerk.profiler.service`; the command line is
``maatwerk profiler fit|score|report``.
"""
