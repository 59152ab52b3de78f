"""The PySide6 user interface. The only package (with app.py) that imports Qt."""
