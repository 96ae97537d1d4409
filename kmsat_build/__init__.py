"""kmsat_build: turn the framework YAML into MkDocs pages and questionnaire data.

Data flows one way: YAML -> validated model -> (pages, questionnaire data)
-> MkDocs -> site/.
"""

from __future__ import annotations

from .errors import FrameworkError, Problem
from .loader import load_framework
from .model import Framework

__all__ = ["Framework", "FrameworkError", "Problem", "load_framework"]
