"""YAML reading that never raises and remembers where each value came from.

Dates stay strings ('2022-01-30'), so JSON Schema's `format: date` judges them and a
bad date such as 2022-02-30 is reported, not turned into a crash by PyYAML.
"""
from dataclasses import dataclass, field

import yaml


# libyaml's parser when PyYAML has it (about 10x faster on thousands of pages).
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):
    pass


# Drop the timestamp resolver: dates are validated as strings by the schemas.
_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
# An explicit `!!timestamp 2022-02-30` stays a string too, for the same reason.
_Loader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)

# libyaml's composer calls back into Python for every node's tag (resolve) and twice more for
# path resolvers, which we have none of. The same rules as PyYAML's BaseResolver.resolve, with
# the lookups done once: a fifth of the time to read 3,000 front matters (scripts/bench.py).
assert not _Loader.yaml_path_resolvers
_WILDCARD = _Loader.yaml_implicit_resolvers.get(None, [])
_BY_FIRST = {first: rules + _WILDCARD for first, rules in _Loader.yaml_implicit_resolvers.items() if first is not None}


def _resolve(self, kind, value, implicit):
    if kind is yaml.ScalarNode:
        if implicit[0]:
            for tag, regexp in _BY_FIRST.get(value[:1], _WILDCARD):
                if regexp.match(value):
                    return tag
        return self.DEFAULT_SCALAR_TAG
    return self.DEFAULT_SEQUENCE_TAG if kind is yaml.SequenceNode else self.DEFAULT_MAPPING_TAG


_Loader.resolve = _resolve
_Loader.descend_resolver = lambda self, current_node, current_index: None
_Loader.ascend_resolver = lambda self: None


@dataclass
class Parsed:
    value: object = None
    error: str | None = None  # Vietnamese message, already explained
    error_line: int = 0  # 1-based, relative to the text given
    lines: dict = field(default_factory=dict)  # JSON path tuple -> 1-based line


class _AliasUsed(Exception):
    pass


class _Duplicate(Exception):
    """A key written twice in one mapping: PyYAML would keep the second value silently."""

    def __init__(self, key, first: int, second: int):
        super().__init__(key)
        self.key, self.first, self.second = key, first, second


def _key_lines(node) -> None:
    """Raise _Duplicate for the first key of a mapping node written twice (scalar keys)."""
    seen = {}
    for key, _value in node.value:
        if isinstance(key, yaml.ScalarNode):
            line = key.start_mark.line + 1
            if key.value in seen:
                raise _Duplicate(key.value, seen[key.value], line)
            seen[key.value] = line


def _index(node, path, lines, seen=None):
    # A node reached twice is a YAML alias (*name). Aliases can multiply a short text into
    # billions of values ("billion laughs"), so page and data files may not use them.
    seen = set() if seen is None else seen
    if id(node) in seen:
        raise _AliasUsed
    seen.add(id(node))
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        _key_lines(node)
        for key, value in node.value:
            child = path + (key.value,)
            lines[child] = key.start_mark.line + 1
            _index(value, child, lines, seen)
            lines[child] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index(item, path + (i,), lines, seen)


_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"


class _Unusual(Exception):
    """A tag, merge key or complex key `_build` leaves to PyYAML's constructor."""


_NULL, _BOOL, _INT = "tag:yaml.org,2002:null", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int"


def _scalar(node, loader):
    """A scalar's value; the common tags directly, the rest by PyYAML's constructor."""
    tag, text = node.tag, node.value
    if tag == _STR:
        return text
    if tag == _NULL:
        return None
    if tag == _BOOL:
        return loader.bool_values[text.lower()]
    if tag == _INT and text.isdigit() and (text == "0" or text[0] != "0"):  # '017' is octal in YAML 1.1
        return int(text)
    return loader.construct_object(node, deep=True)


def _build(node, path, lines, seen, loader):
    """The value of `node` and its lines in one walk (what _index and construct_document do
    in two; this is 30 % faster on 2,700 pages). Plain maps, lists and scalars only: anything
    else raises _Unusual and the caller takes the two-walk path. `seen` is None when the text
    has no '*', so no alias can occur."""
    if seen is not None:
        if id(node) in seen:
            raise _AliasUsed
        seen.add(id(node))
    if path not in lines:
        lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node, loader)
    if isinstance(node, yaml.MappingNode):
        if node.tag != _MAP:
            raise _Unusual
        out = {}
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode) or key.tag not in (_STR, _INT):
                raise _Unusual
            child = path + (key.value,)
            line = key.start_mark.line + 1
            name = key.value if key.tag == _STR else _scalar(key, loader)
            if name in out:
                _key_lines(node)  # the two lines, as written
            lines[child] = line
            out[name] = _build(value, child, lines, seen, loader)
            lines[child] = line
        return out
    if node.tag != _SEQ:
        raise _Unusual
    return [_build(item, path + (i,), lines, seen, loader) for i, item in enumerate(node.value)]


def parse(text: str, first_line: int = 1) -> Parsed:
    """Parse YAML text; on failure return a Vietnamese explanation and the line.
    `first_line`: the file's line number of the text's first line (front matter starts on
    line 2), for messages that name a second line."""
    loader = _Loader(text)
    lines = {}
    try:
        # One parse gives both the node tree (for line numbers) and the value.
        node = loader.get_single_node()
        value = None
        if node is not None:
            try:
                value = _build(node, (), lines, set() if "*" in text else None, loader)
            except _Unusual:
                lines = {}
                _index(node, (), lines)
                value = loader.construct_document(node)
    except _Duplicate as exc:
        first, second = exc.first + first_line - 1, exc.second + first_line - 1
        return Parsed(error=f"Trường '{exc.key}' được khai báo hai lần, ở dòng {first} và dòng {second};"
                      " chỉ giá trị sau được dùng. Giữ một dòng, xóa dòng kia", error_line=exc.second)
    except _AliasUsed:
        return Parsed(error="Không dùng neo và bí danh YAML ('&tên', '*tên'); hãy viết đầy đủ từng giá trị",
                      error_line=1)
    except yaml.MarkedYAMLError as exc:
        # For an unclosed quote or bracket PyYAML gives up at the end of the text; where the
        # quote or bracket opened (the context) is where the editor must look.
        opened = exc.context and ("quoted scalar" in exc.context or "flow" in exc.context)
        mark = (exc.context_mark if opened else None) or exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        what = (exc.problem or "").strip()
        return Parsed(
            error=f"YAML sai cú pháp ({what}). Kiểm tra dấu ':' sau tên trường, thụt lề bằng dấu cách"
            " và đặt giá trị có dấu ':' hoặc '#' trong ngoặc kép",
            error_line=line,
        )
    except yaml.YAMLError as exc:  # not marked: still a YAML problem, never a traceback
        return Parsed(error=f"YAML sai cú pháp ({exc})", error_line=1)
    except (ValueError, TypeError, RecursionError) as exc:  # e.g. unhashable keys like {[a]: 1}
        return Parsed(error=f"YAML không đọc được ({exc}). Kiểm tra lại cú pháp phần khai báo", error_line=1)
    finally:
        loader.dispose()
    return Parsed(value=value, lines=lines)


def line_of(lines: dict, path: tuple, default: int = 1) -> int:
    """The line of the deepest known prefix of `path`."""
    # Keys are indexed as written (text): a number key such as 2022 is looked up as '2022'.
    path = tuple(path)
    while path:
        for candidate in (path, path[:-1] + (str(path[-1]),)):
            if candidate in lines:
                return lines[candidate]
        path = path[:-1]
    return lines.get((), default)
