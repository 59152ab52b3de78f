"""casa_desk: the front desk of Aler Milano's C.A.S.A. offices.

The package is layered (see DESIGN.md §2): ``models`` is pure domain logic, ``store``,
``sync``, ``reports`` and ``security`` are headless, ``ui`` is the only place Qt lives,
and ``app`` wires them together.
"""

__version__ = "0.1.0"
