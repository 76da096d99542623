"""One problem, one line: `PATH:LINE: message`. Messages are Vietnamese, for editors."""
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the checked tree's root, with '/'
    line: int
    message: str
    severity: str = "error"  # 'error' blocks; 'warning' is unfinished or scheduled work, said but not blocking

    def __str__(self) -> str:
        if self.severity == "warning":
            return f"{self.path}:{self.line}: Cảnh báo: {self.message}"
        return f"{self.path}:{self.line}: {self.message}"
