"""YAML reading that never raises and remembers where each value came from.

Dates stay strings ('2022-01-30'), so JSON Schema's `format: date` judges them and a
bad date such as 2022-02-30 is reported, not turned into a crash by PyYAML.
"""
from dataclasses import dataclass, field

import yaml


class _Loader(yaml.SafeLoader):
    pass


# Drop the timestamp resolver: dates are validated as strings by the schemas.
_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class Parsed:
    value: object = None
    error: str | None = None  # Vietnamese message, already explained
    error_line: int = 0  # 1-based, relative to the text given
    lines: dict = field(default_factory=dict)  # JSON path tuple -> 1-based line


def _index(node, path, lines):
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = path + (key.value,)
            lines[child] = key.start_mark.line + 1
            _index(value, child, lines)
            lines[child] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index(item, path + (i,), lines)


def parse(text: str) -> Parsed:
    """Parse YAML text; on failure return a Vietnamese explanation and the line."""
    try:
        node = yaml.compose(text, Loader=_Loader)
        value = yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        what = (exc.problem or "").strip()
        return Parsed(
            error=f"YAML sai cú pháp ({what}). Kiểm tra dấu ':' sau tên trường, thụt lề bằng dấu cách"
            " và đặt giá trị có dấu ':' hoặc '#' trong ngoặc kép",
            error_line=line,
        )
    except yaml.YAMLError as exc:  # not marked: still a YAML problem, never a traceback
        return Parsed(error=f"YAML sai cú pháp ({exc})", error_line=1)
    lines = {}
    if node is not None:
        _index(node, (), lines)
    return Parsed(value=value, lines=lines)


def line_of(lines: dict, path: tuple, default: int = 1) -> int:
    """The line of the deepest known prefix of `path`."""
    path = tuple(path)
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return lines.get((), default)
