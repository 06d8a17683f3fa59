"""Plausible blog prose in Markdown, drawn from a seeded random.Random.

Every function takes the generator as its first argument and draws from it in
a fixed order, so one seed always gives the same text. The vocabulary is small
and fixed on purpose: the benchmark needs realistic *shape* (headings, lists,
code, tables, links), not meaning.
"""

# fmt: off
NOUNS = (
    "garden", "river", "kitchen", "window", "morning", "server", "garage", "letter",
    "bicycle", "market", "recipe", "camera", "harbour", "journal", "library", "mountain",
    "notebook", "shelf", "station", "teapot", "village", "weekend", "workshop", "bridge",
    "compost", "ferry", "lantern", "meadow", "orchard", "pantry", "planner", "printer",
    "sketch", "summer", "trail", "valley", "winter", "forest", "deadline", "draft",
    "backup", "keyboard", "pipeline", "release", "script", "terminal", "update",
)
VERBS = (
    "build", "carry", "clean", "compare", "cook", "design", "draw", "explore", "fix",
    "follow", "gather", "grow", "keep", "learn", "mend", "move", "organise", "pack", "plan",
    "plant", "repair", "restore", "share", "sort", "start", "test", "travel", "trim", "try",
    "visit", "wander", "write",
)
ADJECTIVES = (
    "quiet", "bright", "careful", "cheap", "early", "gentle", "honest", "little", "long",
    "narrow", "old", "patient", "plain", "quick", "rainy", "rough", "simple", "slow",
    "small", "steady", "sturdy", "sunny", "tidy", "tired", "useful", "warm", "wet", "wild",
    "wooden",
)
ADVERBS = (
    "again", "carefully", "finally", "gently", "mostly", "often", "quickly", "rarely",
    "slowly", "soon",
)
LINKERS = (
    "and", "but", "so", "because", "while", "although", "until", "after", "before", "when",
)
# fmt: on
LANGUAGES = ("python", "bash", "javascript", "yaml", "json")


def third_person(verb):
    if verb.endswith(("s", "sh", "x")):
        return verb + "es"
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


def gerund(verb):
    if verb.endswith("e"):
        return verb[:-1] + "ing"
    if verb in ("plan", "trim"):
        # Short verbs ending consonant-vowel-consonant double the last letter.
        return verb + verb[-1] + "ing"
    return verb + "ing"


def with_article(word):
    return ("an " if word[0] in "aeiou" else "a ") + word


def words(rng, count):
    pool = NOUNS + VERBS + ADJECTIVES + ADVERBS
    return [rng.choice(pool) for _ in range(count)]


def sentence(rng):
    # Subject-verb-object clauses joined by a linker read more like prose than
    # a bag of words, which matters for typogrify and summary truncation.
    def clause():
        return (
            f"the {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} "
            f"{third_person(rng.choice(VERBS))} the {rng.choice(NOUNS)} {rng.choice(ADVERBS)}"
        )

    text = clause()
    for _ in range(rng.randint(0, 2)):
        text += f" {rng.choice(LINKERS)} {clause()}"
    return text[0].upper() + text[1:] + rng.choice(".....?!")


def paragraph(rng, decorate=True):
    parts = [sentence(rng) for _ in range(rng.randint(2, 6))]
    if decorate and rng.random() < 0.5:
        slug = "-".join(words(rng, 2))
        link_text = " ".join(words(rng, rng.randint(1, 3)))
        parts.insert(rng.randint(0, len(parts)), f"See [{link_text}](https://example.org/{slug}/).")
    if decorate and rng.random() < 0.3:
        parts.append(f"Keep the `{rng.choice(NOUNS)}_{rng.choice(NOUNS)}` *{rng.choice(ADJECTIVES)}*.")
    return " ".join(parts)


def title(rng):
    patterns = (
        "How to {verb} {a_adj} {noun}",
        "Notes on the {noun} and the {noun2}",
        "Why I {verb} my {noun} every {noun2}",
        "{A_adj} guide to the {noun}",
        "{Verbing} the {noun}: {adj} lessons",
        "The {noun} in {Adj} {Noun2}",
    )
    verb = rng.choice(VERBS)
    adj = rng.choice(ADJECTIVES)
    noun, noun2 = rng.choice(NOUNS), rng.choice(NOUNS)
    text = rng.choice(patterns).format(
        verb=verb,
        Verbing=gerund(verb).capitalize(),
        adj=adj,
        Adj=adj.capitalize(),
        a_adj=with_article(adj),
        A_adj=with_article(adj).capitalize(),
        noun=noun,
        noun2=noun2,
        Noun2=noun2.capitalize(),
    )
    return text[0].upper() + text[1:]


def bullet_list(rng, numbered):
    items = []
    for number in range(1, rng.randint(3, 6) + 1):
        marker = f"{number}." if numbered else "-"
        items.append(f"{marker} {' '.join(words(rng, rng.randint(3, 9))).capitalize()}")
    return "\n".join(items)


def code_block(rng):
    language = rng.choice(LANGUAGES)
    name, other = rng.choice(NOUNS), rng.choice(NOUNS)
    count = rng.randint(2, 99)
    first, second = rng.choice(ADJECTIVES), rng.choice(ADJECTIVES)
    snippets = {
        "python": (
            f"def {rng.choice(VERBS)}_{name}({other}s):\n"
            f'    """Return the {rng.choice(ADJECTIVES)} ones."""\n'
            f"    return [x for x in {other}s if x.size > {count}]"
        ),
        "bash": f"mkdir -p ~/{name}\nrsync -av ./{other}/ ~/{name}/ --max-size={count}k",
        "javascript": (
            f"const {name} = document.querySelectorAll('.{other}');\n"
            f"{name}.forEach((el) => el.classList.toggle('open', el.dataset.n > {count}));"
        ),
        "yaml": f"{name}:\n  {other}: {count}\n  enabled: true\n  tags: [{first}, {second}]",
        "json": f'{{\n  "{name}": {count},\n  "{other}": ["{first}", "{second}"]\n}}',
    }
    return f"```{language}\n{snippets[language]}\n```"


def table(rng):
    header = "| Item | Count | Note |\n| --- | ---: | --- |"
    rows = [
        f"| {rng.choice(NOUNS).capitalize()} | {rng.randint(1, 500)} | {' '.join(words(rng, 3))} |"
        for _ in range(rng.randint(3, 6))
    ]
    return "\n".join([header, *rows])


def post_body(rng):
    """A Markdown article: intro, 3-5 ## sections with lists, code, maybe a table."""
    blocks = [paragraph(rng)]
    section_count = rng.randint(3, 5)
    code_section = rng.randrange(section_count)
    for index in range(section_count):
        blocks.append(f"## {' '.join(words(rng, rng.randint(2, 5))).capitalize()}")
        blocks.extend(paragraph(rng) for _ in range(rng.randint(1, 3)))
        if rng.random() < 0.6:
            blocks.append(bullet_list(rng, numbered=rng.random() < 0.4))
        if index == code_section:
            blocks.append(code_block(rng))
        if rng.random() < 0.03:
            blocks.append(table(rng))
        if rng.random() < 0.15:
            blocks.append(f"> {sentence(rng)}")
    return "\n\n".join(blocks) + "\n"


def comment_body(rng):
    paragraphs = [paragraph(rng, decorate=False) for _ in range(rng.randint(1, 2))]
    return "\n\n".join(paragraphs) + "\n"
