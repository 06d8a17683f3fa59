"""Turn table alignment from style="text-align: X" into class="align-X".

Python-Markdown writes column alignment as an inline style, which a strict
Content-Security-Policy (style-src without 'unsafe-inline') ignores and
which the theme cannot restyle. A class keeps the alignment in the CSS.
"""

import re

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

_ALIGN = re.compile(r"^\s*text-align:\s*(left|right|center)\s*;?\s*$")


class TableAlignClasses(Treeprocessor):
    def run(self, root):
        for cell in root.iter():
            if cell.tag not in ("th", "td"):
                continue
            match = _ALIGN.match(cell.get("style", ""))
            if match:
                del cell.attrib["style"]
                classes = cell.get("class", "").split()
                cell.set("class", " ".join([*classes, f"align-{match[1]}"]))


class TableAlignExtension(Extension):
    def extendMarkdown(self, md):
        # After the tables extension has built the cells (priority 30 runs late).
        md.treeprocessors.register(TableAlignClasses(md), "table_align_classes", 1)


def makeExtension(**kwargs):
    return TableAlignExtension(**kwargs)
