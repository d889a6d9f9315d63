"""Modal dialogs: each asks one thing and returns a typed answer."""
