"""The model's building blocks: text (plain or light Markdown, never HTML), names, ids, counts."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PlainValidator, StringConstraints

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

_HTML = re.compile(r"<\s*[a-zA-Z!/?]|&#|&[a-zA-Z]+;")
_BAD_URL = re.compile(r"\b(javascript|vbscript|data|file)\s*:", re.IGNORECASE)
_ATTRS = re.compile(r"\{\s*[:.#]|\{[^}]*=")
# The longest text in the data is about 550 characters; a page, a sheet row and the search index stay readable
# (and the build fast) only if no field is many times longer.
MAX_TEXT = 2000


def _light_markdown(value: str) -> str:
    """Plain text or light Markdown; no HTML, script links or attribute lists."""
    value = value.strip()
    if not value:
        raise ValueError("is empty: write some text or remove the field")
    if len(value) > MAX_TEXT:
        raise ValueError(
            f"is {len(value):,} characters long; a text field holds at most {MAX_TEXT:,}: shorten it, "
            "or split it into several steps, notes or cautions"
        )
    if _HTML.search(value):
        raise ValueError(
            "contains raw HTML, which is not allowed in data: write plain text, "
            "and use Markdown (**bold**, [a link](https://...)) for emphasis and links"
        )
    # A browser drops tabs and line breaks inside an address ("java<TAB>script:" is "javascript:").
    if _BAD_URL.search(re.sub(r"[\t\n\r]", "", value)):
        raise ValueError("contains a script or data link: only http(s) and site links are allowed")
    if _ATTRS.search(value.replace("{{", "").replace("}}", "")):
        raise ValueError("contains a '{...}' attribute list: remove the curly braces")
    return value


Text = Annotated[str, AfterValidator(_light_markdown)]
Name = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120), AfterValidator(_light_markdown)
]
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
_COUNT = re.compile(r"(up to )?\d+(-\d+)?")


def _count(value: object) -> int | str:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    if isinstance(value, str) and _COUNT.fullmatch(value.strip()):
        return value.strip()
    raise ValueError(f"is '{value}', not a count: write a whole number, a range like 10-30, or 'up to 20'")


Count = Annotated[
    int | str,
    PlainValidator(
        _count,
        json_schema_input_type=(
            Annotated[int, Field(ge=0)] | Annotated[str, StringConstraints(pattern=r"^(up to )?\d+(-\d+)?$")]
        ),
    ),
    Field(description='A whole number, a range such as "10-30", or "up to 20".'),
]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)
