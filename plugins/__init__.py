"""Pressless's Pelican plugins, loaded by their dotted names (`plugins.comments`).

A dotted name cannot be shadowed by an installed namespace plugin
(`pelican.plugins.related_posts` from the package index), and each module is
loaded once, under one name. Each plugin imports pressless.core and never
another plugin.
"""
