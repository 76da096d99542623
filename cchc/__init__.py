"""Shared library of the CCHC site: data loading, front matter, checks, generated pages.

Everything here is a pure function over files and data, used by three thin front ends:
the MkDocs hooks in hooks/, the CLIs in scripts/, and the tests.
"""
