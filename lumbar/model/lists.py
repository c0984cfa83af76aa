"""The shared lists: one file each under data/, entries with an id."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import Field, StrictBool, StringConstraints

from lumbar.model.text import Id, Name, Strict, Text


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
    ask_first: StrictBool = Field(
        False,
        description="true for a rule that means 'see a doctor first if...', shown under its own heading, not under "
        "'Do not do this routine'.",
    )
    sheet: Name | None = Field(
        None,
        description="The rule and what to do instead, in one short line for the printed sheet, where the title alone "
        "does not say it; without it the sheet prints the title.",
    )


class ContraindicationList(Strict):
    contraindications: list[Contraindication]


class Rule(Entry):
    sources: list[Id] = Field(min_length=1)
    routines: list[Id] = Field(
        default_factory=list,
        description="Routines this applies to (data/routines/); leave out when it applies to every routine.",
    )
    conditions: list[Id] = Field(
        default_factory=list,
        description="Readers it is for (data/conditions/, e.g. pregnancy): shown on that condition's page and on every "
        "routine it recommends, and nowhere else; leave out when it applies to everyone.",
    )
    urgency: Literal["emergency", "now", "same-day"] | None = Field(
        None,
        description="For a stop sign that needs a call: emergency (the emergency number), now (at once, day or night, "
        "e.g. the maternity unit), or same-day (that day).",
    )
    replaces: list[Id] = Field(
        default_factory=list,
        description="General stop signs (ids) this one replaces for the readers it is for, e.g. a pregnancy sign "
        "that must not be read as 'ease off and rest'.",
    )
    ease_off: StrictBool = Field(
        False,
        description="true for a sign whose action is to reduce the load or stop for a while; the sheet lists it "
        "under 'Ease off or stop for a while', every other sign under 'Stop'.",
    )
    sheet: Name | None = Field(
        None,
        description="The sign and what to do, in one short line for the printed sheet (a sign for one routine, whose "
        "action is not just 'stop'); without it the sheet prints the title.",
    )


class Safety(Strict):
    rules: list[Rule] = Field(description="General rules for every routine.")
    stop_signs: list[Rule] = Field(description="Stop the exercise and reduce the load or rest.")
    red_flags: list[Rule] = Field(description="Symptoms that need urgent medical care.")
    emergency_line: Text = Field(
        description="The emergency signs in one short line, printed at the foot of every sheet's safety lines."
    )


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
    pregnancy_positions: list[Id] = Field(
        default_factory=list,
        description="Start positions (data/positions.yaml) it gives pregnancy guidance on: an exercise in one of them "
        "in a routine for pregnancy needs an editorial note on the item that cites this statement.",
    )
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
