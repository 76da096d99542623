"""One problem, one line: `PATH:LINE: message`. Messages are Vietnamese, for editors."""
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the checked tree's root, with '/'
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"
