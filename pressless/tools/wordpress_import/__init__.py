"""`invoke import-wordpress`: a WordPress export (WXR) into Pressless content.

- wxr: read the export in bounded memory (defusedxml, iterparse), item by item.
- model: what an export holds, as plain records.
- slugs: percent-encoded WordPress slugs into safe ones, unique per kind.
- shortcodes: [caption], [code], [gallery], [embed], [audio], [video] and the rest.
- body: WordPress HTML (classic or Gutenberg) into Markdown with markdownify.
- images: uploads links, copied under content/images/ with --uploads.
- addresses: old permalinks a post must keep answering (Redirect_From).
- comments: WordPress comments into comment files (pressless.core.comments).
- entries: one item into the text of its post or page file.
- writer: files written safely, with a manifest of what the importer wrote.
- report: what was imported, skipped and not converted.
- run: the whole import, in two passes over the export.
"""
