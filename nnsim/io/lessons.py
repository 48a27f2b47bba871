"""Lesson files: ``resources/lessons/*.json``, read as data and checked before use.

A lesson file is UTF-8 JSON::

    {"format": "nnsim-lesson", "version": 1,
     "title": {"en": "..."},
     "steps": [
       {"kind": "read", "text": {"en": "..."}, "open": "km_to_miles", "point_at": "topologyView"},
       {"kind": "do", "text": {"en": "..."},
        "check": {"quantity": ["weight", "n4", "n2"], "near": 0.5, "tolerance": 1e-9},
        "solution": [{"set_number": [0.5, "n4", "n2"]}]},
       {"kind": "predict", "text": {"en": "..."}, "answer": ["output", 100],
        "tolerance": 0.001, "why": {"en": "..."}}]}

A quantity is a list: its kind (see :data:`nnsim.model.lessons.QUANTITIES`) and
its arguments; an answer is a number or a quantity.  Reading refuses, saying
what is wrong in one line, a file that is not a lesson, an unknown step,
quantity or action, a text with no English, or a number that is not finite.
"""

import inspect
import json
import math
import re
from pathlib import Path

from nnsim.errors import ConfigError
from nnsim.io.safe_read import display_name, read_limited
from nnsim.model.lesson_actions import arguments
from nnsim.model.lesson_quantities import MEASURES
from nnsim.model.lessons import (
    ACTIONS,
    FALLBACK,
    KINDS,
    QUANTITIES,
    Check,
    Lesson,
    LessonProgress,
    Quantity,
    Step,
)
from nnsim.resource_files import resource_path
from nnsim.text import translate

FORMAT = "nnsim-lesson"
VERSION = 1
#: A lesson is a page of text and a few numbers; a file far larger is not one.
MAX_BYTES = 1024 * 1024
LESSONS_FOLDER = "lessons"
#: Longest lesson id, most steps, most predictions kept a file may hold (far above any lesson).
MAX_ID, MAX_STEPS, MAX_PREDICTIONS = 200, 10_000, 10_000
#: The most epochs a step's "train", and samples its "step_sample", may ask for.
ACTION_LIMITS = {"train": 100_000, "step_sample": 10_000}


def lesson_paths() -> list[Path]:
    """The lessons nnsim comes with, in their order (the files' names sort so)."""
    return sorted(resource_path(LESSONS_FOLDER).glob("*.json"))


def load_lesson(path) -> Lesson:
    """Read and check a lesson file; ConfigError says what is wrong with it."""
    name = display_name(Path(path).name)
    too_large = translate("Lessons", "{name} is {size}, larger than any lesson ({limit} at most).")
    raw = read_limited(path, MAX_BYTES, too_large, ConfigError)
    try:
        content = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        message = translate("Lessons", "{name} is not a lesson: it is not JSON text.")
        raise ConfigError(message.format(name=name)) from None
    try:
        return lesson_from_dict(content, Path(path).stem)
    except ConfigError as exc:
        message = translate("Lessons", "{name} is not a usable lesson: {reason}")
        raise ConfigError(message.format(name=name, reason=exc)) from None


def lesson_from_dict(content, lesson_id: str) -> Lesson:
    """A :class:`Lesson` from a lesson file's JSON content, checked."""
    _require(isinstance(content, dict), translate("Lessons", "it is not a table of named fields"))
    _require(
        content.get("format") == FORMAT,
        translate("Lessons", "its format is not {format}").format(format=repr(FORMAT)),
    )
    version = translate(
        "Lessons", "it is version {version}, and this nnsim reads version {readable}"
    )
    _require(
        content.get("version") == VERSION,
        version.format(version=repr(content.get("version")), readable=VERSION),
    )
    steps = content.get("steps")
    _require(isinstance(steps, list) and steps, translate("Lessons", "it has no steps"))
    return Lesson(
        lesson_id,
        _texts(content.get("title"), translate("Lessons", "its title")),
        tuple(_step(step, k + 1) for k, step in enumerate(steps)),
        content,
    )


