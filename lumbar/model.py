"""The shape of every data file. Field descriptions become the JSON Schema and the field reference."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PlainValidator, StrictBool, StringConstraints

from lumbar.figures.model import Figures

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

_HTML = re.compile(r"<\s*[a-zA-Z!/?]|&#|&[a-zA-Z]+;")
_BAD_URL = re.compile(r"\b(javascript|vbscript|data|file)\s*:", re.IGNORECASE)
_ATTRS = re.compile(r"\{\s*[:.#]|\{[^}]*=")


def _light_markdown(value: str) -> str:
    """Plain text or light Markdown; no HTML, script links or attribute lists."""
    value = value.strip()
    if not value:
        raise ValueError("is empty: write some text or remove the field")
    if _HTML.search(value):
        raise ValueError(
            "contains raw HTML, which is not allowed in data: write plain text, "
            "and use Markdown (**bold**, [a link](https://...)) for emphasis and links"
        )
    if _BAD_URL.search(value):
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


class Note(Strict):
    """An editorial note shown to the reader: where the source conflicts with itself or looks wrong."""

    kind: Literal["conflict", "oddity", "translation", "clarification", "guideline"] = Field(
        description="conflict: the source contradicts itself; oddity: a figure looks wrong; "
        "translation: a word of the source is ambiguous; clarification: our own addition; "
        "guideline: where the source departs from a current clinical guideline (give guideline:)."
    )
    text: Text = Field(description="What the reader should know, in plain English.")
    pattern: Id | None = Field(None, description="The harmful movement pattern this note answers, if any.")
    guideline: Id | None = Field(
        None, description="For kind guideline: the statement id from data/guidelines.yaml it cites."
    )
    sheet: Name | None = Field(
        None,
        description="The note in one short line for the printed sheet. Conflicts, oddities and notes on a harmful pattern "
        "print (in full when this is left out); give it to print a note of another kind too.",
    )

    @property
    def caveat(self) -> bool:
        """A caveat on the dosage or the safety of the movement: the printed sheet carries it."""
        return self.kind in ("conflict", "oddity") or self.pattern is not None or self.sheet is not None


class Item(Strict):
    """What every exercise, routine and condition has."""

    title: Name = Field(description="The name shown as the page title.")
    summary: Text = Field(description="One or two sentences: what it is and what it is for.")
    sources: list[Id] = Field(min_length=1, description="Ids from data/sources.yaml this item is based on.")
    reviewed: date = Field(description="When a reviewer last checked this item against its sources (YYYY-MM-DD).")
    notes: list[Note] = Field(default_factory=list, description="Editorial notes shown on the page.")


class Exercise(Item):
    """One movement, written once, however many routines use it."""

    other_names: list[Name] = Field(default_factory=list, description="Other names people know it by.")
    position: Id = Field(description="Start position: an id from data/positions.yaml.")
    start: Text = Field(description="How to set up before the first step.")
    equipment: list[Id] = Field(default_factory=list, description="Ids from data/equipment.yaml.")
    steps: list[Text] = Field(min_length=1, description="Numbered steps, one action each, imperative.")
    breathing: Text | None = Field(None, description="When to breathe in and out.")
    feel: Text | None = Field(None, description="What the reader should feel when it is done right.")
    cautions: list[Text] = Field(default_factory=list, description="What to avoid or take care with.")
    patterns: list[Id] = Field(
        default_factory=list,
        description="Harmful movement patterns this exercise matches (data/harmful-patterns.yaml).",
    )
    sides: StrictBool = Field(False, description="true when it is done on one side and then the other.")
    relaxation: StrictBool = Field(
        False,
        description="true for a rest or relaxation position, which may be held longer than an effort (over 60 s).",
    )
    figures: Figures | None = Field(
        None, description="Start and end poses for the drawings (see the figure reference)."
    )
    easier: list[Id] = Field(
        default_factory=list,
        description="Easier variants (exercise ids): the handbook's own editorial choice, not the article's.",
    )
    harder: list[Id] = Field(
        default_factory=list, description="Harder variants (exercise ids); each pair is stated from both ends."
    )
    aliases: list[Id] = Field(
        default_factory=list,
        description="Old ids of this exercise (renamed or merged): old links and QR codes keep working.",
    )


class Dose(Strict):
    """How much of an exercise, in one routine. Keep the source's figures, even odd ones."""

    reps: Count | None = Field(None, description="Repetitions.")
    sets: Count | None = Field(None, description="Sets (blocks).")
    hold_seconds: Count | None = Field(None, description="How long to hold, in seconds.")
    hold: Text | None = Field(None, description='A hold given only in words, e.g. "a couple of minutes".')
    rest_seconds: Count | None = Field(None, description="Rest between sets, in seconds.")
    rest: Text | None = Field(None, description='A rest given only in words, e.g. "a short rest".')
    per_side: StrictBool = Field(False, description="true when the figures are for each side.")
    source_wording: Text | None = Field(None, description="The source's own dosage line, when it is ambiguous.")


