"""The data dock and importing a CSV file into the session."""
