"""The page functions of the handbook: what a hand-written page (docs/*.md) may call, e.g. {{ red_flags() }}.

mkdocs.yml declares this file as the `macros` plugin (mkdocs-macros-plugin; Zensical runs the same define_env):
it renders every hand-written page that calls a page function (the stage marks them `render_macros: true`; the
generated pages are never rendered as templates), in Jinja's sandbox (lumbar/content/sandbox.py), after the stage
has refused any other template code (lumbar/content/template_check.py). Each function is a thin call into
lumbar/content/.

To add one: write its work in lumbar/content/page_functions.py, register it here with a docstring whose last
line is an example, and run `python -m lumbar schema` (the list in CONTRIBUTING.md is made from this file).
"""

from __future__ import annotations

from lumbar.content import page_functions as f
from lumbar.content.variant import Context


def define_env(env) -> None:
    """env: mkdocs-macros' plugin or Zensical's stand-in; the build variant is in its config (extra.variant)."""
    ctx = Context(env)
    env.variables.update(ctx.values())

    @env.macro
    def red_flags():
        """The red flags: the signs to get care at once, and where (the same list as on every sheet).
        Example: {{ red_flags() }}"""
        return ctx.build.fragment(ctx.links, "red-flags.html")

    @env.macro
    def stop_signs():
        """When to stop an exercise and what to do next.
        Example: {{ stop_signs() }}"""
        return ctx.build.fragment(ctx.links, "stop-signs.html")

    @env.macro
    def safety_rules():
        """The general safety rules of every routine.
        Example: {{ safety_rules() }}"""
        return ctx.build.fragment(ctx.links, "safety-rules.html")

    @env.macro
    def harmful_movements():
        """The movement patterns to avoid, each with the exercises it rules out.
        Example: {{ harmful_movements() }}"""
        return ctx.build.fragment(ctx.links, "harmful-movements.html")

    @env.macro
    def contraindications(*ids):
        """Contraindications by id (data/contraindications.yaml), or all of them when no id is given.
        Example: {{ contraindications("recent-spinal-injury") }}"""
        return f.contraindications(ctx.build, ctx.links, ids)

    @env.macro
    def exercise_card(exercise_id):
        """One exercise as a card: its title, linked to its page, and its summary.
        Example: {{ exercise_card("cat") }}"""
        return f.exercise_card(ctx.build, ctx.links, exercise_id)

    @env.macro
    def routine_table(routine_id):
        """One routine's exercises and doses as a table.
        Example: {{ routine_table("back-pain") }}"""
        return f.routine_table(ctx.build, ctx.links, routine_id)

    @env.macro
    def callout(kind, title, text):
        """A call-out box: kind is an admonition type (note, tip, warning, danger); text may use Markdown.
        Example: {{ callout("warning", "Before you start", "Ask your clinician first if you are pregnant.") }}"""
        return ctx.build.fragment(ctx.links, "callout.html", kind=kind, title=title, text=text)

    @env.macro
    def condition_table():
        """Every condition with the exercises suggested and the ones to avoid.
        Example: {{ condition_table() }}"""
        return ctx.build.fragment(ctx.links, "condition-table.html")

    @env.macro
    def find_by_condition():
        """The filter that lists the exercises and routines for the conditions a reader ticks.
        Example: {{ find_by_condition() }}"""
        return ctx.build.fragment(ctx.links, "find.html")

    @env.macro
    def guidelines():
        """The clinical guidelines the handbook follows, with what each recommends.
        Example: {{ guidelines() }}"""
        return ctx.build.fragment(ctx.links, "guidelines-list.html")

    @env.macro
    def counts():
        """How many exercises, routines, conditions and routine items the handbook has.
        Example: {{ counts().exercises }}"""
        return f.counts(ctx.build)

    @env.macro
    def routine_builder():
        """The routine builder (its "Start this routine" button when the guided session is built).
        Example: {{ routine_builder() }}"""
        return f.routine_builder(ctx.build, ctx.links)

    @env.macro
    def figure_gallery():
        """The first page of the gallery of drawings (the stage writes the others).
        Example: {{ figure_gallery() }}"""
        return f.figure_gallery(ctx.build, ctx.links)

    @env.macro
    def languages_table():
        """How far each language has got: files and pages translated, review, out of date.
        Example: {{ languages_table() }}"""
        return f.languages_table(ctx.build, ctx.links)

    @env.macro
    def session_data():
        """The data of the guided session's player (in the page for the offline copy, fetched online).
        Example: {{ session_data() }}"""
        return f.session_data(ctx.build, ctx.links)

    @env.macro
    def site_link(path):
        """The address of a file of the site from this page, e.g. the open data.
        Example: {{ site_link("api/handbook.json") }}"""
        return f.site_link(ctx.build, ctx.links, path)

    @env.macro
    def offline_zip():
        """The address of this language's offline copy (a zip).
        Example: {{ offline_zip() }}"""
        return f.offline_zip(ctx.build, ctx.links)

    @env.macro
    def offline_folder():
        """The folder this language's offline zip unpacks to.
        Example: {{ offline_folder() }}"""
        return f.offline_folder(ctx.build)

    @env.macro
    def condition_item(condition_id, label):
        """A list line linking to a condition by a name of your choice (the home page's first row); nothing when
        this handbook has no such condition, so a fork with other conditions builds.
        Example: {{ condition_item("low-back-pain", "Lower back pain") }}"""
        return f.condition_item(ctx.build, condition_id, label)

    @env.macro
    def diary_routines():
        """The routines' titles for the diary's quick entry (a data block the diary's script reads).
        Example: {{ diary_routines() }}"""
        return f.diary_routines(ctx.build, ctx.links)
