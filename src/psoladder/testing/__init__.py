"""Helpers for testing applications built on psoladder (``test`` extra)."""
