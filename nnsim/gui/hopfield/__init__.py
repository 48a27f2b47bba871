"""The Hopfield workspace: pattern editor, library, recall and its plots."""
