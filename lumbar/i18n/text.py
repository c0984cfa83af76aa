"""Which fields of the data are text a reader reads (and a translator translates), found from the model.

A field is text when its type is the model's Text or Name (light Markdown), or a list of them; a list of
models keeps its entries (same number, same order), each with only its text. Ids, numbers, flags and
positions are never text: they stay in the English file and are never translated.
"""

from __future__ import annotations

import functools
import hashlib
import json
import typing

from pydantic import BaseModel

from lumbar import model
from lumbar.figures import fields as figure_fields

# Lists a translator may make longer or shorter: the names people type are not a translation of the English ones.
FREE_LISTS = {"other_names", "synonyms", "misspellings"}


def _text_check(metadata) -> bool:
    return any(getattr(m, "func", None) in (model._light_markdown, figure_fields._plain) for m in metadata)


def _is_text(annotation) -> bool:
    if typing.get_origin(annotation) is typing.Union:
        return any(_is_text(a) for a in typing.get_args(annotation) if a is not type(None))
    return typing.get_origin(annotation) is typing.Annotated and _text_check(annotation.__metadata__)


def _models(annotation) -> list[type[BaseModel]]:
    args = typing.get_args(annotation) or (annotation,)
    return [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]


@functools.cache  # the model does not change while the program runs
def shape(cls: type[BaseModel]) -> dict:
    """{field: "text" | "texts" | ("models", shape)} for the text fields of cls (recursively)."""
    out: dict = {}
    for name, info in cls.model_fields.items():
        ann = info.annotation
        if typing.get_origin(ann) is typing.Union:
            inner = [a for a in typing.get_args(ann) if a is not type(None)]
            ann = inner[0] if len(inner) == 1 else ann
        if _is_text(ann) or _text_check(info.metadata):
            out[name] = "text"
        elif typing.get_origin(ann) is list:
            (item,) = typing.get_args(ann)
            if _is_text(item):
                out[name] = "texts"
            elif _models(item) and shape(_models(item)[0]):
                out[name] = ("models", shape(_models(item)[0]))
        elif _models(ann) and shape(_models(ann)[0]):
            out[name] = ("model", shape(_models(ann)[0]))
    return out


def extract(value, fields: dict):
    """The text of `value` (a plain dict read from YAML), in the shape `fields` gives."""
    out: dict = {}
    for name, kind in fields.items():
        if name not in value or value[name] is None:
            continue
        got = value[name]
        if kind in ("text", "texts"):
            out[name] = got
        elif kind[0] == "models":
            out[name] = [extract(entry, kind[1]) for entry in got]
        else:
            out[name] = extract(got, kind[1])
    return out


def fingerprint(text: dict) -> str:
    """A short hash of the English text a translation was made from: when it changes, the translation is stale."""
    raw = json.dumps(text, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:12]
