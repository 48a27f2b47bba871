"""The Qt desktop interface: editor, panels, plots and workers, on top of the model."""
