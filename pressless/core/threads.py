"""Arrange one post's comments into a thread, oldest first, without changing them.

Linear in the number of comments: one dict by id, one children list per
parent, one walk down from the top. Replies deeper than the depth limit join
the last level as siblings, as WordPress does. The result is a tree of
ThreadNode views over the (immutable) Comment records.
"""

from collections import defaultdict
from dataclasses import dataclass


@dataclass(frozen=True)
class ThreadNode:
    comment: object  # a comments.Comment
    depth: int  # 1 at the top level
    replies: tuple  # ThreadNodes, oldest first


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


def thread(comments, max_depth=5):
    """(top-level ThreadNodes, problems) for one post's comments.

    Only approved comments are placed. A reply whose parent is missing, or
    whose Reply-To chain loops, goes to the top level and is reported.
    """
    max_depth = max(1, int(max_depth))
    by_id = {comment.id: comment for comment in comments}
    shown = sorted((c for c in comments if c.is_visible), key=_order)
    children = defaultdict(list)
    roots, problems = [], []
    for comment in shown:
        parent_id = _shown_parent(comment, by_id)
        if parent_id is False:
            problems.append(
                f"{comment.source}: Reply-To {comment.reply_to!r} names no comment on "
                "this post; shown at the top level"
            )
            parent_id = None
        (children[parent_id] if parent_id else roots).append(comment)

    # Each comment's depth, the comment it hangs under, and the walk order.
    placed, owner_of, order = {}, {}, []
    _place(roots, children, max_depth, placed, owner_of, order)
    for comment in shown:
        if comment.id not in placed:
            problems.append(
                f"{comment.source}: Reply-To {comment.reply_to!r} loops back to this "
                "comment; shown at the top level"
            )
            _place([comment], children, max_depth, placed, owner_of, order)
    return _build(order, placed, owner_of), problems


def _place(roots, children, max_depth, placed, owner_of, order):
    """Walk down from `roots`, noting each comment's depth and the node it hangs under."""
    stack = [(root, 1, None) for root in reversed(roots)]
    while stack:
        comment, depth, owner = stack.pop()
        if comment.id in placed:
            continue
        placed[comment.id] = depth
        owner_of[comment.id] = owner
        order.append(comment)
        for child in reversed(children[comment.id]):
            if depth >= max_depth:
                stack.append((child, depth, owner))
            else:
                stack.append((child, depth + 1, comment.id))


def _build(order, depth_of, owner_of):
    """Freeze the placement into ThreadNodes, children before parents."""
    replies = defaultdict(list)
    for comment in order:
        replies[owner_of[comment.id]].append(comment)
    nodes = {}
    for comment in reversed(order):
        kids = sorted(replies[comment.id], key=_order)
        nodes[comment.id] = ThreadNode(comment, depth_of[comment.id], tuple(nodes[k.id] for k in kids))
    return tuple(nodes[c.id] for c in sorted(replies[None], key=_order))


def walk(nodes):
    """Every node of a thread (anything with `.replies`), parents before their replies."""
    stack = list(reversed(nodes))
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(node.replies))
