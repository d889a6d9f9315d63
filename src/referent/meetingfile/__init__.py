"""referent's own meeting file (TOML): read and validated with line numbers, written back for people."""
