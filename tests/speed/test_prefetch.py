"""The reader cache's pool: files in Pelican's order, each stored once read, failures left to Pelican."""

import copy
import os
from pathlib import Path

from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.settings import read_settings

from plugins.reader_cache import build_cache, cached_reader_class
from plugins.reader_cache.markdown_reuse import ReusingMarkdownReader
from plugins.reader_cache.prefetch import Prefetch, reading_order
from plugins.reader_cache.store import ReaderStore

from ..build.helpers import ROOT

POST = "Title: Post {n}\nDate: 2026-01-{n:02d} 10:00\n\nBody of post {n}, it's \"quoted\".\n"


def content_tree(folder):
    """Posts in nested folders, a page, an excluded folder and files Pelican ignores."""
    content = folder / "content"
    for n in range(1, 25):
        target = content / "posts" / f"{2020 + n % 3}" / f"post-{n}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(POST.format(n=n), encoding="utf-8")
    (content / "posts" / "drafts-old").mkdir()
    (content / "posts" / "drafts-old" / "skipped.md").write_text(POST.format(n=25), encoding="utf-8")
    (content / "posts" / "skip-me.md").write_text(POST.format(n=26), encoding="utf-8")  # IGNORE_FILES
    (content / "posts" / "notes.txt").write_text("not Markdown", encoding="utf-8")
    (content / "pages").mkdir()
    (content / "pages" / "about.md").write_text("Title: About\n\nAbout \"us\".\n", encoding="utf-8")
    return content


def settings_for(content, **extra):
    return read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(content), **extra})


def pelican_order(settings, tmp_path):
    """The absolute paths Pelican's article and page generators read, in their order."""
    order = []
    for kind, generator_class in (("ARTICLE", ArticlesGenerator), ("PAGE", PagesGenerator)):
        generator = generator_class(context={}, settings=settings, path=settings["PATH"],
                                    theme=settings["THEME"], output_path=str(tmp_path / "out"))
        files = generator.get_files(settings[f"{kind}_PATHS"], exclude=settings[f"{kind}_EXCLUDES"])
        order += [os.path.abspath(os.path.join(settings["PATH"], name)) for name in files]
    return order


def test_files_go_to_the_pool_in_the_order_pelican_reads_them(tmp_path):
    settings = settings_for(content_tree(tmp_path), ARTICLE_EXCLUDES=["pages", "posts/drafts-old"],
                            IGNORE_FILES=["skip-*"])
    expected = pelican_order(settings, tmp_path)
    assert len(expected) == 25  # 24 posts and the page; not the excluded, ignored or .txt files
    assert reading_order(settings, ReusingMarkdownReader.file_extensions) == expected


def test_every_file_is_stored_and_a_failing_one_is_left_to_pelican(tmp_path):
    content = content_tree(tmp_path)
    broken = content / "posts" / "broken.md"
    broken.write_bytes(b"Title: Broken\n\nNot UTF-8: \xff\xfe\n")
    settings = settings_for(content)
    paths = reading_order(settings, ReusingMarkdownReader.file_extensions)
    keys = {path: f"{index:064x}" for index, path in enumerate(paths)}
    store = ReaderStore(tmp_path / "cache")
    reader = ReusingMarkdownReader(copy.deepcopy(settings))
    prefetch = Prefetch(store, keys, paths, reader, settings, processes=2, key_now=keys.get)
    for path in paths:
        prefetch.wait_for(path)  # returns once the file is in, or failed
        entry = store.get(keys[path])
        if path == str(broken):
            assert entry is None
        else:
            assert entry is not None and "&#8221;." in entry["content"], path  # typogrified
    prefetch.finish()
    assert not prefetch._thread.is_alive()
    # On disk too once flushed, for the next build.
    store.close()
    stored = ReaderStore(tmp_path / "cache")
    assert [path for path in paths if stored.get(keys[path]) is not None] == [
        path for path in paths if path != str(broken)]


def own_markdown(settings):
    """The settings with a MARKDOWN of their own (a reader adds to it); the rest shared, the cache too."""
    return {**settings, "MARKDOWN": copy.deepcopy(settings["MARKDOWN"])}


def test_a_file_saved_after_its_key_was_made_is_read_as_it_is_but_not_stored(tmp_path):
    # The keys are made from each file's bytes before the reading starts (at
    # 5,000 posts the pool reads the last file some 20 s later): an entry for
    # the newer text must not be stored under the older bytes' key, where a
    # later build of the older text (an undo, a checkout) would find it.
    content = content_tree(tmp_path)
    settings = settings_for(content, CACHE_PATH=str(tmp_path / "cache"))
    cache = build_cache(settings)
    paths = reading_order(settings, ReusingMarkdownReader.file_extensions)
    keys = {path: cache.key_now(path) for path in paths}
    saved, read_by_pelican = paths[3], paths[5]
    for path in (saved, read_by_pelican):
        Path(path).write_text(Path(path).read_text(encoding="utf-8").replace("Body", "Edited body"),
                              encoding="utf-8")
    reader = ReusingMarkdownReader(own_markdown(settings))
    pool_paths = [path for path in paths if path != read_by_pelican]
    prefetch = Prefetch(cache.store, keys, pool_paths, reader, settings, processes=2, key_now=cache.key_now)
    prefetch.finish()
    stored = {path for path in paths if cache.store.get(keys[path]) is not None}
    assert stored == set(pool_paths) - {saved}
    # Pelican's own reading, with the key made before the save.
    cache.first_keys = {read_by_pelican: keys[read_by_pelican]}
    cached_reader = cached_reader_class(ReusingMarkdownReader, cache, settings)(own_markdown(settings))
    content_html, metadata = cached_reader.read(read_by_pelican)
    assert "Edited body" in content_html and metadata["title"].startswith("Post")
    assert cache.store.get(keys[read_by_pelican]) is None
    # Read again with a key of its bytes now, it is stored.
    cached_reader.read(read_by_pelican)
    assert "Edited body" in cache.store.get(cache.key_now(read_by_pelican))["content"]
    cache.store.close()
