"""Problems found in framework files, reported in one consistent shape."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong (or, as a warning, doubtful) in a framework file.

    Rendered as ``file:line: key.path: expected ..., but received ...`` so an
    editor or CI log links straight to the place.
    """

    file: str
    line: int
    path: str
    message: str
    warning: bool = False

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        prefix = "warning: " if self.warning else ""
        return f"{where}: {prefix}{self.path + ': ' if self.path else ''}{self.message}"


class FrameworkError(Exception):
    """Raised when a framework cannot be loaded; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.path, p.message))
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the framework:"
        super().__init__("\n".join([head, *map(str, self.problems)]))


def path_to_str(path: tuple) -> str:
    """('criteria', 2, 'levels') -> 'criteria[2].levels' (mkdocs' naming)."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def did_you_mean(value, candidates) -> str:
    """A hint naming the closest of ``candidates`` (in the order given) to ``value``, or ''."""
    import difflib  # only a message needs it: not imported by every build

    guess = difflib.get_close_matches(str(value), list(candidates), n=1)
    return f" (did you mean '{guess[0]}'?)" if guess else ""
