"""Small pieces the `figures:` model is made of: plain text, strict models, known keys and close-name hints."""

from __future__ import annotations

import difflib
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict
from pydantic_core import PydanticCustomError

_TAG = re.compile(r"[<>]|&#|&[a-zA-Z]+;")


def suggest(word: str, choices) -> str:
    """ "did you mean 'x'?" or the list of choices."""
    choices = list(choices)
    close = difflib.get_close_matches(str(word), choices, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    return "use one of: " + ", ".join(choices)


def _plain(value: str) -> str:
    value = " ".join(value.split())
    if not value:
        raise PydanticCustomError("empty_text", "is empty: write some text or remove the field")
    if _TAG.search(value):
        raise PydanticCustomError("html_text", "contains HTML: write plain text")
    return value


Plain = Annotated[str, AfterValidator(_plain)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, str_strip_whitespace=True)


def _check_keys(data: Any, allowed: dict[str, Any], what: str) -> Any:
    if isinstance(data, dict):
        for key in data:
            if key not in allowed:
                raise PydanticCustomError(
                    "unknown_name",
                    "unknown {what} '{key}': {hint}",
                    {"what": what, "key": str(key), "hint": suggest(key, allowed)},
                )
    return data
