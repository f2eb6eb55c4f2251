"""Reusable Qt widgets that know nothing of residents or services."""
