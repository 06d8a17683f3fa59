"""Tooling around Pelican that tasks.py and the tests share."""