class RoutineItem(Dose):
    exercise: Id = Field(description="An id from data/exercises/.")
    source_item: Annotated[int, Field(strict=True, ge=1)] = Field(
        description="Its number within its article section (the routine's own section in `sources`), counting from 1."
    )
    notes: list[Text] = Field(default_factory=list, description="Notes for this exercise in this routine.")
    editorial: list[Note] = Field(
        default_factory=list, description="Editorial notes for this exercise in this routine."
    )


class Routine(Item):
    """A sequence of exercises, each with its dosage in this routine."""

    for_whom: Text = Field(description="Who this routine is for.")
    advice: list[Text] = Field(default_factory=list, description="The source's advice for the whole routine.")
    items: list[RoutineItem] = Field(min_length=1, description="The exercises, in order.")
    repeat: Text | None = Field(None, description='How the whole routine may be repeated, e.g. "up to twice in a row".')
    contraindications: list[Id] = Field(
        default_factory=list, description="Ids from data/contraindications.yaml: when not to do this routine."
    )
    cautions: list[Text] = Field(default_factory=list, description="Warnings for this routine.")
    stop_rules: list[Text] = Field(default_factory=list, description="When to stop, beyond the general rules.")


class ConditionExercise(Strict):
    exercise: Id = Field(description="An id from data/exercises/.")
    why: Text = Field(description="Why to avoid it or take care.")


class Condition(Item):
    """A back problem, or a goal, that people come to the handbook with."""

    kind: Literal["condition", "goal"] = Field("condition", description="condition, or goal (such as flexibility).")
    synonyms: list[Name] = Field(min_length=1, description="Lay and clinical names, abbreviations: what people type.")
    misspellings: list[Name] = Field(default_factory=list, description="Common misspellings, used by search only.")
    routines: list[Id] = Field(default_factory=list, description="Ids from data/routines/ suited to it.")
    avoid: list[ConditionExercise] = Field(default_factory=list, description="Exercises to avoid with it.")
    caution: list[ConditionExercise] = Field(default_factory=list, description="Exercises to take care with.")
    avoid_patterns: list[Id] = Field(default_factory=list, description="Harmful movement patterns to avoid with it.")
    warnings: list[Text] = Field(default_factory=list, description="The source's warnings for it.")
    see_a_doctor: list[Text] = Field(default_factory=list, description="When to see a doctor first.")


# Shared lists: one file each under data/, entries with an id.


class Entry(Strict):
    id: Id = Field(description="A unique id: lowercase words joined by hyphens. Other files refer to it.")
    title: Name = Field(description="The name shown to the reader.")
    text: Text | None = Field(None, description="A sentence or two shown under the title.")


class Source(Entry):
    kind: Literal["article-section", "external"] = Field(
        description="article-section, or external (another publisher)."
    )
    publisher: Name | None = Field(None, description="Who publishes an external source.")
    url: Annotated[str, StringConstraints(pattern=r"^https://")] | None = Field(
        None, description="Its https:// address."
    )
    section: Name | None = Field(None, description="The heading of the article section.")
    line: int | None = Field(None, description="Line of the section in shared/source.")
    markers: list[int] = Field(default_factory=list, description="The article's citation marker numbers here.")
    accessed: date | None = Field(None, description="When an external source was last read (YYYY-MM-DD).")


