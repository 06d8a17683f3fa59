"""pressless.core.members: a list whose `in` is a set lookup answers as a list does, through changes."""

import copy
import pickle

from pressless.core.members import Members


class Item:
    """Compares by identity, as Pelican's Content does."""


class Named:
    """Equal to any other with the same name, as Pelican's Tag and Category are."""

    def __init__(self, name):
        self.name = name

    def __eq__(self, other):
        return isinstance(other, Named) and other.name == self.name

    __hash__ = object.__hash__


def same_answers(members, probes):
    plain = list(members)
    return [probe in members for probe in probes] == [probe in plain for probe in probes]


def test_membership_follows_every_change():
    a, b, c, d = (Item() for _ in range(4))
    probes = [a, b, c, d]
    members = Members([a, b])
    assert same_answers(members, probes) and a in members and c not in members
    changes = [
        lambda m: m.append(c),
        lambda m: m.remove(a),
        lambda m: m.insert(0, d),
        lambda m: m.pop(),
        lambda m: m.__setitem__(0, a),
        lambda m: m.__setitem__(slice(0, 1), [b, c]),
        lambda m: m.__delitem__(0),
        lambda m: m.extend([d]),
        lambda m: m.__iadd__([a]),
        lambda m: m.__imul__(2),
        lambda m: m.clear(),
    ]
    for change in changes:
        change(members)
        assert same_answers(members, probes), change


class EqualToAll:
    def __eq__(self, other):
        return True

    __hash__ = object.__hash__


def test_an_item_with_its_own_equality_is_compared_as_a_list_compares_it():
    first, twin, other = Named("x"), Named("x"), Named("y")
    members = Members([first, Item()])
    assert twin in members and other not in members
    assert same_answers(members, [first, twin, other])
    # A member equal to what it is not: asked as the list asks it.
    assert Item() in Members([Item(), EqualToAll()])


def test_copies_and_pickles_hold_the_items_and_answer_for_them():
    a, b = Item(), Item()
    members = Members([a])
    assert a in members
    shallow = copy.copy(members)
    shallow.append(b)
    assert type(shallow) is Members and b in shallow and b not in members
    deep = copy.deepcopy(members)
    assert a not in deep and deep[0] in deep
    loaded = pickle.loads(pickle.dumps(Members([1, 2])))
    assert type(loaded) is Members and loaded == [1, 2] and 2 in loaded
