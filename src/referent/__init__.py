"""referent: live minutes for council meetings, from agenda to approved Word document."""

__version__ = "0.1.0"
