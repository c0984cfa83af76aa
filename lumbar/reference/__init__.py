"""The reference for contributors, generated from lumbar.model: JSON Schemas (schemas.py), the field reference in
CONTRIBUTING.md (fields.py) and new-file scaffolds (scaffold.py); commands.py holds `python -m lumbar schema|new`.

Modules import each other in one direction: walk <- schemas <- fields, scaffold <- commands.
"""
