"""The hub: FastAPI app (:mod:`.app`), storage (:mod:`.storage`) and devices (:mod:`.devices`)."""
