"""Shopfront backend API."""

__version__ = "0.4.2"
