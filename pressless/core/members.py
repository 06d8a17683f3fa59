"""A list whose `in` is a set lookup, for lists asked "is this one of yours?" far more often than changed.

Pelican writes each tag's, category's and author's page with
`[post for post in dates if post in posts_of_it]`: one scan of a list per
post of the site, per tag. At 5,000 posts that is 0.5-1 s for every process
that walks the pages. `Members` answers `in` from a set of the items' ids,
which is the same answer while the items compare by identity (Pelican's
Content defines no `__eq__`); for an item that has an `__eq__` of its own it
asks the list as a list does. Every method that changes the list forgets
the set, so it is never stale.
"""


class Members(list):
    def __init__(self, *args):
        super().__init__(*args)
        self._ids = None

    def __reduce_ex__(self, protocol):
        # Copies and pickles carry the items only: a deep copy's items are other objects.
        return (Members, (list(self),))

    def __contains__(self, item):
        if type(item).__eq__ is not object.__eq__:
            return super().__contains__(item)
        if self._ids is None:
            # Members equal to something other than themselves: only those with an __eq__ of their own.
            self._ids = ({id(member) for member in self},
                         [member for member in self if type(member).__eq__ is not object.__eq__])
        ids, comparing = self._ids
        return id(item) in ids or any(member == item for member in comparing)


def _forgetting(name):
    method = getattr(list, name)

    def changed(self, *args):
        self._ids = None
        return method(self, *args)

    changed.__name__ = name
    return changed


for _name in ("append", "extend", "insert", "remove", "pop", "clear", "__setitem__", "__delitem__",
              "__iadd__", "__imul__"):
    setattr(Members, _name, _forgetting(_name))
