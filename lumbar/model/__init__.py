"""The shape of every data file. Field descriptions become the JSON Schema and the field reference.

text: the building blocks (Text, Name, Id, Count); items: exercises, routines, conditions; lists: the shared lists.
"""

from lumbar.model.items import *  # noqa: F403
from lumbar.model.items import Condition, Exercise, Routine
from lumbar.model.lists import *  # noqa: F403
from lumbar.model.lists import (
    ContraindicationList,
    EquipmentList,
    GuidelineList,
    PatternList,
    PositionList,
    PublishedIds,
    Safety,
    SourceList,
)
from lumbar.model.text import *  # noqa: F403
from lumbar.model.text import _light_markdown  # noqa: F401 (the text check, used by lumbar/i18n)

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
OPTIONAL = {"published-ids.yaml"}
# The list a shared file holds is named after the file, save one: harmful-patterns.yaml holds `patterns`.
LIST_FIELD = {"harmful-patterns.yaml": "patterns"}


def list_field(file_name: str) -> str:
    """The field of a shared file that holds its entries: 'sources.yaml' -> 'sources'."""
    return LIST_FIELD.get(file_name, file_name.removesuffix(".yaml"))  # synthetic and test data sets publish nothing
