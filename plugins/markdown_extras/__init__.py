"""Python-Markdown extensions the theme relies on (not a Pelican plugin).

Listed by module path in MARKDOWN["extension_configs"] in pelicanconf.py.
"""
