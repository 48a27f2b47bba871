"""Training in the window: the worker that runs the session's run, and the views
that draw what training makes (live_view paces them; error and decision plots are
in nnsim.gui.plots)."""
