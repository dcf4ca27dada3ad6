"""Headless commands of each register (``uv run app.py import|export|report|print …``).

Each function takes the open database and the parsed arguments and returns the exit code:
0 on success, non-zero with one translated line on stderr.  app.py dispatches to them.
"""
