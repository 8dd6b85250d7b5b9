"""Workshop mode: the facilitator's window for the two SDG dialogues and the room's presenter view."""
