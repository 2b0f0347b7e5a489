"""Synthetic SSD extracts: simulated child journeys written in the landing layout."""
