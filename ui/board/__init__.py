"""The shift lead's live board: throughput, accuracy, progress and at-risk orders per station."""