class Article(Strict):
    title: Name = Field(description="The article's title.")
    publisher: Name = Field(description="Who publishes it.")
    language: Name = Field(description="Which language or translation was used.")
    reviewed: date = Field(description="When the publisher last reviewed the article medically.")
    file: str = Field(description="Where the article's text is kept.")
    note: Text | None = Field(None, description="What a reader of the article should know.")


class SourceList(Strict):
    article: Article = Field(description="The article the handbook is built from.")
    sources: list[Source]


class Pattern(Entry):
    sources: list[Id] = Field(min_length=1)


class PatternList(Strict):
    patterns: list[Pattern]


class Contraindication(Entry):
    sources: list[Id] = Field(min_length=1)


class ContraindicationList(Strict):
    contraindications: list[Contraindication]


class Rule(Entry):
    sources: list[Id] = Field(min_length=1)
    routines: list[Id] = Field(
        default_factory=list,
        description="Routines this applies to (data/routines/); leave out when it applies to every routine.",
    )


class Safety(Strict):
    rules: list[Rule] = Field(description="General rules for every routine.")
    stop_signs: list[Rule] = Field(description="Stop the exercise and reduce the load or rest.")
    red_flags: list[Rule] = Field(description="Symptoms that need urgent medical care.")


HttpsUrl = Annotated[str, StringConstraints(pattern=r"^https://[^\s<>\"']+$")]


class Guideline(Strict):
    """A current clinical guideline, or a series or pathway, set beside the article."""

    id: Id = Field(description="A unique id: lowercase words joined by hyphens. Statements refer to it.")
    title: Text = Field(description="Its title, as its publisher gives it.")
    publisher: Name = Field(description="Who publishes it.")
    year: int = Field(ge=1990, le=2100, description="The year it was published.")
    url: HttpsUrl = Field(description="Its https:// address.")
    checked: date = Field(description="When we read it (YYYY-MM-DD).")
    citation: Text | None = Field(None, description="Authors and journal, where it is a paper.")


class Statement(Strict):
    """One short statement from a guideline, in our own plain words, faithful to its text."""

    id: Id = Field(description="A unique id. Editorial notes of kind guideline cite it.")
    guideline: Id = Field(description="The guideline it comes from: an id from guidelines above.")
    where: Name = Field(description="Its recommendation number or section in the guideline.")
    text: Text = Field(description="What it says, in plain words.")
    read_at: HttpsUrl = Field(description="The https:// address of the copy we read it in.")
    conditions: list[Id] = Field(default_factory=list, description="Conditions it applies to (data/conditions/).")
    routines: list[Id] = Field(default_factory=list, description="Routines it applies to (data/routines/).")
    departure: Text | None = Field(
        None, description="Where the article departs from it; an editorial note must say so."
    )


class GuidelineList(Strict):
    guidelines: list[Guideline] = Field(min_length=1, description="The guidelines, each read on the date given.")
    statements: list[Statement] = Field(
        min_length=1, description="Short statements from them; each condition and its routines get two to four."
    )


class EquipmentList(Strict):
    equipment: list[Entry]


class PositionList(Strict):
    positions: list[Entry]


class PublishedIds(Strict):
    """Every id ever published: none may disappear unless it lives on as an alias (old links keep working)."""

    exercises: list[Id] = Field(description="Exercise ids: a current exercise, or an alias of one.")
    routines: list[Id] = Field(description="Routine ids.")
    conditions: list[Id] = Field(description="Condition ids.")


KINDS = {"exercises": Exercise, "routines": Routine, "conditions": Condition}
SHARED = {
    "sources.yaml": SourceList,
    "harmful-patterns.yaml": PatternList,
    "contraindications.yaml": ContraindicationList,
    "safety.yaml": Safety,
    "equipment.yaml": EquipmentList,
    "positions.yaml": PositionList,
    "guidelines.yaml": GuidelineList,
    "published-ids.yaml": PublishedIds,
}
OPTIONAL = {"published-ids.yaml"}  # synthetic and test data sets publish nothing
