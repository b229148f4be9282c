"""Policy publication generator: validated policy data rendered into MkDocs pages."""
from .main import define_env

__all__ = ["define_env"]
