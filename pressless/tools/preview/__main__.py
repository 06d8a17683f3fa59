"""python -m pressless.tools.preview [--settings F] [--output D] [--port P] [--live-port L]"""

import argparse
import sys

from . import main

parser = argparse.ArgumentParser(prog="python -m pressless.tools.preview", description=__doc__)
parser.add_argument("--settings", default="pelicanconf.py")
parser.add_argument("--output", default="output")
parser.add_argument("--port", type=int, default=8000)
parser.add_argument("--live-port", type=int, default=35729)
arguments = parser.parse_args()
sys.exit(main(arguments.settings, arguments.output, arguments.port, arguments.live_port))
