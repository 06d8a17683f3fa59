"""Arrange one post's comments into a thread, oldest first.

Linear in the number of comments: one dict by id, one children list per
parent, one walk down from the top. Replies deeper than the depth limit join
the last level as siblings, as WordPress does.
"""

from collections import defaultdict


def _order(comment):
    return (comment.date, comment.id)


def _shown_parent(comment, by_id):
    """The id of the nearest shown ancestor, None for the top level, or
    False when Reply-To names no comment at all (or the chain loops)."""
    seen = {comment.id}
    parent_id = comment.reply_to
    while parent_id:
        parent = by_id.get(parent_id)
        if parent is None or parent_id in seen:
            return False
        if parent.is_visible:
            return parent_id
        # A reply to a held comment moves up to what readers can see.
        seen.add(parent_id)
        parent_id = parent.reply_to
    return None


def thread_comments(comments, max_depth=5):
    """Return (top-level comments, problems) for one post's comments.

    Only approved comments are placed. Each gets `.depth` (1 at the top)
    and `.replies`. A reply whose parent is missing goes to the top level
    and is reported.
    """
    max_depth = max(1, int(max_depth))
    by_id = {comment.id: comment for comment in comments}
    shown = sorted((c for c in comments if c.is_visible), key=_order)
    children = defaultdict(list)
    roots, problems = [], []
    for comment in shown:
        comment.replies = []
        parent_id = _shown_parent(comment, by_id)
        if parent_id is False:
            problems.append(
                f"{comment.source}: Reply-To {comment.reply_to!r} names no comment on "
                "this post; shown at the top level"
            )
            parent_id = None
        (children[parent_id] if parent_id else roots).append(comment)

    top_level, placed = [], set()
    _place(roots, children, max_depth, top_level, placed)
    # Replies that only point at each other never hang from the top level.
    for comment in shown:
        if comment.id not in placed:
            problems.append(
                f"{comment.source}: Reply-To {comment.reply_to!r} loops back to this "
                "comment; shown at the top level"
            )
            _place([comment], children, max_depth, top_level, placed)

    # Flattened replies arrive out of date order: restore oldest first.
    top_level.sort(key=_order)
    for comment in iter_thread(top_level):
        comment.replies.sort(key=_order)
    return top_level, problems


def _place(roots, children, max_depth, top_level, placed):
    stack = [(root, 1, None) for root in reversed(roots)]
    while stack:
        comment, depth, owner = stack.pop()
        if comment.id in placed:
            continue
        placed.add(comment.id)
        comment.depth = depth
        (owner.replies if owner else top_level).append(comment)
        at_limit = depth >= max_depth
        for child in reversed(children[comment.id]):
            if at_limit:
                stack.append((child, depth, owner))
            else:
                stack.append((child, depth + 1, comment))


def iter_thread(top_level):
    """Every comment in a thread, parents before their replies."""
    stack = list(reversed(top_level))
    while stack:
        comment = stack.pop()
        yield comment
        stack.extend(reversed(comment.replies))
