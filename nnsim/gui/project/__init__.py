"""Project files in the window: open, save, autosave, drops, examples, exports."""
