"""Find the products, families, locations, territories and people a question names.

Built once per catalogue version (see planning.catalogue) and shared by every question:
SKU codes are looked up exactly (also typed without the dash or in lower case), product names
by their words weighted by rarity (a word that names 2 products says more than "inox"), with
typos forgiven through a TypoIndex.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import defaultdict
from dataclasses import dataclass

from planning.catalogue import Catalogue
from planning.feedback.links import LEGAL_FORMS
from tools import lexicon
from tools.text import Token, TypoIndex, distance, fold
from tools.vocabulary import STOPWORDS

WORD = re.compile(r"[a-z0-9]+")
# A code typed without its leading zeros: "mok-3" (MOK-003), "pen 24" is not one.
SHORT_NUMBER = re.compile(r"([a-z]+-)(\d{1,3})")
CODE_LIKE = re.compile(r"^(?=.*\d)(?=.*[a-z])[a-z0-9]+(?:[-_./][a-z0-9]+)*$|^[a-z]+[-_][a-z0-9]+$")
# A number glued or hyphenated to letters: "12v", "12-speed", "6tazze".
GLUED_SIZE = re.compile(r"^(\d+)-?([a-z]+)$")
# Units a size is said in (general, not any catalogue's): a number before one is a size.
SIZE_UNITS = frozenset({
    "cm", "mm", "m", "ml", "cl", "l", "lt", "litri", "litro", "liter", "liters", "litre",
    "litres", "kg", "g", "gr", "oz", "lb", "in", "inch", "inches", "pollici", "tazze", "tazza",
    "cups", "cup", "w", "v", "mah",
})  # fmt: skip
# A garment or frame size said by its letter ("taglia L", "size S", "sz XL"): the letter is
# part of the name there, though "l" and "s" are otherwise articles or units.
SIZE_WORDS = frozenset({"taglia", "size", "sz", "tg", "tgl", "misura"})
SIZE_LETTERS = frozenset({"xxs", "xs", "s", "m", "l", "xl", "xxl", "xxxl"})


def _size_token(words: list[str], i: int) -> str | None:
    """The size a letter after a size word names ("size:l"), or None."""
    if i > 0 and words[i] in SIZE_LETTERS and words[i - 1] in SIZE_WORDS:
        return f"size:{words[i]}"
    return None


# A word after these describes what is asked about ("so high", "così alta"), not a name.
INTENSIFIERS = frozenset({"so", "too", "very", "cosi", "troppo", "molto", "tanto"})
# Two candidates this close in how much of their name the question covers are a tie.
TIE = 0.15
# Products offered beside the nearest when words describe none of them.
MAX_RIVALS = 3


def compact(code: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(code))


@dataclass(frozen=True)
class ProductMatch:
    skus: tuple[str, ...]  # one = found; several = ambiguous (best first)
    words: frozenset[int]  # token positions the match used
    # Positions of words that describe no one product: typed as product names spell them,
    # among or beside the words that named the best product, missing from its name while
    # another's has them ("moka rossa da 6 tazze" when the red moka has 4 cups; `skus` then
    # holds the best and that other one), or a size no product has ("padella 26 cm").
    unmatched: frozenset[int] = frozenset()
    # The products are one thing in several sizes or packs, none said ("tomato sauce" for
    # the 280 g jar and the 3 kg tin): meant together where an answer takes several.
    sizes: bool = False


class CatalogueIndex:
    def __init__(self, catalogue: Catalogue, reserved: frozenset[str] = frozenset()) -> None:
        self.catalogue = catalogue
        self.reserved = reserved
        self.names = {sku: name for sku, name, _ in catalogue.products}
        self.family_of = {sku: family for sku, _, family in catalogue.products}
        # Each family's products in the catalogue's order: a word that names most of one is
        # checked against it on every product match (5,000 products scanned each time else).
        self._members: dict[str, list[str]] = defaultdict(list)
        for sku, family in self.family_of.items():
            self._members[family].append(sku)
        self.skus: dict[str, str] = {}
        for sku, _, _ in catalogue.products:
            self.skus[fold(sku)] = sku
            self.skus.setdefault(compact(sku), sku)
        self.sku_prefix: dict[str, list[str]] = defaultdict(list)
        for sku in self.names:
            self.sku_prefix[compact(sku)[:2]].append(sku)
        # Every name of a product: its name, its English name and aliases (products.csv).
        every_name: dict[str, list[str]] = defaultdict(list)
        for sku, name, _ in catalogue.products:
            every_name[sku].append(name)
        for sku, name in catalogue.other_names:
            every_name[sku].append(name)
        # Product name words -> products, weighted by rarity; a name also answers to the
        # generic words that mean the same in the other language (tools.lexicon).
        self._postings: dict[str, list[str]] = defaultdict(list)
        for sku, names in every_name.items():
            own = [w for name in names for w in WORD.findall(fold(name))]
            # A generic synonym never takes a word that says what a question is about
            # ("stock pot" does not make "stock" a product word); the company's own names may.
            synonyms = [w for w in _with_synonyms(own) if w not in reserved and len(w) > 2]
            sized = [t for i in range(len(own)) if (t := _size_token(own, i)) is not None]
            for word in dict.fromkeys(own + synonyms + sized):
                if word not in STOPWORDS:
                    self._postings[word].append(sku)
        # Words that follow a number in names ("28 cm", "3 tazze", "conf. 3" has none): a
        # number before one of them, or right after a name word, is part of a name; any
        # other number ("3 moka da 6 tazze") is a quantity.
        self.after_number: set[str] = set()
        # A number with the word after it ("3 tazze"): a size, which "conf. 3" is not.
        self._sizes: dict[str, set[str]] = defaultdict(set)
        for sku, names in every_name.items():
            for name in names:
                folded = WORD.findall(fold(name))
                for here, following in itertools.pairwise(folded):
                    if here.isdigit() and not following.isdigit():
                        self.after_number.update(
                            w for w in _with_synonyms([following]) if w not in reserved
                        )
                        for word in _with_synonyms([following]):
                            self._sizes[f"{here} {word}"].add(sku)
        total = max(1, len(catalogue.products))
        self.idf = {w: math.log(1 + total / len(p)) for w, p in self._postings.items()}
        # How much a name says, counted on the name itself: a product with many aliases
        # is not harder to name than one with none; the words of a plain version ("Moka
        # Classica") count for nothing, so "moka 6 tazze" names it rather than the others.
        self._weight = {
            sku: sum(
                self.idf[w] for w in dict.fromkeys(self.name_words(name)) if w not in lexicon.PLAIN
            )
            for sku, name, _ in catalogue.products
        }
        self.families: dict[str, str] = {}
        # A family named in several words ("PASTA FRESCA"): each word as the name says it or
        # as the other language does, in either order ("fresh pasta").
        self.family_phrases: list[tuple[tuple[frozenset[str], ...], str]] = []
        for family in sorted({f for _, _, f in catalogue.products}):
            self.families[fold(family)] = family
            for word in _family_words(fold(family)):
                self.families.setdefault(word, family)
            parts = WORD.findall(fold(family))
            if len(parts) > 1:
                for joiner in ("_", "-", ""):  # "PASTA_SECCA", "pasta-secca" as one word
                    self.families.setdefault(joiner.join(parts), family)
                said = tuple(frozenset(_with_synonyms([w])) for w in parts)
                self.family_phrases.append((said, family))
        self.family_phrases.sort(key=lambda phrase: -len(phrase[0]))  # the longest first
        # Every word for what a family is, singular too ("sauce" for SUGHI): a product of the
        # family is one, whatever its own name says ("bolognese sauce" is the Ragù).
        self.family_forms: dict[str, set[str]] = defaultdict(set)
        for family in {f for _, _, f in catalogue.products}:
            for every, _ in _GROUPS:
                if fold(family) in every:
                    for form in every:
                        self.family_forms[form].add(family)
        self.locations: dict[str, str] = {}
        for code, _, _ in catalogue.locations:
            self.locations[fold(code)] = code
            self.locations.setdefault(compact(code), code)
        location_words: dict[str, set[str]] = defaultdict(set)
        for code, name, _ in catalogue.locations:
            for word in WORD.findall(fold(name)):
                location_words[word].add(code)
        self.location_words = {
            w: next(iter(codes))
            for w, codes in location_words.items()
            if len(codes) == 1 and len(w) >= 4 and w not in reserved and w not in STOPWORDS
        }
        self.territory_codes = {code.upper(): code for code, _ in catalogue.territories}
        self.territory_names: dict[tuple[str, ...], str] = {}
        self.territory_words: dict[str, set[str]] = defaultdict(set)  # in either language
        for code, name in catalogue.territories:
            # "Nord-Ovest" as typed, and as the other language says it ("north-west").
            spellings = itertools.product(
                *(lexicon.place_words(w) for w in WORD.findall(fold(name)))
            )
            for spelling in itertools.islice(spellings, 64):
                words = tuple(w for part in spelling for w in part.split())
                for key in (words, ("".join(words),), ("-".join(words),)):
                    self.territory_names.setdefault(key, code)  # "nord-ovest" is one token
                self.territory_words[code].update(words)
        # Places' own names in the other language: "milan" is the Milano warehouse.
        for word, code in list(self.location_words.items()):
            for other in lexicon.place_words(word, names_only=True)[1:]:
                if " " not in other and other not in reserved:
                    self.location_words.setdefault(other, code)
        self._customers(catalogue)
        self.people = {person: name for person, name, _ in catalogue.people}
        self.roles = {person: role for person, _, role in catalogue.people}
        self.people_upper = {person.upper(): person for person in self.people}
        by_name: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for person, name, _ in catalogue.people:
            words = tuple(WORD.findall(fold(name)))
            by_name[words].add(person)
            by_name[words[-1:]].add(person)  # surname
            by_name[words[:1]].add(person)  # first name
            if len(words) > 2:
                by_name[words[1:]].add(person)  # "Lo Bianco", "De Angelis"
        # A number alone is never a person ("Venditore 5" is not who "promise 5 ..." names).
        self.person_names = {
            k: frozenset(v) for k, v in by_name.items() if not (len(k) == 1 and k[0].isdigit())
        }
        # Words of names of places, people and customers: never read as a typo of a keyword
        # ("Centro" is not "contro").
        self.name_words_known = frozenset(
            w
            for name in (
                *(n for _, n in catalogue.territories),
                *(n for _, n, _ in catalogue.locations),
                *(n for _, n, _ in catalogue.people),
                *(c for c, _ in catalogue.customers),
            )
            for w in WORD.findall(fold(name))
        )
        # Names are foreign words to half the users: "pans" is not a typo of "pane".
        self.typos = TypoIndex(
            (w for w in set(self._postings) | set(self.families) if not w.isdigit()), shortest=5
        )
        self.family_typos = TypoIndex(self.families, shortest=5)
        # Name words alone: a family word ("padelle") finds its singular ("padella") here.
        self.name_typos = TypoIndex((w for w in self._postings if not w.isdigit()), shortest=5)

    @staticmethod
    def name_words(name: str) -> list[str]:
        return [w for w in WORD.findall(fold(name)) if w not in STOPWORDS]

    # -- products ---------------------------------------------------------------------------

    def sku(self, word: str) -> str | None:
        """The SKU a typed code means ("mok-003", "MOK003"; "MOK-3" for MOK-003 when only one
        code pads to it), or None."""
        found = self.skus.get(word) or self.skus.get(compact(word))
        if found is not None or (short := SHORT_NUMBER.fullmatch(word)) is None:
            return found
        head, digits = short.groups()
        padded = {
            code
            for width in range(len(digits) + 1, 6)
            if (code := self.skus.get(head + digits.zfill(width))) is not None
        }
        return padded.pop() if len(padded) == 1 else None

    def looks_like_code(self, word: str) -> bool:
        return bool(CODE_LIKE.match(word)) and not word.replace(".", "").replace(",", "").isdigit()

    def similar_skus(self, word: str, limit: int = 3) -> list[str]:
        """Codes close to an unknown one, for "did you mean"."""
        key = compact(word)
        pool = self.sku_prefix.get(key[:2], [])
        scored = sorted((distance(key, compact(s)), s) for s in pool)
        return [s for d, s in scored[:limit] if d <= max(2, len(key) // 2)]

    def match_product(self, words: list[str], free: set[int]) -> ProductMatch | None:
        """The product(s) whose name the free words at these positions describe best."""
        hits: dict[str, float] = defaultdict(float)
        used: dict[str, set[int]] = defaultdict(set)
        exact: set[int] = set()  # positions of words as product names spell them
        named = False
        for i in sorted(free):
            typed = _size_token(words, i) or words[i]
            if typed in STOPWORDS or (typed in self.reserved and typed not in self._postings):
                continue
            if typed.startswith("size:") and typed not in self._postings:
                continue  # "sz XL" where nothing comes in XL: no other size's typo
            if i > 0 and words[i - 1] in INTENSIFIERS:
                continue  # "why is it so high?", "è così alta": said of it, not its name
            if i + 1 < len(words) and words[i + 1] == "up":
                continue  # "users set up", "stock up": a verb, not a knife set
            parts = WORD.findall(typed)
            if typed not in self._postings and len(parts) > 1:
                # "27.5" for "27,5", "10-50", "v-brake": the parts of a name, glued.
                if all(part in self._postings for part in parts):
                    named = named or any(not part.isdigit() for part in parts)
                    for part in dict.fromkeys(parts):
                        for sku in self._postings[part]:
                            hits[sku] += self.idf[part]
                            used[sku].add(i)
                continue
            word = typed if typed in self._postings else None
            if word is None and not typed.isdigit():
                word = self.name_typos.lookup(typed)
            if word is None:
                continue
            if word.isdigit() and not self._number_in_name(words, i):
                continue
            if not word.isdigit():
                named = True
            if word == typed:
                exact.add(i)
            sized = self._sizes.get(f"{word} {words[i + 1]}") if i + 1 < len(words) else None
            for sku in self._postings[word]:
                if sized and sku not in sized:
                    continue  # "3 tazze": not the pack of 3 of the 6-cup gasket
                if i not in used[sku]:
                    hits[sku] += self.idf[word]
                    used[sku].add(i)
        if not named:
            return None  # numbers alone ("28") do not name a product
        # A size no product has ("padella 26 cm" when the pans are 20, 24, 28 and 32 cm):
        # the words describe no product; the nearest are offered.
        unknown_sizes = {
            i
            for i in free
            if words[i].isdigit()
            and words[i] not in self._postings
            and i + 1 < len(words)
            and words[i + 1] in self.after_number
            and words[i + 1] in SIZE_UNITS  # "60 knife blocks" is a quantity
        }
        best = max(hits.values())
        sizes = False
        top = [s for s, v in hits.items() if v >= best - 1e-9]
        coverage = sorted(((hits[s] / self._weight[s], s) for s in top), reverse=True)
        if len(coverage) > 1 and coverage[0][0] - coverage[1][0] >= TIE:
            # Names apart only by their size or pack ("Sugo al pomodoro 280 g", "Sugo al
            # pomodoro latta 3 kg") are all meant when no size is said: "tomato sauce".
            asked = set(_with_synonyms([words[i] for i in free]))
            apart = [
                (share, sku)
                for share, sku in coverage
                if self._size_or_pack(set(self.name_words(self.names[sku])) - asked)
            ]
            sizes = len(apart) > 1 and apart[0] == coverage[0]
            coverage = apart if sizes else coverage[:1]
        chosen = tuple(s for _, s in coverage[:8])
        if not sizes and (family := self._most_of_a_family([s for _, s in coverage])):
            # "moka pot" (every moka, and the spare parts made for one), "pan" (the pans, and
            # two saucepans): the family the word names, whole.
            chosen = tuple(self.family_products(family))
        positions = frozenset(i for s in chosen for i in used[s])
        if unknown_sizes:
            with_units = unknown_sizes | {i + 1 for i in unknown_sizes}  # "26 cm"
            return ProductMatch(
                skus=chosen, words=positions | with_units, unmatched=frozenset(unknown_sizes)
            )
        if len(chosen) == 1:
            # Inside the words that named it or right beside them ("the red moka 6 cups"):
            # a product word further off may be about something else ("la valvola della
            # pentola a pressione", "the 32cm pan so high").
            described = used[chosen[0]]
            first, last = min(described), max(described)
            family = self.family_of.get(chosen[0])
            lacking = {
                i
                for i in exact - described
                if first - 1 <= i <= last + 1 and family not in self.family_forms.get(words[i], ())
            }
            # A product of another family is what the part is for ("gaskets for the classic
            # moka 6 cups", "valvola moka induzione"), not a rival; and the words must read
            # as one description, not a comparison ("… than the induction one").
            rivals = [
                s
                for s in hits
                if used[s] & lacking
                and self.family_of.get(s) == family
                and _compact(described | (used[s] & lacking))
            ]
            if rivals:  # the words describe no one product: the best, and the best of the rest
                closest = max(hits[rival] for rival in rivals)
                # Rivals that fit as well, each offered ("moka induzione da 4 tazze": the
                # induction mokas of 3 and of 6 cups alike), the most fitting first.
                tied = sorted(
                    (rival for rival in rivals if hits[rival] == closest),
                    key=lambda rival: (-hits[rival] / self._weight[rival], rival),
                )[:MAX_RIVALS]
                return ProductMatch(
                    skus=(chosen[0], *tied),
                    words=positions.union(*(used[rival] for rival in tied)),
                    unmatched=frozenset(
                        lacking.intersection(set().union(*(used[r] for r in tied)))
                    ),
                )
        return ProductMatch(skus=chosen, words=positions, sizes=sizes and len(chosen) > 1)

    @staticmethod
    def _size_or_pack(words: set[str]) -> bool:
        """Whether a name's `words` beyond those asked say only its size or pack."""
        return bool(words) and all(
            w.isdigit() or w in SIZE_UNITS or w in lexicon.PACKS for w in words
        )

    def size_word(self, letters: str) -> str | None:
        """The word that follows a number in the company's names which `letters` says or
        begins, when only one does ("v" for "12 velocità", "speed" for it in English); None
        otherwise."""
        if letters in self.after_number:
            return letters
        begun = {w for w in self.after_number if w.startswith(letters)}
        return next(iter(begun)) if len(begun) == 1 else None

    def split_sizes(self, toks: list[Token]) -> list[Token]:
        """A size typed glued or hyphenated ("12v", "12-speed") as the number and the word
        the company's names put after it ("12", "velocita"), when the letters say one."""
        out = []
        for tok in toks:
            glued = GLUED_SIZE.match(tok.text)
            word = self.size_word(glued.group(2)) if glued else None
            if glued is None or word is None:
                out.append(tok)
                continue
            cut = tok.start + glued.end(1)
            out.append(Token(glued.group(1), tok.raw[: glued.end(1)], tok.start, cut))
            letters = tok.raw[glued.start(2) :]
            out.append(Token(word, letters, tok.start + glued.start(2), tok.end))
        return out

    def is_name_word(self, word: str) -> bool:
        return word in self._postings

    def _number_in_name(self, words: list[str], i: int) -> bool:
        back = 2 if i > 1 and words[i - 1] in ("da", "di", "from", "of") else 1
        before = words[i - back] if i >= back else ""  # "padelle da 24"
        after = words[i + 1] if i + 1 < len(words) else ""
        named_before = before in self._postings or (
            before != "" and not before.isdigit() and self.name_typos.lookup(before) is not None
        )
        return (named_before and not before.isdigit()) or after in self.after_number

    def family(self, word: str) -> str | None:
        """The family a word names: its code ("padelle"), the code's plural in the other
        language ("pans"), or a typo of either; never a product word ("padella")."""
        if word in self.families:
            return self.families[word]
        if word in self._postings or word in STOPWORDS:
            return None  # "padella" is a product word, not a typo of the family PADELLE
        fixed = self.family_typos.lookup(word)  # "knifes" is "knives", not the word "knife"
        return self.families.get(fixed) if fixed else None

    def family_spans(self, words: list[str], free: set[int]) -> list[tuple[frozenset[int], str]]:
        """The families named in several words among the `free` positions of `words`
        ("pasta fresca", "fresh pasta", "PASTA_SECCA"), each with the positions naming it."""
        found: list[tuple[frozenset[int], str]] = []
        taken: set[int] = set()
        # Two families sharing their noun: "fresh and dry pasta", "pasta fresca e secca".
        for j, word in enumerate(words):
            if word not in ("and", "e", "ed", "&") or not 0 < j < len(words) - 1:
                continue
            for pairs, around in (
                (((j - 1, j + 2), (j + 1, j + 2)), range(j - 1, j + 3)),  # fresh and dry pasta
                (((j - 2, j - 1), (j - 2, j + 1)), range(j - 2, j + 2)),  # pasta fresca e secca
            ):
                at = frozenset(around)
                if min(at) < 0 or max(at) >= len(words) or not at <= free or at & taken:
                    continue
                named = [self._family_phrase([words[a], words[b]]) for a, b in pairs]
                if all(named) and named[0] != named[1]:
                    found += [(at, str(family)) for family in named]
                    taken |= at
        for said, family in self.family_phrases:
            size = len(said)
            for start in range(len(words) - size + 1):
                span = frozenset(range(start, start + size))
                if not span <= free or span & taken:
                    continue
                if _spells(said, [words[i] for i in sorted(span)]):
                    found.append((span, family))
                    taken |= span
        return found

    def _family_phrase(self, words: list[str]) -> str | None:
        """The family these words name in either order, as `family_spans` reads one."""
        return next((family for said, family in self.family_phrases if _spells(said, words)), None)

    def _most_of_a_family(self, skus: list[str]) -> str | None:
        """The family that most of `skus` are of, when they hold most of it: three quarters
        of its products or more, and at least half of `skus` (the rest, products of other
        families whose names say it: "filtro per moka", "casseruola" for "pan")."""
        if len(skus) < 3:
            return None
        counts: dict[str, int] = defaultdict(int)
        for sku in skus:
            if (family := self.family_of.get(sku)) is not None:
                counts[family] += 1
        family, count = max(counts.items(), key=lambda kv: kv[1], default=(None, 0))
        if family is None or 2 * count < len(skus):
            return None
        size = len(self.family_products(family))
        return family if size >= 3 and 4 * count >= 3 * size else None

    def family_of_all(self, skus: tuple[str, ...]) -> str | None:
        """The family `skus` are the whole of, or None."""
        families = {self.family_of.get(sku) for sku in skus}
        if len(families) != 1 or None in families:
            return None
        family = next(iter(families))
        return family if family and set(self.family_products(family)) == set(skus) else None

    def family_products(self, family: str) -> list[str]:
        return list(self._members.get(family, ()))

    # -- customers --------------------------------------------------------------------------

    def _customers(self, catalogue: Catalogue) -> None:
        """Customers by their name's words: the whole name, or its first words when only one
        customer starts that way ("maison de la moka" for Maison de la Moka SARL); single
        words shared by several customers ("bottega") name all of them."""
        self.customer_territory = dict(catalogue.customers)
        self.customer_exact = {fold(c): c for c in self.customer_territory}
        starts: dict[tuple[str, ...], set[str]] = defaultdict(set)
        words: dict[str, set[str]] = defaultdict(set)
        for customer, _ in catalogue.customers:
            folded = tuple(WORD.findall(fold(customer)))
            for size in range(1, len(folded) + 1):
                starts[folded[:size]].add(customer)
            for word in folded:
                # "Ltd" or "Srl" names no customer alone: "Kitchen Corner Ltd" is not Bottega
                # Italiana Ltd.
                if word not in STOPWORDS and word not in LEGAL_FORMS and len(word) > 2:
                    words[word].add(customer)
        self.customer_names = {
            k: next(iter(v)) for k, v in starts.items() if len(v) == 1 and len(k) > 1
        }
        self.customer_words = {k: frozenset(v) for k, v in words.items()}
        # "serenisima" for Serenissima: customers' own words, typed with a letter off.
        self.customer_typos = TypoIndex((w for w in words if len(w) >= 5), shortest=5)
        self.longest_customer = max((len(k) for k in self.customer_names), default=0)

    def customer(self, words: tuple[str, ...]) -> str | None:
        """The one customer these words (two or more, from the start of its name) name."""
        return self.customer_names.get(words)

    def customers_with(self, word: str) -> frozenset[str]:
        return self.customer_words.get(word, frozenset())

    # -- places and people ------------------------------------------------------------------

    def location(self, word: str) -> str | None:
        return self.locations.get(word) or self.location_words.get(word)

    def locations_of_kind(self, kind: str) -> list[str]:
        return [code for code, _, k in self.catalogue.locations if k == kind]

    def plants(self) -> list[str]:
        return [code for code, _, kind in self.catalogue.locations if kind == "plant"]

    def territory(self, words: tuple[str, ...]) -> str | None:
        return self.territory_names.get(words)

    def territories_with(self, words: tuple[str, ...]) -> list[str]:
        """Territories whose name holds every one of `words` ("nord": Nord-Ovest and
        Nord-Est; "west": Nord-Ovest), in the catalogue's order."""
        return [
            code
            for code, _ in self.catalogue.territories
            if words and set(words) <= self.territory_words.get(code, set())
        ]

    def label(self, code: str) -> str:
        """A product's or person's name (or a customer's territory), for a list of choices."""
        return (
            self.names.get(code) or self.people.get(code) or self.customer_territory.get(code, "")
        )

    def territory_name(self, code: str | None) -> str | None:
        return dict(self.catalogue.territories).get(code or "")

    def role_of(self, person: str) -> str | None:
        return self.roles.get(person)

    def people_named(self, words: tuple[str, ...]) -> frozenset[str]:
        return self.person_names.get(words, frozenset())


