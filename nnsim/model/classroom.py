"""Classroom mode: what a teacher fixes in an exercise, saved in its project file.

A :class:`Classroom` names settings students see but cannot change
(``frozen``) and settings they do not see (``hidden``), and can freeze the
network (the editor) and the data.  Whenever any of it is on, the random
seed is frozen too, so every student who opens the file starts from the same
weights (bit for bit on any machine: drawing them needs no BLAS) and gets the
same numbers: bit for bit on machines with the same NumPy build and CPU kernel,
and to about 1e-9 on others for a calm run (a chaotic one, at a far too high
learning rate, may end elsewhere; see tests/engine/test_across_kernels.py).
"""

from dataclasses import dataclass

from nnsim.errors import ConfigError
from nnsim.model.lessons import Lesson
from nnsim.model.settings import SPECS
from nnsim.text import QT_TRANSLATE_NOOP, translate

#: What a student is told when they try to change something the exercise fixes (shown as
#: ``translate("Classroom", FIXED)``).
FIXED = QT_TRANSLATE_NOOP(
    "Classroom", "This exercise fixes it (File > Classroom Settings shows what is fixed)."
)
#: The Data group's settings, frozen with the data.
DATA_SETTINGS = tuple(name for name, spec in SPECS.items() if spec.group == "Data")


@dataclass(frozen=True)
class Classroom:
    """What an exercise fixes, and the lesson it comes with (None: none).  The default
    fixes nothing."""

    frozen: frozenset[str] = frozenset()
    hidden: frozenset[str] = frozenset()
    network_frozen: bool = False
    data_frozen: bool = False
    lesson: Lesson | None = None

    @property
    def active(self) -> bool:
        return bool(self.frozen or self.hidden or self.network_frozen or self.data_frozen)

    def fixes(self, name: str) -> bool:
        """Whether the setting ``name`` cannot be changed (frozen, hidden, the seed, the data)."""
        if not self.active:
            return False
        return (
            name in self.frozen
            or name in self.hidden
            or name == "seed"
            or (self.data_frozen and name in DATA_SETTINGS)
        )

    def to_dict(self) -> dict:
        """The classroom as a project file holds it (a lesson only when there is one)."""
        saved = {
            "frozen": sorted(self.frozen),
            "hidden": sorted(self.hidden),
            "network_frozen": self.network_frozen,
            "data_frozen": self.data_frozen,
        }
        if self.lesson is not None:
            saved["lesson"] = lesson_to_dict(self.lesson)
        return saved

    @classmethod
    def from_dict(cls, data) -> "Classroom":
        """Read :meth:`to_dict`'s output, refusing unknown settings and wrong types (its
        lesson, if any, is read by :func:`nnsim.io.lessons.lesson_from_dict`)."""
        if not isinstance(data, dict):
            raise ConfigError(
                translate("Classroom", "the classroom settings are not a table of named fields.")
            )
        names = {}
        for key in ("frozen", "hidden"):
            value = data.get(key, [])
            if not isinstance(value, list) or not all(n in SPECS for n in value):
                raise ConfigError(
                    translate(
                        "Classroom", "the classroom's {key} settings are not names of settings."
                    ).format(key=key)
                )
            names[key] = frozenset(value)
        flags = {key: data.get(key, False) for key in ("network_frozen", "data_frozen")}
        if not all(isinstance(v, bool) for v in flags.values()):
            raise ConfigError(
                translate(
                    "Classroom", "the classroom's network and data locks are not true or false."
                )
            )
        return cls(names["frozen"], names["hidden"], **flags)


def lesson_to_dict(lesson: Lesson) -> dict:
    """How a project file carries an exercise's lesson: its id and its file's content."""
    return {"id": lesson.id, "content": lesson.content}
