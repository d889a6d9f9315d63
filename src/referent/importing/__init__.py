"""Reading a meeting from a file on disk, whatever its format: one entry point chooses the reader."""
