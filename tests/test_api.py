"""The public API is typed for the tools that read it: every function `govdocparse` exports is
annotated, and the package ships the PEP 561 marker."""

from __future__ import annotations

import inspect

import pytest

import govdocparse

from .support import ROOT

FUNCTIONS = [name for name in govdocparse.__all__ if callable(getattr(govdocparse, name))]


def test_the_package_says_it_is_typed():
    assert (ROOT / "src" / "govdocparse" / "py.typed").exists()


@pytest.mark.parametrize("name", FUNCTIONS)
def test_every_exported_function_is_annotated(name):
    function = getattr(govdocparse, name)
    signature = inspect.signature(function)
    unannotated = [p for p, v in signature.parameters.items() if v.annotation is v.empty]
    assert not unannotated, f"govdocparse.{name}: parameters without a type: {unannotated}"
    assert signature.return_annotation is not signature.empty, f"govdocparse.{name}: no return type"
