"""The theme's gettext catalogs: extract the messages, update, start and compile catalogs.

Behind `invoke i18n-extract` and `invoke i18n-compile`; builds compile the
catalogs in memory themselves (pressless.core.language), so the compiled
.mo files written here are for other tools and need not be committed.
"""

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from pressless.core.language import DOMAIN, catalog_file, read_catalog, untranslated

KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2)}
TEMPLATE_NAME = f"{DOMAIN}.pot"


def _method_map(config_file):
    """Babel's method map and options from babel.cfg ([method: pattern] sections)."""
    from babel.messages.frontend import parse_mapping_cfg

    with open(config_file, encoding="utf-8") as handle:
        return parse_mapping_cfg(handle)


def extract_messages(config_file, sources, catalogs):
    """Write catalogs/messages.pot from the messages in `sources` (folders or files); return its path.

    The sources are the theme's templates and the few plugin modules that
    write reader-facing text themselves (babel.cfg maps each to its extractor).
    """
    method_map, options_map = _method_map(config_file)
    root = Path(config_file).parent
    catalog = Catalog(project="Pressless theme", domain=DOMAIN)
    wanted = [Path(source).resolve() for source in sources]
    for filename, lineno, message, comments, context in extract_from_dir(
        root, method_map, options_map, keywords=KEYWORDS
    ):
        if any(Path(root, filename).resolve().is_relative_to(source) for source in wanted):
            catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    target = Path(catalogs) / TEMPLATE_NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "wb") as handle:
        write_po(handle, catalog, omit_header=False, sort_output=True, width=100)
    return target


def catalog_languages(catalogs):
    return sorted(path.parent.parent.name for path in Path(catalogs).glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def update_catalogs(template_path, catalogs):
    """Merge the new template into every language's catalog; [(path, added, obsolete)]."""
    with open(template_path, "rb") as handle:
        template = read_po(handle)
    changes = []
    for lang in catalog_languages(catalogs):
        path = catalog_file(catalogs, lang)
        catalog = read_catalog(path, lang)
        before = {message.id for message in catalog if message.id}
        catalog.update(template, no_fuzzy_matching=True)
        after = {message.id for message in catalog if message.id}
        with open(path, "wb") as handle:
            write_po(handle, catalog, ignore_obsolete=True, sort_output=True, width=100)
        changes.append((path, len(after - before), len(catalog.obsolete)))
    return changes


def start_catalog(catalogs, lang):
    """A new catalog for `lang` from the template; refuse to replace one."""
    path = catalog_file(catalogs, lang)
    if path.exists():
        raise FileExistsError(f"{path} already exists")
    with open(Path(catalogs) / TEMPLATE_NAME, "rb") as handle:
        template = read_po(handle)
    catalog = Catalog(locale=lang.replace("-", "_"), domain=DOMAIN, project="Pressless theme")
    catalog.update(template)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        write_po(handle, catalog, sort_output=True, width=100)
    return path


def compile_catalogs(catalogs):
    """Write each catalog's .mo beside it; return one line per message a catalog lacks."""
    with open(Path(catalogs) / TEMPLATE_NAME, "rb") as handle:
        template = read_po(handle)
    ids = [message.id for message in template if message.id]
    problems = []
    for lang in catalog_languages(catalogs):
        path = catalog_file(catalogs, lang)
        catalog = read_catalog(path, lang)
        for message_id in untranslated(catalog, ids):
            shown = message_id[0] if isinstance(message_id, tuple) else message_id
            problems.append(f"{path}: no translation for {shown!r}")
        with open(path.with_suffix(".mo"), "wb") as handle:
            write_mo(handle, catalog)
    return problems