def lesson_in_exercise(saved) -> Lesson:
    """The lesson a project file's classroom carries (see ``lesson_to_dict`` in the model)."""
    _require(
        isinstance(saved, dict) and isinstance(saved.get("id"), str),
        translate("Lessons", "the exercise's lesson has no id"),
    )
    _require(
        len(saved["id"]) <= MAX_ID, translate("Lessons", "the exercise's lesson id is too long")
    )
    return lesson_from_dict(saved.get("content"), saved["id"])


def progress_to_dict(progress: LessonProgress) -> dict:
    """A student's progress in a lesson, as a project file keeps it."""
    return {"lesson": progress.lesson, "step": progress.step,
            "predictions": [list(p) for p in progress.predictions]}  # fmt: skip


def progress_from_dict(saved) -> LessonProgress:
    """Read :func:`progress_to_dict`'s output, checked: ConfigError says what is wrong."""
    _require(
        isinstance(saved, dict),
        translate("Lessons", "the lesson progress is not a table of named fields"),
    )
    lesson, step, predictions = saved.get("lesson"), saved.get("step"), saved.get("predictions")
    _require(
        isinstance(lesson, str) and len(lesson) <= MAX_ID,
        translate("Lessons", "the lesson progress names no lesson"),
    )
    _require(
        type(step) is int and 0 <= step <= MAX_STEPS,
        translate("Lessons", "the lesson progress has no step"),
    )
    _require(
        isinstance(predictions, list) and len(predictions) <= MAX_PREDICTIONS,
        translate("Lessons", "the lesson progress's predictions are not a list"),
    )
    kept = []
    for entry in predictions:
        _require(
            isinstance(entry, list)
            and len(entry) == 3
            and type(entry[0]) is int
            and all(_finite(v) for v in entry[1:]),
            translate("Lessons", "a prediction is not [step, number, right number]"),
        )
        kept.append((entry[0], float(entry[1]), float(entry[2])))
    return LessonProgress(lesson, step, tuple(kept))


def _step(step, number: int) -> Step:
    where = translate("Lessons", "step {number}").format(number=number)
    _require(
        isinstance(step, dict), translate("Lessons", "{where} is not a table").format(where=where)
    )
    kind = step.get("kind")
    _require(
        kind in KINDS,
        translate("Lessons", "{where} has kind {kind}; a step is one of {kinds}").format(
            where=where, kind=repr(kind), kinds=", ".join(KINDS)
        ),
    )
    check = step.get("check")
    answer = step.get("answer")
    _require(
        (check is not None) == (kind == "do"),
        translate("Lessons", "{where}: a 'do' step, and only it, has a check").format(where=where),
    )
    _require(
        (answer is not None) == (kind == "predict"),
        translate("Lessons", "{where}: a 'predict' step, and only it, has an answer").format(
            where=where
        ),
    )
    options = {}
    for key in ("open", "point_at"):
        if step.get(key) is not None:
            _require(
                _is_name(step[key]),
                translate("Lessons", "{where}: {key} is not a name").format(where=where, key=key),
            )
            options[key] = step[key]
    return Step(
        kind,
        _texts(step.get("text"), _part(where, "text")),
        check=None if check is None else _check(check, where),
        answer=None if answer is None else _answer(answer, where),
        tolerance=_number(step.get("tolerance", 0.0005), _part(where, "tolerance")),
        why=_texts(step["why"], _part(where, "why")) if "why" in step else {},
        solution=tuple(_action(action, where) for action in step.get("solution", ())),
        **options,
    )


def _part(where: str, key: str) -> str:
    """ "step 3's tolerance": a number of the step ``where``, by its key in the file."""
    return translate("Lessons", "{where}'s {key}").format(where=where, key=key)


