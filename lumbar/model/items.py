"""Exercises, routines and conditions: one YAML file each. Field descriptions become the JSON Schema and
the field reference."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import Field, StrictBool

from lumbar.figures.model import Figures
from lumbar.model.text import Count, Id, Name, Strict, Text


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
    equipment: list[Id] = Field(default_factory=list, description="Ids from data/equipment.yaml: what you need.")
    optional_equipment: list[Id] = Field(
        default_factory=list,
        description="Ids from data/equipment.yaml that may help, or that only one routine or one moment asks for "
        "(shown as optional, never as 'You need').",
    )
    steps: list[Text] = Field(min_length=1, description="Numbered steps, one action each, imperative.")
    key_step: Annotated[int, Field(strict=True, ge=1)] = Field(
        description="The number of the step that is the movement itself (1 is the first step): the printed sheet "
        "always prints it, however little room the row has."
    )
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
    reps_text: Text | None = Field(None, description='Repetitions given only in words, e.g. "several times".')
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
    verdict: Text | None = Field(
        None,
        description="Required when items match what a condition recommending this routine says to avoid: opens the "
        "page and the sheet. Say how many items match, what the handbook advises while your back hurts, and to ask a "
        "physiotherapist before those items.",
    )


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
    what_you_can_do: list[Text] = Field(
        default_factory=list,
        description="What current guidelines say you can do (each line from a statement in data/guidelines.yaml); "
        "the page ends with it.",
    )
