"""The desktop console: main window, one page per register, dialogs. No business rules here."""