def _check(check, where: str) -> Check:
    _require(
        isinstance(check, dict),
        translate("Lessons", "{where}: its check is not a table").format(where=where),
    )
    _require(
        not (isinstance(check.get("quantity"), list) and check["quantity"][:1] == ["stuck"]),
        translate(
            "Lessons",
            "{where}: fresh starts are counted for a prediction, not in a "
            "check (a check is measured again at every change)",
        ).format(where=where),
    )
    bounds = {
        key: _number(check[key], _part(where, key))
        for key in ("near", "below", "above")
        if key in check
    }
    _require(
        bounds,
        translate("Lessons", "{where}: its check says neither near, below nor above").format(
            where=where
        ),
    )
    tolerance = _number(check.get("tolerance", 1e-9), _part(where, "tolerance"))
    return Check(_quantity(check.get("quantity"), where), tolerance=tolerance, **bounds)


def _answer(answer, where: str):
    if isinstance(answer, list):
        return _quantity(answer, where)
    return _number(answer, _part(where, "answer"))


def _quantity(value, where: str) -> Quantity:
    _require(
        isinstance(value, list) and value,
        translate("Lessons", "{where}: a quantity is a list, its kind first").format(where=where),
    )
    kind, *args = value
    _require(
        kind in QUANTITIES,
        translate("Lessons", "{where}: {kind} is no quantity ({known})").format(
            where=where, kind=repr(kind), known=", ".join(QUANTITIES)
        ),
    )
    _require(
        all(isinstance(a, str) or _finite(a) for a in args),
        translate("Lessons", "{where}: a quantity's arguments are names or finite numbers").format(
            where=where
        ),
    )
    what = translate("Lessons", "{where}: the quantity {kind}").format(where=where, kind=repr(kind))
    _require_arity(MEASURES[kind], args, what)
    return Quantity(kind, tuple(args))


def _action(action, where: str) -> dict:
    _require(
        isinstance(action, dict) and len(action) == 1,
        translate("Lessons", "{where}: each solution action is a table of one action").format(
            where=where
        ),
    )
    ((name, args),) = action.items()
    _require(
        name in ACTIONS,
        translate("Lessons", "{where}: {name} is no action ({known})").format(
            where=where, name=repr(name), known=", ".join(ACTIONS)
        ),
    )
    what = translate("Lessons", "{where}: the action {name}").format(where=where, name=repr(name))
    _require_arity(ACTIONS[name], arguments(args), what)
    if name in ACTION_LIMITS:  # (a lesson must not hold the window: Show Me runs in it)
        count, limit = args, ACTION_LIMITS[name]
        _require(
            type(count) is int and 1 <= count <= limit,
            translate("Lessons", "{where}: {name} takes a whole number from 1 to {limit}").format(
                where=where, name=name, limit=f"{limit:,}"
            ),
        )
    _require(
        name != "open" or _is_name(args),
        translate("Lessons", "{where}: an example to open is a name").format(where=where),
    )
    return dict(action)


def _is_name(value) -> bool:
    """A plain name (an example's, a part of the window's): never a path to elsewhere."""
    return (
        isinstance(value, str) and re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]{0,63}", value) is not None
    )


def _require_arity(function, args, what: str) -> None:
    """Refuse arguments that ``function(first, *args)`` could not take: too few or too many."""
    try:
        inspect.signature(function).bind(None, *args)
    except TypeError:
        wanted = ", ".join(list(inspect.signature(function).parameters)[1:])
        message = translate("Lessons", "{what} takes {wanted}, not {count} values.")
        wanted = wanted or translate("Lessons", "nothing")
        raise ConfigError(message.format(what=what, wanted=wanted, count=len(args))) from None


def _texts(texts, what: str) -> dict:
    _require(
        isinstance(texts, dict) and FALLBACK in texts,
        translate("Lessons", "{what} has no English text").format(what=what),
    )
    _require(
        all(isinstance(k, str) and isinstance(v, str) for k, v in texts.items()),
        translate("Lessons", "{what} holds something other than text").format(what=what),
    )
    return dict(texts)


def _number(value, what: str) -> float:
    _require(
        _finite(value), translate("Lessons", "{what} is not a finite number").format(what=what)
    )
    return float(value)


def _finite(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _require(condition, reason: str) -> None:
    """Refuse the lesson unless ``condition`` holds: ``reason`` (translated) says why."""
    if not condition:
        raise ConfigError(translate("Lessons", "{reason}.").format(reason=reason))
