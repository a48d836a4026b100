"""Maatwerk: service platform for a public employment service."""
