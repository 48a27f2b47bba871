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
    raw = read_limited(
        path, MAX_BYTES, "{name} is {size}, larger than any lesson ({limit} at most).", ConfigError
    )
    try:
        content = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ConfigError(f"{name} is not a lesson: it is not JSON text.") from None
    try:
        return lesson_from_dict(content, Path(path).stem)
    except ConfigError as exc:
        raise ConfigError(f"{name} is not a usable lesson: {exc}") from None


def lesson_from_dict(content, lesson_id: str) -> Lesson:
    """A :class:`Lesson` from a lesson file's JSON content, checked."""
    _require(isinstance(content, dict), "it is not a table of named fields")
    _require(content.get("format") == FORMAT, f"its format is not {FORMAT!r}")
    _require(content.get("version") == VERSION, f"it is version {content.get('version')!r}, "
             f"and this nnsim reads version {VERSION}")  # fmt: skip
    steps = content.get("steps")
    _require(isinstance(steps, list) and steps, "it has no steps")
    return Lesson(
        lesson_id,
        _texts(content.get("title"), "its title"),
        tuple(_step(step, k + 1) for k, step in enumerate(steps)),
        content,
    )


def lesson_in_exercise(saved) -> Lesson:
    """The lesson a project file's classroom carries (see ``lesson_to_dict`` in the model)."""
    _require(isinstance(saved, dict) and isinstance(saved.get("id"), str),
             "the exercise's lesson has no id")  # fmt: skip
    _require(len(saved["id"]) <= MAX_ID, "the exercise's lesson id is too long")
    return lesson_from_dict(saved.get("content"), saved["id"])


def progress_to_dict(progress: LessonProgress) -> dict:
    """A student's progress in a lesson, as a project file keeps it."""
    return {"lesson": progress.lesson, "step": progress.step,
            "predictions": [list(p) for p in progress.predictions]}  # fmt: skip


def progress_from_dict(saved) -> LessonProgress:
    """Read :func:`progress_to_dict`'s output, checked: ConfigError says what is wrong."""
    _require(isinstance(saved, dict), "the lesson progress is not a table of named fields")
    lesson, step, predictions = saved.get("lesson"), saved.get("step"), saved.get("predictions")
    _require(
        isinstance(lesson, str) and len(lesson) <= MAX_ID, "the lesson progress names no lesson"
    )
    _require(type(step) is int and 0 <= step <= MAX_STEPS, "the lesson progress has no step")
    _require(isinstance(predictions, list) and len(predictions) <= MAX_PREDICTIONS,
             "the lesson progress's predictions are not a list")  # fmt: skip
    kept = []
    for entry in predictions:
        _require(isinstance(entry, list) and len(entry) == 3 and type(entry[0]) is int
                 and all(_finite(v) for v in entry[1:]),
                 "a prediction is not [step, number, right number]")  # fmt: skip
        kept.append((entry[0], float(entry[1]), float(entry[2])))
    return LessonProgress(lesson, step, tuple(kept))


def _step(step, number: int) -> Step:
    where = f"step {number}"
    _require(isinstance(step, dict), f"{where} is not a table")
    kind = step.get("kind")
    _require(kind in KINDS, f"{where} has kind {kind!r}; a step is one of {', '.join(KINDS)}")
    check = step.get("check")
    answer = step.get("answer")
    _require(
        (check is not None) == (kind == "do"), f"{where}: a 'do' step, and only it, has a check"
    )
    _require((answer is not None) == (kind == "predict"),
             f"{where}: a 'predict' step, and only it, has an answer")  # fmt: skip
    options = {}
    for key in ("open", "point_at"):
        if step.get(key) is not None:
            _require(_is_name(step[key]), f"{where}: {key} is not a name")
            options[key] = step[key]
    return Step(
        kind,
        _texts(step.get("text"), f"{where}'s text"),
        check=None if check is None else _check(check, where),
        answer=None if answer is None else _answer(answer, where),
        tolerance=_number(step.get("tolerance", 0.0005), f"{where}'s tolerance"),
        why=_texts(step["why"], f"{where}'s why") if "why" in step else {},
        solution=tuple(_action(action, where) for action in step.get("solution", ())),
        **options,
    )


def _check(check, where: str) -> Check:
    _require(isinstance(check, dict), f"{where}: its check is not a table")
    _require(not (isinstance(check.get("quantity"), list) and check["quantity"][:1] == ["stuck"]),
             f"{where}: fresh starts are counted for a prediction, not in a check "
             "(a check is measured again at every change)")  # fmt: skip
    bounds = {key: _number(check[key], f"{where}'s {key}") for key in ("near", "below", "above")
              if key in check}  # fmt: skip
    _require(bounds, f"{where}: its check says neither near, below nor above")
    tolerance = _number(check.get("tolerance", 1e-9), f"{where}'s tolerance")
    return Check(_quantity(check.get("quantity"), where), tolerance=tolerance, **bounds)


def _answer(answer, where: str):
    if isinstance(answer, list):
        return _quantity(answer, where)
    return _number(answer, f"{where}'s answer")


def _quantity(value, where: str) -> Quantity:
    _require(isinstance(value, list) and value, f"{where}: a quantity is a list, its kind first")
    kind, *args = value
    _require(kind in QUANTITIES, f"{where}: {kind!r} is no quantity ({', '.join(QUANTITIES)})")
    _require(all(isinstance(a, str) or _finite(a) for a in args),
             f"{where}: a quantity's arguments are names or finite numbers")  # fmt: skip
    _require_arity(MEASURES[kind], args, f"{where}: the quantity {kind!r}")
    return Quantity(kind, tuple(args))


def _action(action, where: str) -> dict:
    _require(isinstance(action, dict) and len(action) == 1,
             f"{where}: each solution action is a table of one action")  # fmt: skip
    ((name, args),) = action.items()
    _require(name in ACTIONS, f"{where}: {name!r} is no action ({', '.join(ACTIONS)})")
    _require_arity(ACTIONS[name], arguments(args), f"{where}: the action {name!r}")
    if name in ACTION_LIMITS:  # (a lesson must not hold the window: Show Me runs in it)
        count, limit = args, ACTION_LIMITS[name]
        _require(type(count) is int and 1 <= count <= limit,
                 f"{where}: {name} takes a whole number from 1 to {limit:,}")  # fmt: skip
    _require(name != "open" or _is_name(args), f"{where}: an example to open is a name")
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
        wanted = list(inspect.signature(function).parameters)[1:]
        raise ConfigError(f"{what} takes {', '.join(wanted) or 'nothing'}, not {len(args)} "
                          "values.") from None  # fmt: skip


def _texts(texts, what: str) -> dict:
    _require(isinstance(texts, dict) and FALLBACK in texts, f"{what} has no English text")
    _require(all(isinstance(k, str) and isinstance(v, str) for k, v in texts.items()),
             f"{what} holds something other than text")  # fmt: skip
    return dict(texts)


def _number(value, what: str) -> float:
    _require(_finite(value), f"{what} is not a finite number")
    return float(value)


def _finite(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _require(condition, reason: str) -> None:
    if not condition:
        raise ConfigError(reason + ".")
