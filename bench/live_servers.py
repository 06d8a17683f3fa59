"""Servers that rebuild on save and tell the browser to reload, for bench/refresh.py.

    python bench/live_servers.py pelican CONTENT OUTPUT PORT LIVE_PORT
    python bench/live_servers.py pressless-before CONTENT OUTPUT PORT LIVE_PORT

`pelican`: vanilla Pelican as its quickstart's `invoke livereload` runs it:
the livereload package watches the content, each save runs Pelican again in
the same process with its content cache on. `pressless-before`: Pressless's
`invoke livereload` before the live preview (the same, running
pressless.tools.build.build_site, Pelican plus Pagefind, on every save).
"""

import sys
from pathlib import Path

from livereload import Server

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))


def vanilla_build(content, output):
    from pelican import main as pelican_main

    def build():
        pelican_main([str(content), "-s", str(BENCH / "vanilla_pelicanconf.py"), "-o", str(output),
                      "-e", "CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true",
                      f'CACHE_PATH="{output}.cache"'])

    return build


def pressless_before_build(content, output):
    from pressless.tools.build import BuildError, build_site

    settings = Path(f"{output}.settings.py")
    settings.write_text(f"import sys\nsys.path.insert(0, {str(REPO)!r})\nfrom pelicanconf import *\n"
                        f"PATH = {str(content)!r}\n")

    def build():
        try:
            build_site(settings, output)
        except BuildError as error:
            print(f"Build failed: {error}")

    return build


def main(tool, content, output, port, live_port):
    build = {"pelican": vanilla_build, "pressless-before": pressless_before_build}[tool](content, output)
    build()
    server = Server()
    server.watch(str(content), build)
    server.serve(root=str(output), host="127.0.0.1", port=int(port), liveport=int(live_port),
                 open_url_delay=None)


if __name__ == "__main__":
    main(*sys.argv[1:6])
