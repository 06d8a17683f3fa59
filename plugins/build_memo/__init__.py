"""Build memo: a build with nothing changed since the last one writes nothing.

At `initialized` the inputs are digested (settings, content, theme, code,
packages); once the site model is complete (`all_generators_finalized`,
cheap with the reader cache) the clock's decisions are added (see inputs.py).
If the fingerprint is the one recorded after the last successful build into
the same output folder, and that folder still holds exactly the files
recorded (same sizes and mtimes), nothing is rendered, copied or indexed.
The record is written on `finalized`, after the search index: keep this
plugin last in PLUGINS.
"""

import logging
from dataclasses import dataclass
from pathlib import Path

from pelican import signals
from pelican.log import console

from pressless.core.config import config_of, setting, store_config, yes_or_no
from pressless.core.errors import show_author_errors_without_traceback
from pressless.core.unchanged import (
    NOTHING_CHANGED_MARKER,
    live_output,
    mark_nothing_changed,
    nothing_changed,
)

from .inputs import build_fingerprint, input_digest
from .record import load_record, output_files, record_path, save_record, unchanged

log = logging.getLogger(__name__)

PLUGIN = "build_memo"
DEFAULTS = {
    # False: every build renders and writes everything.
    "BUILD_MEMO": True,
}
NOTHING_CHANGED = "nothing changed since the last build"
# Per-build state, in the build's own settings dict (nothing outlives the build).
INPUTS_KEY = "_BUILD_MEMO_INPUTS"
FINGERPRINT_KEY = "_BUILD_MEMO_FINGERPRINT"


@dataclass(frozen=True)
class BuildMemoConfig:
    enabled: bool


def check_settings(settings):
    return BuildMemoConfig(enabled=yes_or_no(PLUGIN, "BUILD_MEMO", setting(settings, DEFAULTS, "BUILD_MEMO")))


def check(pelican):
    config = store_config(pelican.settings, PLUGIN, check_settings(pelican.settings))
    if config.enabled:
        # Before anything is read: a file edited during the build is seen as
        # changed by the next one.
        pelican.settings[INPUTS_KEY] = input_digest(pelican.settings)


def _skip_output(writer):
    return None


def decide(generators):
    settings = generators[0].settings
    inputs = settings.get(INPUTS_KEY)
    if not config_of(settings, PLUGIN).enabled or inputs is None:
        return
    fingerprint = settings[FINGERPRINT_KEY] = build_fingerprint(inputs, generators)
    live = live_output(settings)
    record = load_record(record_path(settings["CACHE_PATH"], live))
    if not unchanged(record, fingerprint, live):
        why = "no record" if record is None else (
            "inputs or clock decisions changed" if record.get("fingerprint") != fingerprint
            else "the output folder changed since")
        log.info("build_memo: building everything (%s)", why)
        return
    mark_nothing_changed(settings)
    for generator in generators:
        generator.generate_output = _skip_output
    output = Path(settings["OUTPUT_PATH"]).absolute()
    if output != live:
        # Building into a staging folder (pressless/tools/build.py): tell it to keep the live site.
        output.mkdir(parents=True, exist_ok=True)
        (output / NOTHING_CHANGED_MARKER).write_text(f"{live}\n", encoding="utf-8")
    console.print(f"build_memo: {NOTHING_CHANGED}; {live} kept as it is")


def remember(pelican):
    """After the whole build (search index included): what it wrote, for the next one."""
    settings = pelican.settings
    fingerprint = settings.pop(FINGERPRINT_KEY, None)
    settings.pop(INPUTS_KEY, None)
    if fingerprint is None or nothing_changed(settings):
        return
    files = output_files(settings["OUTPUT_PATH"])
    save_record(record_path(settings["CACHE_PATH"], live_output(settings)), fingerprint, files)
    log.info("build_memo: recorded %d files", len(files))


def register():
    show_author_errors_without_traceback()
    signals.initialized.connect(check)
    signals.all_generators_finalized.connect(decide)
    signals.finalized.connect(remember)
