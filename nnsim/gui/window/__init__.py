"""The main window itself: it builds and places the views and menus (main_window,
menus, docks, keyboard, help, icons). Only here is the window read."""
