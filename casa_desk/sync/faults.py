"""The named fault points, where sync has always imported them from: see
:mod:`casa_desk.faults` (one module below every layer, so the store's backup has its points
too)."""

from casa_desk.faults import ENV, KILL_STATUS, FaultInjected, arm, disarm, fault_point

__all__ = ["ENV", "KILL_STATUS", "FaultInjected", "arm", "disarm", "fault_point"]