def _compact(positions: set[int]) -> bool:
    """Whether words at these positions are one phrase: at most two words between them
    ("moka rosse da 6 tazze")."""
    return max(positions) - min(positions) + 1 - len(positions) <= 2


def _with_synonyms(words: list[str]) -> list[str]:
    """`words` and the words of every lexicon group one of whose forms they contain. A longer
    form hides the shorter ones inside it: "moka pot" is a moka, not a pot."""
    matches = [
        (len(form), i, group)
        for i, word in enumerate(words)
        for form, group in _FORMS.get(word, ())
        if tuple(words[i : i + len(form)]) == form
    ]
    out = list(words)
    covered: set[int] = set()
    for size, i, group in sorted(matches, key=lambda m: -m[0]):
        span = set(range(i, i + size))
        if not span <= covered:
            covered |= span
            out.extend(w for other in group for w in other.split())
    return out


def _spells(said: tuple[frozenset[str], ...], words: list[str]) -> bool:
    """Whether `words`, in some order, say each word of a family's name (`said`: each
    word's forms in either language)."""
    return len(said) == len(words) and any(
        all(w in each for w, each in zip(order, said, strict=True))
        for order in itertools.permutations(words)
    )


def _family_words(code: str) -> list[str]:
    """The one-word plural forms of the lexicon group a family code belongs to ("padelle" ->
    pans; "frying pans" adds nothing "pans" does not)."""
    return [p for every, plurals in _GROUPS if code in every for p in plurals if " " not in p]


_GROUPS = [
    (tuple(fold(f) for f in every), tuple(fold(p) for p in plurals))
    for every, plurals in lexicon.groups()
]
# Every form as words with its group, by its first word.
_FORMS: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = defaultdict(list)
for _every, _ in _GROUPS:
    for _form in _every:
        _FORMS[_form.split()[0]].append((tuple(_form.split()), _every))
