"""One problem, one line: `PATH:LINE: message`. Messages are Vietnamese, for editors.

An error blocks (the checker exits 1); a warning is unfinished work, such as a plan item no
page carries yet (exit 0 unless --strict), printed `PATH:LINE: Cảnh báo: message`.
"""
from dataclasses import dataclass

ERROR, WARNING = "error", "warning"
WARNING_LABEL = "Cảnh báo"


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the checked tree's root, with '/'
    line: int
    message: str
    severity: str = ERROR

    @property
    def is_warning(self) -> bool:
        return self.severity == WARNING

    def __str__(self) -> str:
        label = f"{WARNING_LABEL}: " if self.is_warning else ""
        return f"{self.path}:{self.line}: {label}{self.message}"


def warning(path: str, line: int, message: str) -> Problem:
    return Problem(path, line, message, WARNING)
