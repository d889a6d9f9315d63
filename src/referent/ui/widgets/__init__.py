"""Widgets of the live and review screens, one module per region of the screen."""
